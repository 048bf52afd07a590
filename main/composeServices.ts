// The one wiring of the services, from plain Node parts: the Electron shell, the UI test harness, the
// Node tests and the bench all build them here, so they run the same code. What differs between them
// comes in as options: the data folder, the keychain, how the Altcraft client reaches the network,
// waits and times out, the clock, the worker's script, and the page's dialogs and desktop. The
// command line, which has no page and no code worker, opens the one part it needs, the saved data
// (services/savedData.ts), the same way.
import type { AltcraftClient, AltcraftClientOptions } from './services/altcraft/client';
import { createAltcraftClient } from './services/altcraft/client';
import { openSavedData } from './services/savedData';
import type { SavedData, SavedDataOptions } from './services/savedData';
import type { StagedCodes, WorkerCodeLibrary } from './codeWorker/workerLibrary';
import { startCodeWorker } from './codeWorker/workerLibrary';
import type { Desktop, Dialogs } from './calls/desktop';
import { createHandlers } from './calls/handlers';
import type { Handlers } from './calls/handlers';

/** How the Altcraft client reaches Altcraft and waits: the defaults in the app, small in tests. */
export type AltcraftOptions = Omit<AltcraftClientOptions, 'readAnswers' | 'now'>;

/** The data folder and the keychain (savedData.ts), and what differs in the rest. */
export interface ServiceOptions extends SavedDataOptions {
  /** In the app, `fetch` is Electron's net.fetch, so requests follow the system proxy and certificates. */
  altcraft?: AltcraftOptions;
  /** Now, for Retry-After dates and the times exports record. */
  clock?: () => Date;
  /** The code worker's script, when not the default (see startCodeWorker). */
  codeWorkerScript?: URL;
  /** What the page's calls need besides the services. */
  page: PageOptions;
}

export interface PageOptions {
  documentsDir: string;
  appVersion: string;
  dialogs: Dialogs;
  desktop: Desktop;
}

export async function composeServices(options: ServiceOptions): Promise<Services> {
  const saved = await openSavedData(options);
  // The codes live in a worker thread, started by the first call: it parses each answer, holds the
  // codes compactly, answers the page's queries and writes the exports, so this thread only moves bytes.
  const library = startCodeWorker(
    options.codeWorkerScript === undefined ? {} : { script: options.codeWorkerScript },
  );
  const clock = options.clock ?? (() => new Date());
  const clientOptions = { ...options.altcraft, now: () => clock().getTime() };
  // "Check" keeps its small answers on this thread: nothing of it is stored.
  const checking = createAltcraftClient(clientOptions);
  const fetching = createAltcraftClient({ ...clientOptions, readAnswers: library.readAnswers });
  const altcraft = { exportAll: fetching.exportAll, check: checking.check };
  const handlers = createHandlers({
    ...saved,
    library,
    altcraft,
    // Offline review runs where the codes are held, in the code worker.
    review: library,
    dataDir: options.dataDir,
    now: clock,
    ...options.page,
  });
  return { ...saved, library, altcraft, handlers };
}

export interface Services extends SavedData {
  library: WorkerCodeLibrary;
  /** Fetches into the code worker; checks on this thread. */
  altcraft: Pick<AltcraftClient<StagedCodes>, 'exportAll' | 'check'>;
  /** The page's calls, one handler each (main/calls). */
  handlers: Handlers;
}
