// The main process's handler table: one function per call of the IPC contract, written against
// injected services so it runs the same under Electron, under the UI test harness and in tests.
import { dirname, join } from 'node:path';
import { AppError } from '../app/appError';
import type { AppEvents, CallArg, CallChannel, CallResults, EventName } from '../app/ipcContract';
import type { CodeFilter, PromoCode } from '../app/promoCode';
import type { Dialogs } from './dialogs';
import type { AltcraftClient } from './services/altcraft/client';
import type { CodeLibrary } from './services/codeLibrary';
import type { Connections } from './services/connections';
import type { SettingsStore } from './services/settingsStore';
import type { TokenVault } from './services/tokenVault';
import type { WorkbookRequest, WorkbookResult } from './services/workbook/writeWorkbook';

/** What a handler may do besides answering: send events to the page that called it. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: AppEvents[E]): void;
}

export type Handlers = {
  [C in CallChannel]: (arg: CallArg<C>, context: CallContext) => Promise<CallResults[C]>;
};

export interface HandlerDeps {
  connections: Connections;
  vault: TokenVault;
  library: CodeLibrary;
  altcraft: Pick<AltcraftClient, 'exportAll' | 'check'>;
  writeWorkbook: (request: WorkbookRequest) => Promise<WorkbookResult>;
  dialogs: Dialogs;
  settings: SettingsStore;
  appVersion: string;
  /** Where the save dialog opens the first time. */
  documentsDir: string;
  now?: () => Date;
}

const PROGRESS_INTERVAL_MS = 100;

export function createHandlers(deps: HandlerDeps) {
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
        const codes = await deps.altcraft.exportAll({
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
        const entry = library.store(connectionId, loyaltyId, codes, fetchedAt);
        await connections.recordFetch(connectionId, loyaltyId, codes.length, fetchedAt);
        return { connectionId, loyaltyId, total: codes.length, counts: entry.counts, fetchedAt };
      } finally {
        if (downloads.get(key) === controller) downloads.delete(key);
      }
    },

    'codes:cancel': async ({ connectionId, loyaltyId }) => {
      downloads.get(downloadKey(connectionId, loyaltyId))?.abort();
      return null;
    },

    'codes:query': async ({ connectionId, loyaltyId, filter, offset, limit }) => {
      const page = library.query(connectionId, loyaltyId, filter, offset, limit);
      if (page === null) throw notFetched();
      return page;
    },

    'workbook:save': async ({ connectionId, loyaltyIds, filter }, context) => {
      const connection = connections.get(connectionId);
      for (const loyaltyId of loyaltyIds) if (!library.has(connectionId, loyaltyId)) throw notFetched();
      const exportedAt = now();
      const first = loyaltyIds[0] as number;
      const baseName =
        loyaltyIds.length === 1 ? `${programLabel(connectionId, first)} promo codes` : 'Promo codes';
      const folder = deps.settings.get().lastSaveFolder ?? deps.documentsDir;
      const target = await deps.dialogs.chooseSaveTarget({
        defaultPath: join(folder, `${safeFileName(baseName)} ${isoDate(exportedAt)}.xlsx`),
        kind: 'xlsx',
      });
      if (target === null) return null;
      const programs = loyaltyIds.map((loyaltyId) => ({
        loyaltyId,
        name: connection.programs.find((p) => p.loyaltyId === loyaltyId)?.name ?? null,
        codes: library.matching(connectionId, loyaltyId, filter) as readonly PromoCode[],
      }));
      const result = await deps.writeWorkbook({
        target,
        host: connection.host,
        programs,
        filter: isFiltered(filter) ? filter : null,
        exportedAt,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        appVersion: deps.appVersion,
        language: 'en',
        onProgress: (p) => context.emit('workbook:progress', p),
      });
      await deps.settings.update((s) => ({ ...s, lastSaveFolder: dirname(target) }));
      return { path: result.path, rows: result.rows, sheetNames: result.sheets.flatMap((s) => s.sheetNames) };
    },
  } satisfies Handlers;
}

function notFetched(): AppError {
  return new AppError({ code: 'not-found', message: 'Get the codes of this loyalty program first.' });
}

function isFiltered(filter: CodeFilter): boolean {
  return filter.status !== null || filter.search !== '';
}

/** yyyy-mm-dd in the computer's time zone, for file names. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Characters no file system accepts in a name become a dash. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').trim() || 'Promo codes';
}
