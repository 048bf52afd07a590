import { access, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { dispatch } from '../../main/calls/dispatch';
import { WORKER_READY } from '../../main/codeWorker/ready';
import type { WorkerCodeLibrary } from '../../main/codeWorker/workerLibrary';
import { startCodeWorker } from '../../main/codeWorker/workerLibrary';
import { composeServices } from '../../main/composeServices';
import { createAltcraftClient } from '../../main/services/altcraft/client';
import { createKnownSecrets } from '../../main/services/knownSecrets';
import { redactingLog } from '../../main/services/log';
import { DEMO_TOKEN } from '../altcraft-sim/programs';
import { useSimulator } from './altcraftHarness';

// A code worker that cannot start (its file missing or broken, or it quits at once) must fail the call
// with worker-unavailable, the reason in the detail for the log, and the next call must try again.

const sim = useSimulator();
const BUILT_WORKER = new URL('../../out/main/codeWorker.cjs', import.meta.url);
const ALL = { filter: { status: null, search: '' }, sort: null } as const;
let dir: string;
const started: WorkerCodeLibrary[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promo-worker-start-'));
});
afterAll(async () => {
  await Promise.all(started.map((library) => library.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A worker script in the test's folder, holding the given CommonJS text. */
async function script(name: string, text: string): Promise<URL> {
  const path = join(dir, name);
  await writeFile(path, text);
  return pathToFileURL(path);
}

function start(scriptUrl: URL): WorkerCodeLibrary {
  const library = startCodeWorker({ script: scriptUrl });
  started.push(library);
  return library;
}

async function failure(answer: unknown): Promise<AppError> {
  const outcome = await Promise.resolve(answer).then(
    (value) => new Error(`expected a failure, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw outcome;
  return outcome;
}

const firstQuery = (library: WorkerCodeLibrary) => library.query('c', 1, ALL, 0, 10);

describe('a code worker that cannot start', () => {
  it('fails the first call with worker-unavailable when its file is missing, and starts it on the next call once the file is there', async () => {
    await access(BUILT_WORKER).catch(() => {
      throw new Error('out/main/codeWorker.cjs is missing: run `npx electron-vite build` first.');
    });
    const path = join(dir, 'installed', 'codeWorker.cjs');
    const library = start(pathToFileURL(path));

    const error = await failure(firstQuery(library));
    expect(error.code).toBe('worker-unavailable');
    expect(error.message).toMatch(/could not start the part that handles promo codes\. Reinstall the app/);
    expect(error.detail).toContain(pathToFileURL(path).href);
    expect(error.detail).toMatch(/Cannot find module/);

    await mkdir(join(dir, 'installed'));
    await copyFile(BUILT_WORKER, path);
    expect(await firstQuery(library)).toBeNull(); // the worker answers: nothing fetched yet
  });

  it('gives the error it threw while loading, on this call and again on the next', async () => {
    const library = start(await script('throws.cjs', "throw new Error('a broken install');\n"));
    for (let attempt = 1; attempt <= 2; attempt++) {
      const error = await failure(firstQuery(library));
      expect(error.code).toBe('worker-unavailable');
      expect(error.detail).toMatch(/could not start: Error: a broken install/);
    }
  });

  it('names a syntax error in the file', async () => {
    const library = start(await script('garbled.cjs', 'this is not JavaScript at all\n'));
    const error = await failure(firstQuery(library));
    expect(error.code).toBe('worker-unavailable');
    expect(error.detail).toMatch(/SyntaxError/);
  });

  it('names the exit code of a worker that quits as soon as it loads', async () => {
    const library = start(await script('quits.cjs', 'process.exit(3);\n'));
    const error = await failure(firstQuery(library));
    expect(error.code).toBe('worker-unavailable');
    expect(error.detail).toMatch(/exit code 3/);
  });

  it('tells a worker that stopped after it had started apart: the codes are gone, get them again', async () => {
    const crashes = await script(
      'crashes.cjs',
      [
        "const { parentPort } = require('node:worker_threads');",
        'parentPort.on("message", () => process.exit(7));',
        `parentPort.postMessage(${JSON.stringify(WORKER_READY)});`,
      ].join('\n'),
    );
    const error = await failure(firstQuery(start(crashes)));
    expect(error.code).toBe('unexpected');
    expect(error.message).toMatch(/Get the codes again/);
    expect(error.detail).toMatch(/stopped: exit code 7/);
  });

  it('fails a download with worker-unavailable too: the Altcraft client passes it on as it is', async () => {
    const library = start(pathToFileURL(join(dir, 'nowhere', 'codeWorker.cjs')));
    const client = createAltcraftClient({ readAnswers: library.readAnswers, sleep: async () => undefined });
    const error = await failure(client.exportAll({ host: sim().url, token: DEMO_TOKEN, loyaltyId: 1 }));
    expect(error.code).toBe('worker-unavailable');
    expect(error.detail).toMatch(/Cannot find module/);
  });

  it('reaches the page as worker-unavailable through dispatch, and the log has the reason', async () => {
    const missing = pathToFileURL(join(dir, 'nowhere', 'codeWorker.cjs'));
    const services = await composeServices({
      dataDir: join(dir, 'data'),
      secretStore: keytar,
      codeWorkerScript: missing,
      page: {
        documentsDir: dir,
        appVersion: '0.0.0-test',
        dialogs: { chooseSaveTarget: async () => null, chooseWorkbookToOpen: async () => null },
        desktop: { openPath: async () => undefined, showInFolder: () => undefined },
      },
    });
    started.push(services.library);
    const lines: string[] = [];
    const log = redactingLog((level, line) => lines.push(`${level} ${line}`), createKnownSecrets());

    const answer = await dispatch(
      services.handlers,
      'codes:query',
      { connectionId: 'c', loyaltyId: 1, view: ALL, offset: 0, limit: 10 },
      { emit: () => undefined, pageReady: () => undefined },
      log,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'worker-unavailable', message: expect.stringMatching(/Reinstall the app/) },
    });
    expect(lines.join('\n')).toContain(`Cannot find module '${missing.pathname}'`);
  });
});
