// The code worker's entry (built as one self-contained file, out/main/codeWorker.cjs): parses
// export_all answers, holds every fetched program's codes in compact columns, answers the page's
// windowed queries and writes workbooks and CSV files, all off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../app/appError';
import { classifyAnswer } from '../services/altcraft/classifyAnswer';
import { createCodeLibrary } from '../services/codes/codeLibrary';
import type { CompactCodes } from '../services/codes/compactCodes';
import { parseExportAllCompact } from '../services/codes/parseCompact';
import type { FromWorker, ToWorker, WireError, WireJudged, WorkerCalls } from './protocol';
import { WORKER_READY } from './ready';

const port = parentPort;
if (port === null) throw new Error('The code worker must run in a worker thread.');

const library = createCodeLibrary();
const staged = new Map<number, CompactCodes>();
let nextStaged = 1;
const running = new Map<number, AbortController>();

type Answerers = { [N in keyof WorkerCalls]: (args: WorkerCalls[N]['args'], id: number) => unknown };

const answerers: Answerers = {
  judge: ({ answer, host, now }): WireJudged => {
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
  drop: ({ staged: id }) => {
    staged.delete(id);
    return null;
  },
  store: ({ connectionId, loyaltyId, codes, fetchedAt }) => {
    if ('list' in codes) return library.store(connectionId, loyaltyId, codes.list, fetchedAt);
    const compact = staged.get(codes.staged);
    if (compact === undefined) throw new Error(`No staged codes ${codes.staged}.`);
    staged.delete(codes.staged);
    return library.store(connectionId, loyaltyId, compact, fetchedAt);
  },
  query: ({ connectionId, loyaltyId, view, offset, limit }) =>
    library.query(connectionId, loyaltyId, view, offset, limit),
  codesAt: ({ connectionId, loyaltyId, view, ranges }) =>
    library.codesAt(connectionId, loyaltyId, view, ranges),
  writeWorkbook: (request, id) => library.writeWorkbook({ ...request, ...progressAndCancel(id) }),
  writeCsv: (request, id) => library.writeCsv({ ...request, ...progressAndCancel(id) }),
};

function progressAndCancel(id: number) {
  const controller = new AbortController();
  running.set(id, controller);
  return {
    signal: controller.signal,
    onProgress: (progress: { rowsWritten: number; rowsTotal: number }) => post({ id, progress }),
  };
}

function post(message: FromWorker): void {
  port?.postMessage(message);
}

function wireError(error: unknown): WireError {
  if (isAppError(error)) return { appError: error.toInfo() };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? '' };
  return { name: 'Error', message: String(error) };
}

port.on('message', (message: ToWorker) => {
  if ('cancel' in message) {
    running.get(message.id)?.abort();
    return;
  }
  const { id } = message;
  const answer = answerers[message.call] as (args: unknown, id: number) => unknown;
  Promise.resolve()
    .then(() => answer(message.args, id))
    .then(
      (value) => post({ id, ok: true, value }),
      (error: unknown) => post({ id, ok: false, error: wireError(error) }),
    )
    .finally(() => running.delete(id));
});

port.postMessage(WORKER_READY);
