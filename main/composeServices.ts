// The one wiring of the services, from plain Node parts: the Electron shell, the command line, the
// UI test harness, the Node tests and the bench all build them here, so they run the same code.
// What differs between them comes in as options: the keychain, the data folder, how the Altcraft
// client reaches the network, waits and times out, the clock, and, for the page's calls, the
// dialogs and the desktop.
import type { AltcraftClient, AltcraftClientOptions } from './services/altcraft/client';
import { createAltcraftClient } from './services/altcraft/client';
import type { Connections } from './services/connections';
import { createConnections } from './services/connections';
import type { SettingsStore } from './services/settingsStore';
import { openSettingsStore } from './services/settingsStore';
import type { SecretStore, TokenVault } from './services/tokenVault';
import { createTokenVault, KEYCHAIN_SERVICE } from './services/tokenVault';
import type { ReadWorkbookOptions } from './services/workbook';
import type { StagedCodes, WorkerCodeLibrary } from './codeWorker/workerLibrary';
import { startCodeWorker } from './codeWorker/workerLibrary';
import type { Desktop, Dialogs } from './calls/desktop';
import { createHandlers } from './calls/handlers';
import type { Handlers } from './calls/handlers';

/** How the Altcraft client reaches Altcraft and waits: the defaults in the app, small in tests. */
export type AltcraftOptions = Omit<AltcraftClientOptions, 'judge' | 'now'>;

export interface ServiceOptions {
  /** Where the settings file lives: Electron's userData, or the command line's dataFolder(). */
  dataDir: string;
  /** The system keychain: keytar, which the app wraps so the log knows every token it holds. */
  secretStore: SecretStore;
  /** Another keychain entry name, so tests never touch a person's tokens. */
  keychainService?: string;
  /** In the app, `fetch` is Electron's net.fetch, so requests follow the system proxy and certificates. */
  altcraft?: AltcraftOptions;
  /** Now, for Retry-After dates and the times exports record. */
  clock?: () => Date;
  /** The code worker's script, when not the default (see startCodeWorker). */
  codeWorkerScript?: URL;
  /** For the page's calls; the command line has no page and leaves it out. */
  page?: PageOptions;
}

export interface PageOptions {
  documentsDir: string;
  appVersion: string;
  dialogs: Dialogs;
  desktop: Desktop;
}

export async function composeServices(options: ServiceOptions & { page: PageOptions }): Promise<AppServices>;
export async function composeServices(options: ServiceOptions): Promise<Services>;
export async function composeServices(options: ServiceOptions): Promise<Services | AppServices> {
  const settings = await openSettingsStore(options.dataDir);
  const vault = createTokenVault(options.secretStore, options.keychainService ?? KEYCHAIN_SERVICE);
  const connections = createConnections(settings, vault);
  // The codes live in a worker thread, started by the first call: it parses each answer, holds the
  // codes compactly, answers the page's queries and writes the exports, so this thread only moves bytes.
  const library = startCodeWorker(
    options.codeWorkerScript === undefined ? {} : { script: options.codeWorkerScript },
  );
  const clock = options.clock ?? (() => new Date());
  const clientOptions = { ...options.altcraft, now: () => clock().getTime() };
  // "Check" keeps its small answers on this thread: nothing of it is stored.
  const checking = createAltcraftClient(clientOptions);
  const fetching = createAltcraftClient({ ...clientOptions, judge: library.judge });
  const altcraft = { exportAll: fetching.exportAll, check: checking.check };
  const services: Services = { settings, vault, connections, library, altcraft };
  if (options.page === undefined) return services;

  const handlers = createHandlers({ ...services, readWorkbook, now: clock, ...options.page });
  return { ...services, handlers };
}

/**
 * The spreadsheet library is loaded when a workbook is first opened, not with the services: the
 * command line's connection commands then start without it.
 */
async function readWorkbook(path: string, options?: ReadWorkbookOptions) {
  const workbook = await import('./services/workbook/readWorkbook');
  return workbook.readWorkbook(path, options);
}

export interface Services {
  settings: SettingsStore;
  vault: TokenVault;
  connections: Connections;
  library: WorkerCodeLibrary;
  /** Fetches into the code worker; checks on this thread. */
  altcraft: Pick<AltcraftClient<StagedCodes>, 'exportAll' | 'check'>;
}

export interface AppServices extends Services {
  /** The page's calls, one handler each (main/calls). */
  handlers: Handlers;
}
