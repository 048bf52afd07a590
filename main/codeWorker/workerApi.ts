// What the code worker answers: one plain object of functions, and nothing else. Main's side takes
// every call's arguments and result from this object's own type (protocol.ts), as lossless-cut does
// with its remote API, so the two sides cannot drift; the library's calls are the library's own
// methods, typed by the library. Plain: the worker's entry wires it to its port, tests call it here.
import type { PromoCode } from '../../app/promoCode';
import type {
  InThreadCodeLibrary,
  LibraryCsvRequest,
  LibraryWorkbookRequest,
} from '../services/codes/codeLibrary';
import type { CompactCodes } from '../services/codes/compactCodes';
import type { ReadingProgress } from '../../app/reviewContract';
import {
  createReviewDesk,
  type ComparisonRequest,
  type SaveChangesRequest,
} from '../services/review/reviewDesk';
import type { ExportProgress } from '../services/workbook';
import { createAnswerCalls } from './answerCalls';

export type { StagedCodes, WireHead, WireJudged } from './answerCalls';

/**
 * What the worker gives each call besides the arguments it was sent with, as one more argument
 * after them: its own cancel signal and a way to report progress. Functions cannot cross a thread.
 */
export interface CallControl {
  signal: AbortSignal;
  /** Writing reports rows written; reading a workbook, bytes read. */
  onProgress(progress: ExportProgress | ReadingProgress): void;
}

type Quiet<T> = Omit<T, 'signal' | 'onProgress'>;

export function createWorkerApi(library: InThreadCodeLibrary) {
  const staged = new Map<number, CompactCodes>();
  // Offline review works on the codes held here: opened workbooks, comparisons, snapshots.
  const desk = createReviewDesk(library);

  return {
    // Downloads read as they arrive; their codes wait in `staged` until `store` keeps them.
    ...createAnswerCalls(staged),

    /** Keeps staged codes, or a list sent along, as the program's codes. */
    store(
      connectionId: string,
      loyaltyId: number,
      codes: { staged: number } | { list: readonly PromoCode[] },
      fetchedAt: number,
    ) {
      if ('list' in codes) return library.store(connectionId, loyaltyId, codes.list, fetchedAt);
      const compact = staged.get(codes.staged);
      if (compact === undefined) throw new Error(`No staged codes ${codes.staged}.`);
      staged.delete(codes.staged);
      return library.store(connectionId, loyaltyId, compact, fetchedAt);
    },

    query: library.query,
    insights: library.insights,
    codesAt: library.codesAt,
    /** Writes a workbook; `changesOf` names a comparison whose changes go on a `Changes` sheet. */
    writeWorkbook: ({ changesOf, ...request }: Quiet<LibraryWorkbookRequest>, control: CallControl) =>
      library.writeWorkbook({
        ...request,
        ...control,
        ...(changesOf === undefined ? {} : { changes: desk.changedCodes(changesOf) }),
      }),
    writeCsv: (request: Quiet<LibraryCsvRequest>, control: CallControl) =>
      library.writeCsv({ ...request, ...control }),

    /** Reads a saved workbook into the library under `sourceId`, one entry per program. */
    openWorkbook: (path: string, sourceId: string, openedAt: number, control: CallControl) =>
      desk.openWorkbook(path, sourceId, openedAt, control),
    compareWithFile: (request: ComparisonRequest, control: CallControl) =>
      desk.compareWithFile(request, control),
    changes: desk.changes,
    saveChanges: (request: Quiet<SaveChangesRequest>, control: CallControl) =>
      desk.saveChanges({ ...request, ...control }),
    /** What changed since the previous fetch; a snapshot problem comes back as words for the log. */
    async recordFetch(dataDir: string, connectionId: string, loyaltyId: number, fetchedAt: number) {
      const problems: string[] = [];
      const changes = await desk.recordFetch(dataDir, connectionId, loyaltyId, fetchedAt, (what, error) =>
        problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`),
      );
      return { changes, problems };
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
