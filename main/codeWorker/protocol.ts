// The messages between the main process and the code worker: a call with an id, answered once (with
// progress events for exports before the answer), and a cancel naming a call's id.
import type { CodeView } from '../../app/codeView';
import type { AppErrorInfo } from '../../app/appError';
import type { PromoCode, StatusCounts } from '../../app/promoCode';
import type { CodePage } from '../../app/ipcContract';
import type { LibraryCsvRequest, LibraryWorkbookRequest } from '../services/codes/codeLibrary';
import type { CsvResult, ExportProgress, WorkbookResult } from '../services/workbook';

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

type Quiet<T> = Omit<T, 'signal' | 'onProgress'>;

export interface WorkerCalls {
  judge: { args: { answer: WireAnswer; host: string; now: number }; result: WireJudged };
  drop: { args: { staged: number }; result: null };
  store: {
    args: {
      connectionId: string;
      loyaltyId: number;
      codes: { staged: number } | { list: readonly PromoCode[] };
      fetchedAt: number;
    };
    result: { total: number; counts: StatusCounts };
  };
  query: {
    args: { connectionId: string; loyaltyId: number; view: CodeView; offset: number; limit: number };
    result: CodePage | null;
  };
  codesAt: {
    args: { connectionId: string; loyaltyId: number; view: CodeView; ranges: [number, number][] };
    result: string[] | null;
  };
  writeWorkbook: {
    args: Quiet<LibraryWorkbookRequest>;
    result: WorkbookResult;
  };
  writeCsv: { args: Quiet<LibraryCsvRequest>; result: CsvResult };
}

export type WorkerCallName = keyof WorkerCalls;

export type ToWorker =
  | { [N in WorkerCallName]: { id: number; call: N; args: WorkerCalls[N]['args'] } }[WorkerCallName]
  | { id: number; cancel: true };

/** A failure as it crosses back: an AppError's info (its code reaches the page), else a plain error. */
export type WireError = { appError: AppErrorInfo } | { name: string; message: string; stack?: string };

export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  | { id: number; progress: ExportProgress };
