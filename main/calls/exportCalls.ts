// Saving codes: a workbook (one program or several) or a CSV file, through the save dialog, with
// progress and Cancel; a cancelled or failed save leaves the file already there untouched.
import { join } from 'node:path';
import { rememberExport } from '../services/recentExports';
import type { HandlerDeps, HandlersOf } from './types';
import { notFetched, programLabel } from './types';

type ExportCalls = 'workbook:save' | 'workbook:cancel' | 'csv:save';

export function exportCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<ExportCalls> {
  const { connections, library, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const label = (connectionId: string, loyaltyId: number) =>
    programLabel(connections, connectionId, loyaltyId);
  const nameOf = (connectionId: string, loyaltyId: number) =>
    connections.get(connectionId).programs.find((p) => p.loyaltyId === loyaltyId)?.name ?? null;

  const chooseTarget = async (baseName: string, kind: 'xlsx' | 'csv', at: Date) => {
    const folder = settings.get().lastSaveFolder ?? deps.documentsDir;
    return deps.dialogs.chooseSaveTarget({
      defaultPath: join(folder, `${safeFileName(baseName)} ${isoDate(at)}.${kind}`),
      kind,
    });
  };
  const requireFetched = (connectionId: string, loyaltyId: number) => {
    if (!library.has(connectionId, loyaltyId)) throw notFetched();
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
    'workbook:save': async ({ connectionId, loyaltyIds, filter, language, changesOf }, context) => {
      const connection = connections.get(connectionId);
      for (const loyaltyId of loyaltyIds) requireFetched(connectionId, loyaltyId);
      const exportedAt = now();
      const labels = loyaltyIds.map((id) => label(connectionId, id));
      const target = await chooseTarget(
        loyaltyIds.length === 1 ? `${labels[0]} promo codes` : 'Promo codes',
        'xlsx',
        exportedAt,
      );
      if (target === null) return null;
      const programs = loyaltyIds.map((loyaltyId) => ({ loyaltyId, name: nameOf(connectionId, loyaltyId) }));
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
          ...(changesOf === undefined ? {} : { changesOf }),
          onProgress: (p) => context.emit('workbook:progress', p),
        }),
      );
      await rememberExport(settings, {
        path: result.path,
        kind: 'xlsx',
        programs: labels,
        rows: result.rows,
        at: exportedAt.getTime(),
      });
      const sheetNames = [...result.sheets.flatMap((s) => s.sheetNames), ...(result.changesSheets ?? [])];
      return { path: result.path, rows: result.rows, sheetNames };
    },

    'csv:save': async ({ connectionId, loyaltyId, filter, language, delimiter }, context) => {
      requireFetched(connectionId, loyaltyId);
      const exportedAt = now();
      const programName = label(connectionId, loyaltyId);
      const target = await chooseTarget(`${programName} promo codes`, 'csv', exportedAt);
      if (target === null) return null;
      const result = await saving((signal) =>
        library.writeCsv({
          signal,
          target,
          connectionId,
          program: { loyaltyId, name: nameOf(connectionId, loyaltyId) },
          filter,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          language,
          delimiter,
          onProgress: (p) => context.emit('workbook:progress', p),
        }),
      );
      await rememberExport(settings, {
        path: result.path,
        kind: 'csv',
        programs: [programName],
        rows: result.rows,
        at: exportedAt.getTime(),
      });
      return { path: result.path, rows: result.rows, sheetNames: [] };
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
