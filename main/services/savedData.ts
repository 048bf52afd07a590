// What the app keeps between runs: the settings file in its data folder (connections, programs,
// window, recent exports) and each connection's token in the keychain, with the connections built on
// both. Opened the same way by the app, the tests (both through composeServices) and the command
// line, which needs only this: it shares the app's connections and keychain entries.
import { createConnections } from './connections';
import { openSnapshotStore } from './review/snapshotStore';
import type { Connections } from './connections';
import { openSettingsStore } from './settingsStore';
import type { SettingsStore } from './settingsStore';
import { createTokenVault, KEYCHAIN_SERVICE } from './tokenVault';
import type { SecretStore, TokenVault } from './tokenVault';

export interface SavedDataOptions {
  /** Where the settings file lives: Electron's userData, or the command line's dataFolder(). */
  dataDir: string;
  /** The system keychain: keytar, which the app wraps so the log knows every token it holds. */
  secretStore: SecretStore;
  /** Another keychain entry name, so tests never touch a person's tokens. */
  keychainService?: string;
}

export interface SavedData {
  settings: SettingsStore;
  vault: TokenVault;
  connections: Connections;
}

export async function openSavedData(options: SavedDataOptions): Promise<SavedData> {
  const settings = await openSettingsStore(options.dataDir);
  const vault = createTokenVault(options.secretStore, options.keychainService ?? KEYCHAIN_SERVICE);
  // Forgetting a program or a connection deletes its snapshots too (review/snapshotStore.ts).
  const connections = createConnections(settings, vault, openSnapshotStore(options.dataDir));
  return { settings, vault, connections };
}
