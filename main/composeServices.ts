// Builds the services and the handler table from plain Node parts. The Electron shell, the command
// line and the UI test harness all go through here, so they run the same code.
import { createAltcraftClient } from './services/altcraft/client';
import { createConnections } from './services/connections';
import { openSettingsStore } from './services/settingsStore';
import type { SecretStore } from './services/tokenVault';
import { createTokenVault, KEYCHAIN_SERVICE } from './services/tokenVault';
import { readWorkbook } from './services/workbook';
import { startCodeWorker } from './codeWorker/workerLibrary';
import type { Desktop, Dialogs } from './calls/desktop';
import { createHandlers } from './calls/handlers';

export interface ServiceOptions {
  dataDir: string;
  documentsDir: string;
  appVersion: string;
  dialogs: Dialogs;
  desktop: Desktop;
  /** Electron's net.fetch in the app, so requests follow the system proxy and certificates. */
  fetch?: typeof fetch;
  keychainService?: string;
  secretStore?: SecretStore;
  /** The code worker's script, when not the default (see startCodeWorker). */
  codeWorkerScript?: URL;
}

export async function composeServices(options: ServiceOptions) {
  const settings = await openSettingsStore(options.dataDir);
  const vault = createTokenVault(options.secretStore, options.keychainService ?? KEYCHAIN_SERVICE);
  const connections = createConnections(settings, vault);
  // The codes live in a worker thread: it parses each answer, holds the codes compactly, answers the
  // page's queries and writes the exports, so the main process only moves bytes.
  const library = startCodeWorker(
    options.codeWorkerScript === undefined ? {} : { script: options.codeWorkerScript },
  );
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch };
  // "Check" keeps its small answers on this thread: nothing of it is stored.
  const checking = createAltcraftClient(fetchOption);
  const fetching = createAltcraftClient({ ...fetchOption, judge: library.judge });
  const altcraft = { exportAll: fetching.exportAll, check: checking.check };
  const handlers = createHandlers({
    connections,
    vault,
    library,
    altcraft,
    readWorkbook,
    dialogs: options.dialogs,
    desktop: options.desktop,
    settings,
    appVersion: options.appVersion,
    documentsDir: options.documentsDir,
  });
  return { settings, vault, connections, library, altcraft, handlers };
}

export type Services = Awaited<ReturnType<typeof composeServices>>;
