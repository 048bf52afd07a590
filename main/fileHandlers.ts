// The calls that write and read files: save a workbook or a CSV through the save dialog, open a
// saved workbook for offline review, and the list of recent exports with Open and Show in folder.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../app/appError';
import type { HandlerDeps, Handlers } from './handlers';
import type { RecentExport } from './services/settingsStore';

const RECENT_EXPORTS_KEPT = 20;

type FileCalls =
  | 'workbook:save'
  | 'workbook:cancel'
  | 'csv:save'
  | 'workbook:open'
  | 'exports:list'
  | 'exports:open'
  | 'exports:showInFolder';

export function createFileHandlers<Fetched>(
  deps: HandlerDeps<Fetched>,
  programLabel: (connectionId: string, loyaltyId: number) => string,
): Pick<Handlers, FileCalls> {
  const { connections, library, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let opened = 0;

  const chooseTarget = async (baseName: string, kind: 'xlsx' | 'csv', at: Date) => {
    const folder = settings.get().lastSaveFolder ?? deps.documentsDir;
    return deps.dialogs.chooseSaveTarget({
      defaultPath: join(folder, `${safeFileName(baseName)} ${isoDate(at)}.${kind}`),
      kind,
    });
  };
  const remember = (entry: RecentExport) =>
    settings.update((s) => ({
      ...s,
      lastSaveFolder: dirname(entry.path),
      recentExports: [entry, ...s.recentExports.filter((e) => e.path !== entry.path)].slice(
        0,
        RECENT_EXPORTS_KEPT,
      ),
    }));
  /** Only files this app exported may be opened or shown: the page cannot name any other path. */
  const recent = (path: string): RecentExport => {
    const found = settings.get().recentExports.find((e) => e.path === path);
    if (found === undefined)
      throw new AppError({ code: 'not-found', message: 'This export is not in the list.' });
    return found;
  };
  const requireFetched = (connectionId: string, loyaltyId: number) => {
    if (!library.has(connectionId, loyaltyId)) {
      throw new AppError({ code: 'not-found', message: 'Get the codes of this loyalty program first.' });
    }
  };

  /** The save under way, so "Cancel" can stop it; the writer then leaves the target untouched. */
  let currentSave: AbortController | null = null;
  const saving = async <T>(write: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    currentSave?.abort();
    const controller = new AbortController();
    currentSave = controller;
    try {
      return await write(controller.signal);
    } finally {
      if (currentSave === controller) currentSave = null;
    }
  };

  return {
    'workbook:cancel': async () => {
      currentSave?.abort();
      return null;
    },
    'workbook:save': async ({ connectionId, loyaltyIds, filter, language }, context) => {
      const connection = connections.get(connectionId);
      for (const loyaltyId of loyaltyIds) requireFetched(connectionId, loyaltyId);
      const exportedAt = now();
      const labels = loyaltyIds.map((id) => programLabel(connectionId, id));
      const target = await chooseTarget(
        loyaltyIds.length === 1 ? `${labels[0]} promo codes` : 'Promo codes',
        'xlsx',
        exportedAt,
      );
      if (target === null) return null;
      const programs = loyaltyIds.map((loyaltyId) => ({
        loyaltyId,
        name: connection.programs.find((p) => p.loyaltyId === loyaltyId)?.name ?? null,
      }));
      const result = await saving((signal) =>
        library.writeWorkbook({
          signal,
          target,
          host: connection.host,
          connectionId,
          programs,
          filter,
          exportedAt,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          appVersion: deps.appVersion,
          language,
          onProgress: (p) => context.emit('workbook:progress', p),
        }),
      );
      await remember({
        path: result.path,
        kind: 'xlsx',
        programs: labels,
        rows: result.rows,
        at: exportedAt.getTime(),
      });
      return { path: result.path, rows: result.rows, sheetNames: result.sheets.flatMap((s) => s.sheetNames) };
    },

    'csv:save': async ({ connectionId, loyaltyId, filter, language }, context) => {
      const connection = connections.get(connectionId);
      requireFetched(connectionId, loyaltyId);
      const exportedAt = now();
      const label = programLabel(connectionId, loyaltyId);
      const target = await chooseTarget(`${label} promo codes`, 'csv', exportedAt);
      if (target === null) return null;
      const result = await saving((signal) =>
        library.writeCsv({
          signal,
          target,
          connectionId,
          program: {
            loyaltyId,
            name: connection.programs.find((p) => p.loyaltyId === loyaltyId)?.name ?? null,
          },
          filter,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          language,
          onProgress: (p) => context.emit('workbook:progress', p),
        }),
      );
      await remember({
        path: result.path,
        kind: 'csv',
        programs: [label],
        rows: result.rows,
        at: exportedAt.getTime(),
      });
      return { path: result.path, rows: result.rows, sheetNames: [] };
    },

    'workbook:open': async () => {
      const path = await deps.dialogs.chooseWorkbookToOpen({
        defaultPath: settings.get().lastSaveFolder ?? deps.documentsDir,
      });
      if (path === null) return null;
      const { programs } = await deps.readWorkbook(path);
      opened += 1;
      const sourceId = `workbook ${opened}`;
      const fetchedAt = now().getTime();
      const summaries = await Promise.all(
        programs.map(async (program, index) => {
          // A program whose ID the workbook does not say gets a stand-in, so it can still be shown.
          const loyaltyId = program.loyaltyId ?? index + 1;
          const entry = await library.store(sourceId, loyaltyId, program.codes, fetchedAt);
          return {
            connectionId: sourceId,
            loyaltyId,
            total: program.codes.length,
            counts: entry.counts,
            fetchedAt,
          };
        }),
      );
      return { sourceId, path, programs: summaries, names: programs.map((p) => p.name) };
    },

    'exports:list': async () =>
      Promise.all(
        settings.get().recentExports.map(async (entry) => ({
          ...entry,
          exists: await stat(entry.path).then(
            (s) => s.isFile(),
            () => false,
          ),
        })),
      ),

    'exports:open': async ({ path }) => {
      await deps.desktop.openPath(recent(path).path);
      return null;
    },

    'exports:showInFolder': async ({ path }) => {
      deps.desktop.showInFolder(recent(path).path);
      return null;
    },
  };
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
