// Offline review: a saved workbook opened again, its programs held like fetched ones under a source
// of their own, so the page browses them the same way.
import { promoCodeAt } from '../services/codes/compactCodes';
import type { HandlerDeps, HandlersOf } from './types';

export function reviewCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<'workbook:open'> {
  const { library, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let opened = 0;
  return {
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
          const codes = Array.from({ length: program.codes.length }, (_, i) => promoCodeAt(program.codes, i));
          const entry = await library.store(sourceId, loyaltyId, codes, fetchedAt);
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
  };
}
