// Which addresses the app may hand to the system browser (shell.openExternal). A page that could
// open any URL could start other programs (file:, custom schemes) or send people to a look-alike
// site, so only https addresses on these exact hosts pass: Altcraft's own documentation and site.
// Pure, so the rule is tested without Electron.

export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'altcraft.com',
  'guides.altcraft.com',
  'docs.altcraft.com',
]);

export function isAllowedExternalUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    // user:password@ in a link is a classic disguise (https://altcraft.com@evil.example).
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HOSTS.has(url.hostname)
  );
}
