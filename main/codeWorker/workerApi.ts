// What the code worker answers: one plain object of functions, and nothing else. Main's side takes
// every call's arguments and result from this object's own type (protocol.ts), as lossless-cut does
// with its remote API, so the two sides cannot drift; the library's calls are the library's own
// methods, typed by the library. Plain: the worker's entry wires it to its port, tests call it here.
import type { AppErrorInfo } from '../../app/appError';
import type { PromoCode, StatusCounts } from '../../app/promoCode';
import { classifyAnswer } from '../services/altcraft/classifyAnswer';
import type {
  InThreadCodeLibrary,
  LibraryCsvRequest,
  LibraryWorkbookRequest,
} from '../services/codes/codeLibrary';
import type { CompactCodes } from '../services/codes/compactCodes';
import { parseExportAllCompact } from '../services/codes/parseCompact';
import type { ReadingProgress } from '../../app/reviewContract';
import {
  createReviewDesk,
  type ComparisonRequest,
  type SaveChangesRequest,
} from '../services/review/reviewDesk';
import type { ExportProgress } from '../services/workbook';

/** Codes parsed in the worker and waiting there until the fetch that asked for them stores them. */
export interface StagedCodes {
  staged: number;
  total: number;
  counts: StatusCounts;
}

/** A downloaded answer as it crosses to the worker: the body's buffer is transferred, not copied. */
export interface WireAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

export type WireJudged =
  | { ok: true; codes: StagedCodes }
  | { ok: false; failure: { error: AppErrorInfo; retryable: boolean; retryAfterMs?: number } };

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
  let nextStaged = 1;
  // Offline review works on the codes held here: opened workbooks, comparisons, snapshots.
  const desk = createReviewDesk(library);

  return {
    /** Parses and judges an answer; its codes wait here until `store` keeps them or `drop` lets go. */
    judge(answer: WireAnswer, host: string, now: number): WireJudged {
      const downloaded = { ...answer, headers: new Headers(answer.headers) };
      const judged = classifyAnswer(downloaded, host, now, parseExportAllCompact);
      if (!judged.ok) {
        const { error, ...rest } = judged.failure;
        return { ok: false, failure: { ...rest, error: error.toInfo() } };
      }
      const id = nextStaged++;
      staged.set(id, judged.codes);
      return { ok: true, codes: { staged: id, total: judged.codes.length, counts: judged.codes.counts } };
    },

    drop(id: number): null {
      staged.delete(id);
      return null;
    },

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
