// The main process's handler table: one function per call of the IPC contract, written against
// injected services so it runs the same under Electron, under the UI test harness and in tests.
import { AppError } from '../app/appError';
import type { AppEvents, CallArg, CallChannel, CallResults, EventName } from '../app/ipcContract';
import type { Desktop, Dialogs } from './dialogs';
import type { AltcraftClient } from './services/altcraft/client';
import type { CodeLibrary } from './services/codeLibrary';
import type { Connections } from './services/connections';
import type { SettingsStore } from './services/settingsStore';
import type { TokenVault } from './services/tokenVault';
import type { PromoCode } from '../app/promoCode';
import type { ReadProgram, ReadWorkbookOptions } from './services/workbook';
import { createFileHandlers } from './fileHandlers';

/** What a handler may do besides answering: send events to the page that called it. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: AppEvents[E]): void;
}

export type Handlers = {
  [C in CallChannel]: (arg: CallArg<C>, context: CallContext) => Promise<CallResults[C]>;
};

/**
 * `Fetched` is what the Altcraft client's exportAll gives and the library stores: PromoCodes on this
 * thread, or a handle to codes parsed in the code worker (see composeServices).
 */
export interface HandlerDeps<Fetched = readonly PromoCode[]> {
  connections: Connections;
  vault: TokenVault;
  /** Holds the fetched codes, answers the page's queries and writes the exports. */
  library: CodeLibrary<NoInfer<Fetched>>;
  altcraft: Pick<AltcraftClient<Fetched>, 'exportAll' | 'check'>;
  readWorkbook: (path: string, options?: ReadWorkbookOptions) => Promise<{ programs: ReadProgram[] }>;
  dialogs: Dialogs;
  desktop: Desktop;
  settings: SettingsStore;
  appVersion: string;
  /** Where the save dialog opens the first time. */
  documentsDir: string;
  now?: () => Date;
}

const PROGRESS_INTERVAL_MS = 100;

export function createHandlers<Fetched>(deps: HandlerDeps<Fetched>) {
  const { connections, vault, library } = deps;
  const now = deps.now ?? (() => new Date());
  const downloads = new Map<string, AbortController>();
  const downloadKey = (connectionId: string, loyaltyId: number) => `${connectionId}\u0000${loyaltyId}`;

  const programLabel = (connectionId: string, loyaltyId: number) =>
    connections.get(connectionId).programs.find((p) => p.loyaltyId === loyaltyId)?.name ??
    `Loyalty ${loyaltyId}`;

  return {
    'app:notices': async () => ({ settingsSetAside: deps.settings.setAsidePath }),
    'connections:list': () => connections.list(),
    'connections:add': (arg) => connections.add(arg),
    'connections:rename': ({ connectionId, name }) => connections.rename(connectionId, name),
    'connections:setHost': ({ connectionId, host }) => connections.setHost(connectionId, host),
    'connections:check': async ({ connectionId }) => {
      const connection = connections.get(connectionId);
      return deps.altcraft.check(connection.host, await vault.read(connectionId));
    },
    'connections:replaceToken': ({ connectionId, token }) => connections.replaceToken(connectionId, token),
    'connections:forget': async ({ connectionId }) => {
      await connections.forget(connectionId);
      return null;
    },

    'programs:add': ({ connectionId, loyaltyId, name }) =>
      connections.nameProgram(connectionId, loyaltyId, name),
    'programs:rename': ({ connectionId, loyaltyId, name }) =>
      connections.nameProgram(connectionId, loyaltyId, name),
    'programs:remove': ({ connectionId, loyaltyId }) => connections.removeProgram(connectionId, loyaltyId),

    'codes:fetch': async ({ connectionId, loyaltyId }, context) => {
      const connection = connections.get(connectionId);
      const token = await vault.read(connectionId);
      const key = downloadKey(connectionId, loyaltyId);
      downloads.get(key)?.abort();
      const controller = new AbortController();
      downloads.set(key, controller);
      let lastProgressAt = 0;
      try {
        const fetched = await deps.altcraft.exportAll({
          host: connection.host,
          token,
          loyaltyId,
          signal: controller.signal,
          onProgress: ({ received, total }) => {
            const at = Date.now();
            if (at - lastProgressAt < PROGRESS_INTERVAL_MS && received !== total) return;
            lastProgressAt = at;
            context.emit('codes:progress', { connectionId, loyaltyId, received, total });
          },
        });
        const fetchedAt = now().getTime();
        const { total, counts } = await library.store(connectionId, loyaltyId, fetched, fetchedAt);
        await connections.recordFetch(connectionId, loyaltyId, total, fetchedAt);
        return { connectionId, loyaltyId, total, counts, fetchedAt };
      } finally {
        if (downloads.get(key) === controller) downloads.delete(key);
      }
    },

    'codes:cancel': async ({ connectionId, loyaltyId }) => {
      downloads.get(downloadKey(connectionId, loyaltyId))?.abort();
      return null;
    },

    'codes:query': async ({ connectionId, loyaltyId, view, offset, limit }) => {
      const page = await library.query(connectionId, loyaltyId, view, offset, limit);
      if (page === null) throw notFetched();
      return page;
    },

    'codes:texts': async ({ connectionId, loyaltyId, view, ranges }) => {
      const texts = await library.codesAt(connectionId, loyaltyId, view, ranges);
      if (texts === null) throw notFetched();
      return texts.join('\n');
    },

    ...createFileHandlers(deps, programLabel),
  } satisfies Handlers;
}

function notFetched(): AppError {
  return new AppError({ code: 'not-found', message: 'Get the codes of this loyalty program first.' });
}
