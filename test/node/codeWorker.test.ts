import { access, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import type { WorkerCodeLibrary } from '../../main/codeWorker/workerLibrary';
import { startCodeWorker } from '../../main/codeWorker/workerLibrary';
import { createAltcraftClient } from '../../main/services/altcraft/client';
import type { ExportProgress } from '../../main/services/workbook';
import { DEMO_TOKEN, LIMITED_TOKEN } from '../altcraft-sim/programs';
import { digestWorkbook, hasOpenpyxl } from '../readers/openpyxl';
import { listOf, useSimulator } from './altcraftHarness';

// The code worker through its main-process side, as composeServices wires it: answers parsed in the
// worker, codes kept there, windows and exports served from there, failures back as AppErrors.

const sim = useSimulator();
const ALL = { filter: { status: null, search: '' }, sort: null } as const;
let library: WorkerCodeLibrary;
let dir: string;

beforeAll(async () => {
  library = startCodeWorker();
  dir = await mkdtemp(join(tmpdir(), 'promo-code-worker-'));
});
afterAll(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

const clients = () => ({
  plain: createAltcraftClient({
    sleep: async () => undefined,
    connectTimeoutMs: 2_000,
    inactivityTimeoutMs: 2_000,
  }),
  inWorker: createAltcraftClient({
    sleep: async () => undefined,
    connectTimeoutMs: 2_000,
    inactivityTimeoutMs: 2_000,
    readAnswers: library.readAnswers,
  }),
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'no failure';
  } catch (error) {
    return error instanceof AppError ? { code: error.code, message: error.message } : String(error);
  }
}

describe('code worker', () => {
  it('parses an answer in the worker and serves windows and texts of it as the page asks', async () => {
    const { plain, inWorker } = clients();
    const request = { host: sim().url, token: DEMO_TOKEN, loyaltyId: 1 };
    const expected = listOf(await plain.exportAll(request));
    const staged = await inWorker.exportAll(request);
    expect(staged.total).toBe(expected.length);
    const stored = await library.store('c', 1, staged, 0);
    expect(stored.total).toBe(100);
    expect(library.has('c', 1)).toBe(true);
    const page = await library.query('c', 1, ALL, 0, 100);
    expect(page?.rows.map(({ status: _, ...code }) => code)).toEqual(expected);
    expect(page?.counts).toEqual(stored.counts);
    const texts = await library.codesAt('c', 1, ALL, [[0, 2]]);
    expect(texts).toEqual(expected.slice(0, 3).map((c) => c.code));
  });

  it('brings every refusal and broken answer back with the code and message of the client on this thread', async () => {
    const { plain, inWorker } = clients();
    for (const loyaltyId of [9400, 9403, 9406, 9500, 9603, 9605, 9606, 9607, 9610]) {
      const request = { host: sim().url, token: DEMO_TOKEN, loyaltyId };
      expect(await failure(inWorker.exportAll(request))).toEqual(await failure(plain.exportAll(request)));
    }
    const limited = { host: sim().url, token: LIMITED_TOKEN, loyaltyId: 1 };
    expect(await failure(inWorker.exportAll(limited))).toMatchObject({ code: 'no-rights' });
  });

  it('writes the workbook in the worker, reporting progress, and openpyxl reads every row', async () => {
    const staged = await clients().inWorker.exportAll({ host: sim().url, token: DEMO_TOKEN, loyaltyId: 2 });
    await library.store('c', 2, staged, 0);
    const progress: ExportProgress[] = [];
    const target = join(dir, 'seasonal.xlsx');
    const result = await library.writeWorkbook({
      target,
      host: sim().url,
      connectionId: 'c',
      programs: [{ loyaltyId: 2, name: 'Seasonal' }],
      filter: { status: null, search: '' },
      exportedAt: new Date(),
      timeZone: 'UTC',
      appVersion: '0.0.0-test',
      language: 'en',
      onProgress: (p) => progress.push(p),
    });
    expect(result.rows).toBe(50_000);
    expect(progress.at(-1)).toEqual({ rowsWritten: 50_000, rowsTotal: 50_000 });
    if (await hasOpenpyxl()) {
      const sheets = await digestWorkbook(target);
      expect(sheets.map((s) => [s.name, s.rows])).toContainEqual(['Seasonal', 50_000]);
    }
  });

  it('leaves the target untouched and no temporary file behind when an export is cancelled', async () => {
    const target = join(dir, 'cancelled.xlsx');
    await writeFile(target, 'before');
    const controller = new AbortController();
    const writing = library.writeWorkbook({
      target,
      host: sim().url,
      connectionId: 'c',
      programs: [{ loyaltyId: 2, name: 'Seasonal' }],
      filter: { status: null, search: '' },
      exportedAt: new Date(),
      timeZone: 'UTC',
      appVersion: '0.0.0-test',
      language: 'en',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsWritten > 0) controller.abort();
      },
    });
    expect(await failure(writing)).toMatchObject({ code: 'cancelled' });
    await access(target);
    expect((await readdir(dir)).filter((name) => name.startsWith('.~'))).toEqual([]);
  });

  it('answers not-fetched programs with null and keeps connections apart', async () => {
    expect(await library.query('other', 1, ALL, 0, 10)).toBeNull();
    expect(library.has('other', 1)).toBe(false);
  });
});
