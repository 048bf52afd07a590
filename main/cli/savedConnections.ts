// The app's saved connections, opened only by the commands that need them: an export with
// ALTCRAFT_TOKEN then runs even on a machine without a keychain (keytar loads a native library).
// Same settings file, same keychain service, same services as the Electron app.
import type { StoredConnection } from '../services/settingsStore';
import type { Connections } from '../services/connections';
import type { TokenVault } from '../services/tokenVault';
import { dataFolder, keychainServiceOverride } from './dataFolder';
import { AppError } from '../../app/appError';
import { UsageError } from './exitCodes';
import type { Terminal } from './terminal';

export interface SavedConnections {
  connections: Connections;
  vault: TokenVault;
  /** Whether a connection has this name, in any case. */
  has(name: string): boolean;
  /** The connection with this name (exact, else the one matching in another case); a missing or
   *  ambiguous name is a usage error. */
  named(name: string): StoredConnection;
}

export async function openSavedConnections(terminal: Terminal): Promise<SavedConnections> {
  const { env } = terminal;
  // Opened as the app opens them (services/savedData.ts), with the app's data folder and keychain
  // entries (dataFolder.ts). keytar is loaded only now: an export with ALTCRAFT_TOKEN runs without it.
  const [{ openSavedData }, keytar] = await Promise.all([
    import('../services/savedData'),
    import('keytar').then(
      (loaded) => loaded.default,
      (error: unknown) => {
        throw keychainNotLoaded(error);
      },
    ),
  ]);
  const keychainService = keychainServiceOverride(env);
  const { settings, vault, connections } = await openSavedData({
    dataDir: dataFolder(env),
    secretStore: keytar,
    ...(keychainService === undefined ? {} : { keychainService }),
  });
  if (settings.setAsidePath !== null) {
    // The app tells people the same at start: their connections are not lost without a word.
    terminal.stderr.write(
      `promo-exporter: the settings file could not be read; it was set aside as ${settings.setAsidePath} and an empty one started.\n`,
    );
  }
  const all = () => settings.get().connections;

  const matching = (name: string): StoredConnection[] => {
    const exact = all().filter((c) => c.name === name);
    if (exact.length > 0) return exact;
    return all().filter((c) => c.name.toLowerCase() === name.toLowerCase());
  };
  return {
    connections,
    vault,
    has: (name) => matching(name).length > 0,
    named(name) {
      const found = matching(name);
      if (found.length > 1) {
        throw new UsageError(
          `${found.length} saved connections are named "${name}": rename one in the app, then try again.`,
        );
      }
      const [connection] = found;
      if (connection === undefined) {
        throw new UsageError(
          `There is no saved connection named "${name}" (see "promo-exporter connections list").`,
        );
      }
      return connection;
    },
  };
}

/** keytar is a native module: on Linux it needs libsecret, which a bare server may lack. */
function keychainNotLoaded(error: unknown): unknown {
  const text = error instanceof Error ? error.message : String(error);
  if (!/keytar|libsecret|\.node\b/i.test(text)) return error; // a broken install, not the keychain
  return new AppError(
    {
      code: 'keychain-unavailable',
      message:
        'The system keychain could not be loaded. On Linux, install libsecret and a Secret Service such as GNOME Keyring.',
      detail: text,
    },
    { cause: error },
  );
}
