import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode, Result } from '../../app/appError';
import { dispatch } from '../../main/calls/dispatch';
import { composeServices } from '../../main/composeServices';
import type { WorkerCodeLibrary } from '../../main/codeWorker/workerLibrary';
import { createKnownSecrets, rememberingSecretStore } from '../../main/services/knownSecrets';
import { redactingLog } from '../../main/services/log';
import { FAULT_PROGRAMS } from '../altcraft-sim/faults';
import { DEMO_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';

// Every fault the simulator can act out, and every disk fault this machine can make, sent through
// dispatch() as the page sends it, with the real keychain, HTTP, settings file and workbook writer.
// For each: the code and a message in plain words, nothing thrown past dispatch, the app still
// fetching and saving afterwards, and a workbook already at the save target left byte for byte.

const WELCOME = 1;
const SEASONAL = 2; // 50,000 codes: more than a 64 KB disk holds
const keychainService = `Promo Exporter test ${randomUUID()}`;

interface App {
  call(channel: string, arg?: unknown): Promise<Result<unknown>>;
  nextTarget: string | null;
  waits: number[];
  logLines: string[];
  payloads: unknown[];
  library: WorkerCodeLibrary;
}

let sim: AltcraftSim;
let dir: string;
let out: string;
let app: App;
let connectionId: string;
const existingTarget = () => join(out, 'existing.xlsx');
let existingBytes: Buffer;
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);

async function openApp(dataDir: string): Promise<App> {
  const secrets = createKnownSecrets();
  const state: Omit<App, 'call' | 'library'> = { nextTarget: null, waits: [], logLines: [], payloads: [] };
  // The app's own wiring (codes parsed and kept in the worker thread), with small timeouts and
  // recorded waits: a stall costs a second, a Retry-After of minutes nothing.
  const { handlers, library } = await composeServices({
    dataDir,
    secretStore: rememberingSecretStore(keytar, secrets),
    keychainService,
    altcraft: {
      connectTimeoutMs: 1_000,
      inactivityTimeoutMs: 1_000,
      random: () => 0.5,
      sleep: async (ms) => {
        state.waits.push(ms);
        await delay(1);
      },
    },
    page: {
      documentsDir: out,
      appVersion: '0.0.0-test',
      dialogs: {
        chooseSaveTarget: async () => state.nextTarget,
        chooseWorkbookToOpen: async () => null,
      },
      desktop: { openPath: async () => undefined, showInFolder: () => undefined },
    },
  });
  const log = redactingLog((level, line) => state.logLines.push(`${level} ${line}`), secrets);
  const context = { emit: (_: unknown, p: unknown) => state.payloads.push(p), pageReady: () => undefined };
  return Object.assign(state, {
    library,
    call: async (channel: string, arg?: unknown) => {
      const result = await dispatch(handlers, channel, arg, context, log);
      state.payloads.push(result);
      return result;
    },
  });
}

