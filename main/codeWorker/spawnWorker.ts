// Starts the code worker's thread, and names the failure when it cannot start, so the person is told
// to reinstall instead of waiting on a call that will never be answered.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../app/appError';

/**
 * The built worker beside the bundle that starts it (out/main): one CommonJS file with every package
 * inlined, so inside app.asar Electron only has to read that file (see electron.vite.config.ts).
 */
export const BUILT_WORKER = './codeWorker.cjs';

export interface SpawnedWorker {
  worker: Worker;
  /** Which script it runs, for the log when it cannot start. */
  script: string;
}

/**
 * Starts the given script; else the built file in the app and the CLI, or the TypeScript entry through
 * tsx from source (tests). A worker that cannot even be created throws worker-unavailable.
 */
export function spawnWorker(script?: URL): SpawnedWorker {
  const chosen = chooseScript(script);
  try {
    return { worker: chosen.start(), script: chosen.name };
  } catch (error) {
    throw workerUnavailable(chosen.name, error);
  }
}

function chooseScript(script: URL | undefined): { name: string; start(): Worker } {
  if (script !== undefined) return { name: script.href, start: () => new Worker(script) };
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    const built = new URL(BUILT_WORKER, here);
    return { name: built.href, start: () => new Worker(built) };
  }
  const entry = new URL('./worker.ts', here).href;
  // tsx exists only in development; written so that no bundle scan takes it for a runtime import.
  const loader = ['tsx', 'esm', 'api'].join('/');
  const boot = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return { name: `${entry} through tsx`, start: () => new Worker(boot, { eval: true }) };
}

/** The worker failed before it said it was ready: its file is missing, broken or exits at once. */
export function workerUnavailable(script: string, why: unknown): AppError {
  return new AppError(
    {
      code: 'worker-unavailable',
      message:
        'Promo Exporter could not start the part that handles promo codes. Reinstall the app; if it keeps happening, send the log to your administrator.',
      detail: `The code worker ${script} could not start: ${describe(why)}`,
    },
    { cause: why },
  );
}

/** The worker stopped after it had started (a crash, running out of memory): the codes it held are gone. */
export function workerStopped(why: unknown): AppError {
  return new AppError(
    {
      code: 'unexpected',
      message: 'Something went wrong while handling the codes. Get the codes again.',
      detail: `The code worker stopped: ${describe(why)}`,
    },
    { cause: why },
  );
}

function describe(why: unknown): string {
  return why instanceof Error ? `${why.name}: ${why.message}` : String(why);
}
