// Offline review: a saved workbook opened again (its programs held like fetched ones, under a source of
// their own, so the page browses them the same way), and a program or an opened workbook compared with
// another export, its changed codes shown a window at a time and saved. Reading happens in the code
// worker, with progress and Cancel; nothing is read on this thread.
import { join } from 'node:path';
import type { CallContext, HandlerDeps, HandlersOf } from './types';
import { programLabel } from './types';
import type { ReadingProgress } from '../../app/reviewContract';

type ReviewCalls =
  'workbook:open' | 'review:cancel' | 'review:compare' | 'review:changes' | 'review:saveChanges';

const PROGRESS_INTERVAL_MS = 100;

export function reviewCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<ReviewCalls> {
  const { review, settings, connections } = deps;
  const now = deps.now ?? (() => new Date());
  let opened = 0;
  /** The programs of each workbook opened, by source: what a comparison of it names them. */
  const openedSources = new Map<string, Map<number, string>>();

  /** The reading (or saving) under way, so "Cancel" can stop it; one at a time. */
  let current: AbortController | null = null;
  const reading = async <T>(
    context: CallContext,
    work: (control: { signal: AbortSignal; onProgress: (progress: ReadingProgress) => void }) => Promise<T>,
  ): Promise<T> => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    let lastAt = 0;
    try {
      return await work({
        signal: controller.signal,
        onProgress: (progress) => {
          const at = Date.now();
          if (at - lastAt < PROGRESS_INTERVAL_MS && progress.bytesRead < progress.bytesTotal) return;
          lastAt = at;
          context.emit('review:progress', progress);
        },
      });
    } finally {
      if (current === controller) current = null;
    }
  };
  const chooseWorkbook = () =>
    deps.dialogs.chooseWorkbookToOpen({ defaultPath: settings.get().lastSaveFolder ?? deps.documentsDir });

  return {
    'workbook:open': async (_, context) => {
      const path = await chooseWorkbook();
      if (path === null) return null;
      opened += 1;
      const sourceId = `workbook ${opened}`;
      const fetchedAt = now().getTime();
      const content = await reading(context, (control) =>
        review.openWorkbook(path, sourceId, fetchedAt, control),
      );
      openedSources.set(sourceId, new Map(content.programs.map((p) => [p.loyaltyId, p.name])));
      return {
        sourceId,
        path,
        programs: content.programs.map(({ loyaltyId, total, counts }) => ({
          connectionId: sourceId,
          loyaltyId,
          total,
          counts,
          fetchedAt,
        })),
        names: content.programs.map((program) => program.name),
        exportedAt: content.exportedAt,
      };
    },

    'review:cancel': async () => {
      current?.abort();
      return null;
    },

    'review:compare': async ({ sourceId, loyaltyIds }, context) => {
      const workbook = openedSources.get(sourceId);
      // A connection's programs are named as the person named them; it must still exist.
      const connection = workbook === undefined ? connections.get(sourceId) : null;
      const programs = loyaltyIds.map((loyaltyId) => ({
        loyaltyId,
        name: workbook?.get(loyaltyId) ?? programLabel(connections, sourceId, loyaltyId),
      }));
      const fetched = connection?.programs.find((p) => p.loyaltyId === loyaltyIds[0])?.lastFetchedAt ?? null;
      const path = await chooseWorkbook();
      if (path === null) return null;
      return reading(context, (control) =>
        review.compareWithFile({ sourceId, programs, at: fetched, path }, control),
      );
    },

    'review:changes': (query) => review.changes(query),

    'review:saveChanges': async ({ comparisonId, format, language }, context) => {
      const folder = settings.get().lastSaveFolder ?? deps.documentsDir;
      const target = await deps.dialogs.chooseSaveTarget({
        defaultPath: join(folder, `Changes ${isoDate(now())}.${format}`),
        kind: format,
      });
      if (target === null) return null;
      const saved = await reading(context, ({ signal }) =>
        review.saveChanges({
          comparisonId,
          target,
          format,
          language,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          signal,
          onProgress: (progress) => context.emit('workbook:progress', progress),
        }),
      );
      return { path: saved.path, rows: saved.rows, sheetNames: saved.sheetNames };
    },
  };
}

/** yyyy-mm-dd in the computer's time zone, for file names. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