async function addConnection(host: string, name: string): Promise<string> {
  const added = await app.call('connections:add', { name, host, token: DEMO_TOKEN });
  if (!added.ok) throw new Error(`could not add ${host}: ${added.error.message}`);
  return (added.value as { id: string }).id;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a person reads: words, not a stack, a web page, a token or a programmer's error name. */
function expectPlainWords(message: string): void {
  expect(message.length).toBeGreaterThan(20);
  expect(message).not.toMatch(/\n\s*at |\(\S+:\d+:\d+\)/);
  expect(message).not.toMatch(/<\/?[a-z!][^>]*>/i);
  expect(message).not.toMatch(
    /TypeError|ReferenceError|ECONN|ENOTFOUND|EAI_|ENOENT|ENOSPC|undefined|\[object/,
  );
  expect(message).not.toContain(DEMO_TOKEN);
}

async function save(loyaltyId: number, target: string): Promise<Result<unknown>> {
  app.nextTarget = target;
  return app.call('workbook:save', {
    connectionId,
    loyaltyIds: [loyaltyId],
    filter: { status: null, search: '' },
    language: 'en',
  });
}

/** The app still works: it fetches the Welcome program and saves it to a fresh file. */
async function expectStillUsable(): Promise<void> {
  const fetched = await app.call('codes:fetch', { connectionId, loyaltyId: WELCOME });
  expect(fetched).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
  const target = join(out, `after ${randomUUID()}.xlsx`);
  const saved = await save(WELCOME, target);
  expect(saved).toMatchObject({ ok: true, value: { path: target } });
  expect((await readFile(target)).subarray(0, 2).toString()).toBe('PK');
  await rm(target);
}

async function expectExistingIntact(): Promise<void> {
  expect((await readFile(existingTarget())).equals(existingBytes)).toBe(true);
  expect((await readdir(out)).sort()).toEqual(['existing.xlsx']); // no partial or temporary file
}

beforeAll(async () => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  sim = await startAltcraftSim();
  dir = await mkdtemp(join(tmpdir(), 'promo-exporter-faults-'));
  out = join(dir, 'out');
  await mkdir(out);
  app = await openApp(join(dir, 'data'));
  connectionId = await addConnection(sim.url, 'Simulator');
  // The workbook someone saved earlier, at the place every failing save below aims at.
  expect(await app.call('codes:fetch', { connectionId, loyaltyId: WELCOME })).toMatchObject({ ok: true });
  const saved = await save(WELCOME, existingTarget());
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
  existingBytes = await readFile(existingTarget());
});

afterAll(async () => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
  for (const { account } of await keytar.findCredentials(keychainService)) {
    await keytar.deletePassword(keychainService, account);
  }
  await app?.library.close();
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

type Expected = ErrorCode | 'codes';
interface Row {
  what: string;
  loyaltyId: number;
  expect: Expected;
  /** Where the connection points, when not at the simulator. */
  host?: () => Promise<string>;
  /** The waits the client asked for between tries, when they are part of the behaviour. */
  waits?: number[];
}

// One row per fault program of the simulator (checked below), plus the faults below HTTP.
const ROWS: Row[] = [
  { what: '400 incorrect request', loyaltyId: 9400, expect: 'bad-request' },
  { what: '401 token refused', loyaltyId: 9401, expect: 'token-refused' },
  { what: '402 tariff limit', loyaltyId: 9402, expect: 'tariff-limit' },
  { what: '403 no rights', loyaltyId: 9403, expect: 'no-rights' },
  { what: 'unknown program (HTTP 404)', loyaltyId: 9404, expect: 'program-not-found' },
  { what: 'unknown program (HTTP 200)', loyaltyId: 9405, expect: 'program-not-found' },
  { what: 'a program the account does not have', loyaltyId: 424_242, expect: 'program-not-found' },
  { what: 'error ≠ 0 in an HTTP 200', loyaltyId: 9406, expect: 'altcraft-error' },
  { what: 'a 401 whose text repeats the token', loyaltyId: 9407, expect: 'token-refused' },
  { what: '429 with Retry-After: 2', loyaltyId: 9429, expect: 'server-error', waits: [2_000, 2_000] },
  {
    what: '429 with Retry-After as a date',
    loyaltyId: 9430,
    expect: 'server-error',
    waits: [60_000, 60_000],
  },
  { what: '500 plain text', loyaltyId: 9500, expect: 'server-error', waits: [] },
  // Backoff steps of 1 s and 2 s, half fixed and half jitter (fixed at the middle here).
  { what: '502 HTML page', loyaltyId: 9502, expect: 'server-error', waits: [750, 1_500] },
  { what: '503 HTML page', loyaltyId: 9503, expect: 'server-error' },
  { what: '504 HTML page', loyaltyId: 9504, expect: 'server-error' },
  { what: 'a stall after the headers', loyaltyId: 9600, expect: 'timeout' },
  { what: 'no headers ever', loyaltyId: 9601, expect: 'timeout' },
  { what: 'a slow drip (slow but steady)', loyaltyId: 9602, expect: 'codes', waits: [] },
  { what: 'a body cut off mid-way', loyaltyId: 9603, expect: 'cut-off' },
  { what: 'a body shorter than its Content-Length', loyaltyId: 9604, expect: 'cut-off' },
  { what: 'malformed JSON', loyaltyId: 9605, expect: 'not-json' },
  { what: 'JSON that stops halfway', loyaltyId: 9606, expect: 'cut-off' },
  { what: 'a proxy sign-in page with HTTP 200', loyaltyId: 9607, expect: 'not-json' },
  { what: 'no Content-Length', loyaltyId: 9608, expect: 'codes' },
  { what: 'a connection reset', loyaltyId: 9609, expect: 'network' },
  { what: 'a redirect elsewhere', loyaltyId: 9610, expect: 'not-json' },
  { what: 'a 503 once, then the codes', loyaltyId: 9701, expect: 'codes' },
  { what: 'a 503 twice, then the codes', loyaltyId: 9702, expect: 'codes' },
  { what: 'a reset once, then the codes', loyaltyId: 9703, expect: 'codes' },
  { what: 'a 429 once, then the codes', loyaltyId: 9704, expect: 'codes', waits: [2_000] },
  { what: 'a cut-off once, then the codes', loyaltyId: 9705, expect: 'codes' },
  {
    what: 'a refused connection',
    loyaltyId: WELCOME,
    expect: 'connection-refused',
    host: async () => `http://127.0.0.1:${await closedPort()}`,
  },
  {
    what: 'an unknown host',
    loyaltyId: WELCOME,
    expect: 'host-not-found',
    host: async () => `https://promo-exporter-${randomUUID().slice(0, 8)}.invalid`,
  },
];

describe('the fault matrix: Altcraft and the network', () => {
  it('has a row for every fault the simulator can act out', () => {
    const covered = new Set(ROWS.map((row) => row.loyaltyId));
    for (const id of Object.keys(FAULT_PROGRAMS))
      expect(covered, `fault program ${id}`).toContain(Number(id));
  });

  it.each(ROWS)('$what → $expect', async (row) => {
    const target = row.host === undefined ? connectionId : await addConnection(await row.host(), row.what);
    app.waits.splice(0);
    const result = await app.call('codes:fetch', { connectionId: target, loyaltyId: row.loyaltyId });

    if (row.expect === 'codes') {
      expect(result).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
      expect((result as { value: { total: number } }).value.total).toBeGreaterThan(0);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(row.expect);
      expectPlainWords(result.error.message);
      expect(JSON.stringify(result)).not.toContain(DEMO_TOKEN);
      // A save of what never arrived fails cleanly and touches nothing on disk.
      app.nextTarget = existingTarget();
      const saved = await app.call('workbook:save', {
        connectionId: target,
        loyaltyIds: [row.loyaltyId],
        filter: { status: null, search: '' },
        language: 'en',
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    if (row.waits !== undefined) expect(app.waits).toEqual(row.waits);
    await expectExistingIntact();
    await expectStillUsable();
  });
});

describe('the fault matrix: the keychain', () => {
  it('says the token is missing when its keychain entry was deleted outside the app, then recovers', async () => {
    await keytar.deletePassword(keychainService, connectionId);
    const result = await app.call('codes:fetch', { connectionId, loyaltyId: WELCOME });
    expect(result).toMatchObject({ ok: false, error: { code: 'token-missing' } });
    if (!result.ok) {
      expectPlainWords(result.error.message);
      expect(result.error.message).toMatch(/add it again/i);
    }
    expect(await app.call('connections:replaceToken', { connectionId, token: DEMO_TOKEN })).toMatchObject({
      ok: true,
    });
    await expectStillUsable();
  });
});

/** Why a tiny tmpfs cannot be mounted here, or null when it can (root or CAP_SYS_ADMIN). */
function cannotMountTmpfs(): string | null {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  try {
    execFileSync('mount', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'no mount command';
  }
  const probe = join(tmpdir(), `promo-exporter-mount-probe-${randomUUID()}`);
  try {
    execFileSync('mkdir', ['-p', probe]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe]);
    return null;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  } finally {
    execFileSync('rm', ['-rf', probe]);
  }
}
const noTmpfs = cannotMountTmpfs();

describe('the fault matrix: the disk', () => {
  it('says the folder is gone when the save target is in a folder that does not exist', async () => {
    const result = await save(WELCOME, join(dir, 'no such folder', 'codes.xlsx'));
    expect(result).toMatchObject({ ok: false, error: { code: 'file-write-failed' } });
    if (!result.ok) expect(result.error.message).toMatch(/folder could not be found/);
    if (!result.ok) expectPlainWords(result.error.message);
    expect(await readdir(dir)).not.toContain('no such folder');
    await expectStillUsable();
  });

  it('says the folder is gone when the "folder" is a regular file', async () => {
    const file = join(dir, 'a file.txt');
    await writeFile(file, 'not a folder');
    const result = await save(WELCOME, join(file, 'codes.xlsx'));
    expect(result).toMatchObject({ ok: false, error: { code: 'file-write-failed' } });
    if (!result.ok) expectPlainWords(result.error.message);
    expect(await readFile(file, 'utf8')).toBe('not a folder');
    await expectStillUsable();
  });

  it('asks for a shorter name when the file name is too long, leaving nothing behind', async () => {
    const result = await save(WELCOME, join(out, `${'x'.repeat(300)}.xlsx`));
    expect(result).toMatchObject({ ok: false, error: { code: 'path-too-long' } });
    if (!result.ok) expectPlainWords(result.error.message);
    await expectExistingIntact();
    await expectStillUsable();
  });

  describe.skipIf(noTmpfs !== null)(
    `on a tiny disk${noTmpfs === null ? '' : ` (skipped: ${noTmpfs})`}`,
    () => {
      /** A 64 KB tmpfs holding a copy of the existing workbook, for the length of one test. */
      async function withSmallDisk(work: (disk: string) => Promise<void>): Promise<void> {
        const disk = join(dir, `disk-${randomUUID()}`);
        await mkdir(disk);
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
        try {
          await writeFile(join(disk, 'codes.xlsx'), existingBytes);
          await work(disk);
        } finally {
          execFileSync('umount', [disk]);
        }
      }

      it('says the disk is full and leaves the existing workbook as it was', async () => {
        expect(existingBytes.length).toBeLessThan(40_000); // it fits, and what comes next does not
        await app.call('codes:fetch', { connectionId, loyaltyId: SEASONAL });
        await withSmallDisk(async (disk) => {
          const result = await save(SEASONAL, join(disk, 'codes.xlsx'));
          expect(result).toMatchObject({ ok: false, error: { code: 'disk-full' } });
          if (!result.ok) expectPlainWords(result.error.message);
          expect((await readFile(join(disk, 'codes.xlsx'))).equals(existingBytes)).toBe(true);
          expect(await readdir(disk)).toEqual(['codes.xlsx']);
        });
        await expectStillUsable();
      });

      it('says the drive is read-only and leaves the existing workbook as it was', async () => {
        await withSmallDisk(async (disk) => {
          execFileSync('mount', ['-o', 'remount,ro', disk]);
          const result = await save(WELCOME, join(disk, 'codes.xlsx'));
          expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
          if (!result.ok) expectPlainWords(result.error.message);
          expect((await readFile(join(disk, 'codes.xlsx'))).equals(existingBytes)).toBe(true);
          expect(await readdir(disk)).toEqual(['codes.xlsx']);
        });
        await expectStillUsable();
      });
    },
  );
});

describe('after the whole matrix', () => {
  it('nothing escaped dispatch, and the token is in no answer and no log line', () => {
    expect(escaped).toEqual([]);
    expect(app.logLines.length).toBeGreaterThan(10);
    expect(app.logLines.join('\n')).not.toContain(DEMO_TOKEN);
    expect(JSON.stringify(app.payloads)).not.toContain(DEMO_TOKEN);
  });
});
