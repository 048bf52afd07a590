// The messages between the main process and the code worker: a call with an id, answered once (with
// progress events for exports before the answer), and a cancel naming a call's id. A call's name,
// arguments and result are those of the worker's own functions (workerApi.ts), never typed again.
import type { AppErrorInfo } from '../../app/appError';
import type { ReadingProgress } from '../../app/reviewContract';
import type { ExportProgress } from '../services/workbook';
import type { CallControl, WorkerApi } from './workerApi';

export type WorkerCallName = keyof WorkerApi;

/** A call's arguments as they cross: the function's own parameters, less the control the worker adds. */
export type WorkerArgs<N extends WorkerCallName> = WithoutControl<Parameters<WorkerApi[N]>>;
export type WorkerResult<N extends WorkerCallName> = Awaited<ReturnType<WorkerApi[N]>>;

type WithoutControl<P extends unknown[]> = P extends [...infer Sent, CallControl] ? Sent : P;

export type ToWorker =
  | { [N in WorkerCallName]: { id: number; call: N; args: WorkerArgs<N> } }[WorkerCallName]
  | { id: number; cancel: true };

/** A failure as it crosses back: an AppError's info (its code reaches the page), else a plain error. */
export type WireError = { appError: AppErrorInfo } | { name: string; message: string; stack?: string };

export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  | { id: number; progress: ExportProgress | ReadingProgress };
