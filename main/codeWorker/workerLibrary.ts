// The main process's side of the code worker: a CodeLibrary whose codes live in a worker thread, and
// the judge the Altcraft client hands each downloaded answer to, so parsing a million codes, building
// the page's indexes and writing workbooks never block the main process's event loop.
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../app/appError';
import type { ReadAnswers } from '../services/altcraft/client';
import type { CodeLibrary } from '../services/codes/codeLibrary';
import type { ReviewService } from '../services/review/reviewDesk';
import { programKey } from '../services/codes/programKey';
import type { ReadingProgress } from '../../app/reviewContract';
import type { ExportProgress } from '../services/workbook';
import type { FromWorker, ToWorker, WireError, WorkerArgs, WorkerCallName, WorkerResult } from './protocol';
import { answersReadInWorker } from './answerStream';
import { WORKER_READY } from './ready';
import { spawnWorker, workerStopped, workerUnavailable } from './spawnWorker';
import type { StagedCodes } from './workerApi';

export type { StagedCodes } from './workerApi';

export interface WorkerCodeLibrary extends CodeLibrary<StagedCodes>, ReviewService {
  /** For createAltcraftClient's `readAnswers`: reads each answer in the worker as it arrives, keeping the codes there. */
  readAnswers: ReadAnswers<StagedCodes>;
  /** Stops the worker; the codes it held are gone. */
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Each call's own kind of progress: what its function in the worker reports. */
  onProgress?: ((progress: ExportProgress & ReadingProgress) => void) | undefined;
}

export interface CodeWorkerOptions {
  /** The worker's script; by default the built one next to this bundle, or the source through tsx. */
  script?: URL;
}

export function startCodeWorker(options: CodeWorkerOptions = {}): WorkerCodeLibrary {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const stored = new Set<string>();

  const ensureWorker = (): Worker => {
    if (worker !== null) return worker;
    const { worker: started, script } = spawnWorker(options.script);
    let ready = false;
    started.on('message', (message: FromWorker | typeof WORKER_READY) => {
      if (message === WORKER_READY) {
        ready = true;
        return;
      }
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      if ('progress' in message) {
        waiting.onProgress?.(message.progress as ExportProgress & ReadingProgress);
        return;
      }
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(fromWire(message.error));
    });
    // Either way the next call starts a new worker: a start that failed once may work the next time,
    // and a call never waits on a thread that is gone.
    const lost = (why: unknown) => {
      if (worker !== started) return;
      worker = null;
      stored.clear(); // the codes went with the thread
      const error = ready ? workerStopped(why) : workerUnavailable(script, why);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    started.on('error', lost);
    started.on('exit', (exitCode) => lost(`exit code ${exitCode}`));
    started.unref();
    worker = started;
    return started;
  };

  const call = <N extends WorkerCallName>(
    name: N,
    args: WorkerArgs<N>,
    options: {
      transfer?: ArrayBuffer[];
      signal?: AbortSignal | undefined;
      onProgress?: Pending['onProgress'];
    } = {},
  ): Promise<WorkerResult<N>> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const target = ensureWorker(); // a worker that cannot start rejects the call, never throws
      pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress,
      });
      target.ref(); // a call in flight keeps the process alive; an idle worker does not
      const message: ToWorker = { id, call: name, args } as ToWorker;
      target.postMessage(message, options.transfer ?? []);
      options.signal?.addEventListener(
        'abort',
        () => target.postMessage({ id, cancel: true } satisfies ToWorker),
        {
          once: true,
        },
      );
    });
  };

  return {
    readAnswers: answersReadInWorker(call),

    async store(connectionId, loyaltyId, codes, fetchedAt) {
      const wired = 'staged' in codes ? { staged: codes.staged } : { list: codes };
      const result = await call('store', [connectionId, loyaltyId, wired, fetchedAt]);
      stored.add(programKey(connectionId, loyaltyId));
      return result;
    },
    has: (connectionId, loyaltyId) => stored.has(programKey(connectionId, loyaltyId)),
    query: (...args) => call('query', args),
    insights: (...args) => call('insights', args),
    codesAt: (...args) => call('codesAt', args),
    writeWorkbook: ({ signal, onProgress, ...request }) =>
      call('writeWorkbook', [request], { signal, onProgress }),
    writeCsv: ({ signal, onProgress, ...request }) => call('writeCsv', [request], { signal, onProgress }),

    openWorkbook: (path, sourceId, openedAt, { signal, onProgress } = {}) =>
      call('openWorkbook', [path, sourceId, openedAt], { signal, onProgress }),
    compareWithFile: (request, { signal, onProgress } = {}) =>
      call('compareWithFile', [request], { signal, onProgress }),
    changes: (query) => call('changes', [query]),
    saveChanges: ({ signal, onProgress, ...request }) =>
      call('saveChanges', [request], { signal, onProgress }),
    recordFetch: (...args) => call('recordFetch', args),

    async close() {
      const stopping = worker;
      worker = null;
      stored.clear();
      if (stopping !== null) await stopping.terminate();
    },
  };
}

function fromWire(error: WireError): Error {
  if ('appError' in error) return new AppError(error.appError);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
