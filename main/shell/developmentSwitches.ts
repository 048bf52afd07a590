// The switches a developer's run may flip through the environment: the page from the development
// server (`npm run dev`, which also brings the developer tools), the demo profile (`npm run demo`)
// and another keychain entry name (tests of the built app). The installed app honours none of them:
// there they would let anyone who can set an environment variable load another page, one that
// passes the sender check and holds the keychain's calls, or put tokens under another name.
// Pure: the environment and Electron's `app.isPackaged` come in as arguments.

export interface DevelopmentSwitches {
  /** The development server's page (ELECTRON_RENDERER_URL), or null for the app's own. */
  rendererUrl: string | null;
  /** A ready connection to the Altcraft simulator in a profile of its own (PROMO_EXPORTER_DEMO_*). */
  demo: { host: string; token: string } | null;
  /** The keychain entry name for the tokens, instead of the app's (PROMO_EXPORTER_KEYCHAIN_SERVICE). */
  keychainService: string | null;
}

export const NO_SWITCHES: DevelopmentSwitches = { rendererUrl: null, demo: null, keychainService: null };

export function developmentSwitches(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): DevelopmentSwitches {
  if (isPackaged) return NO_SWITCHES;
  const set = (name: string): string | null => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? null : value;
  };
  const demoHost = set('PROMO_EXPORTER_DEMO_HOST');
  const demoToken = set('PROMO_EXPORTER_DEMO_TOKEN');
  return {
    rendererUrl: set('ELECTRON_RENDERER_URL'),
    demo: demoHost !== null && demoToken !== null ? { host: demoHost, token: demoToken } : null,
    keychainService: set('PROMO_EXPORTER_KEYCHAIN_SERVICE'),
  };
}
