// Where the command line finds the app's settings and keychain entries: the same folder as
// Electron's `userData` (`<appData>/Promo Exporter`) and the same keychain service name, so a
// connection saved in the app works here and the other way round. Both can be moved by environment
// variables, which tests use to stay away from a person's real connections. openSettingsStore creates
// the folder when it is missing, readable by its owner only, as Electron does for `userData`.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { productName } from '../../package.json';

export const DATA_DIR_VARIABLE = 'PROMO_EXPORTER_DATA_DIR';
/** The Electron shell honours the same variable (main/shell/index.ts). */
export const KEYCHAIN_SERVICE_VARIABLE = 'PROMO_EXPORTER_KEYCHAIN_SERVICE';

type Env = Readonly<Record<string, string | undefined>>;

/** Electron's `app.getPath('appData')`, worked out the way Electron does it. */
export function appDataFolder(env: Env, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
}

/** Electron's `app.getPath('userData')` for this app, unless PROMO_EXPORTER_DATA_DIR says otherwise. */
export function dataFolder(env: Env = process.env, platform = process.platform, home = homedir()): string {
  const override = nonEmpty(env[DATA_DIR_VARIABLE]);
  if (override !== undefined) return resolve(override);
  return join(appDataFolder(env, platform, home), productName);
}

/** The keychain service name override, or undefined to use the app's own (KEYCHAIN_SERVICE). */
export function keychainServiceOverride(env: Env = process.env): string | undefined {
  return nonEmpty(env[KEYCHAIN_SERVICE_VARIABLE]);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
