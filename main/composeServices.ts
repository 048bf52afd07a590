// Builds the services and the handler table from plain Node parts. The Electron shell, the command
// line and the UI test harness all go through here, so they run the same code.
import { createAltcraftClient } from './services/altcraft/client';
import { createCodeLibrary } from './services/codeLibrary';
import { createConnections } from './services/connections';
import { openSettingsStore } from './services/settingsStore';
import type { SecretStore } from './services/tokenVault';
import { createTokenVault, KEYCHAIN_SERVICE } from './services/tokenVault';
import { readWorkbook, writeCsv, writeWorkbook } from './services/workbook';
import type { Desktop, Dialogs } from './dialogs';
import { createHandlers } from './handlers';

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
}

export async function composeServices(options: ServiceOptions) {
  const settings = await openSettingsStore(options.dataDir);
  const vault = createTokenVault(options.secretStore, options.keychainService ?? KEYCHAIN_SERVICE);
  const connections = createConnections(settings, vault);
  const library = createCodeLibrary();
  const altcraft = createAltcraftClient(options.fetch === undefined ? {} : { fetch: options.fetch });
  const handlers = createHandlers({
    connections,
    vault,
    library,
    altcraft,
    writeWorkbook,
    writeCsv,
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
