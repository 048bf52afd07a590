// The code worker's entry (built as one self-contained file, out/main/codeWorker.cjs): parses
// export_all answers, holds every fetched program's codes in compact columns, answers the page's
// windowed queries and writes workbooks and CSV files, all off the main process's event loop. What
// it answers is workerApi.ts; this file only carries messages between that and the port.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../app/appError';
import { createCodeLibrary } from '../services/codes/codeLibrary';
import type { FromWorker, ToWorker, WireError } from './protocol';
import { WORKER_READY } from './ready';
import { createWorkerApi } from './workerApi';
import type { CallControl } from './workerApi';

const port = parentPort;
if (port === null) throw new Error('The code worker must run in a worker thread.');

const api = createWorkerApi(createCodeLibrary());
const running = new Map<number, AbortController>();

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
  const controller = new AbortController();
  running.set(id, controller);
  const control: CallControl = {
    signal: controller.signal,
    onProgress: (progress) => post({ id, progress }),
  };
  const answer = api[message.call] as (...args: unknown[]) => unknown;
  Promise.resolve()
    .then(() => answer(...message.args, control))
    .then(
      (value) => post({ id, ok: true, value }),
      (error: unknown) => post({ id, ok: false, error: wireError(error) }),
    )
    .finally(() => running.delete(id));
});

port.postMessage(WORKER_READY);
