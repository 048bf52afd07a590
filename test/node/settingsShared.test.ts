import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { openSettingsStore, SETTINGS_FILE, type Settings } from '../../main/services/settingsStore';

// The app and the command line are separate processes on one settings file: these tests run real
// ones (test/support/settingsProcess.ts) beside this one.
const SCRIPT = fileURLToPath(new URL('../support/settingsProcess.ts', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'promo-exporter-shared-settings-'));
  dirs.push(dir);
  return dir;
}

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Resolves once the child printed this line. */
  said(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.split('\n').includes(line)) resolve();
      };
      child.stdout.on('data', check);
      check();
      void exited.then(({ code, stderr }) =>
        reject(new Error(`exited (${code}) before "${line}": ${stderr}`)),
      );
    });
  return { process: child, said, exited };
}

async function onDisk(dir: string): Promise<Settings> {
  return JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as Settings;
}

describe('settings shared by two processes', () => {
  it('keeps every change when two processes save many at the same moment', async () => {
    const dir = await freshDir();
    const count = 40;
    const app = start(['add', dir, 'app', String(count)]);
    const cli = start(['add', dir, 'cli', String(count)]);
    await Promise.all([app.said('ready'), cli.said('ready')]);
    // Both go at once: each has 40 updates queued before either has finished one.
    app.process.stdin.end('go\n');
    cli.process.stdin.end('go\n');
    expect(await app.exited).toMatchObject({ code: 0, stderr: '' });
    expect(await cli.exited).toMatchObject({ code: 0, stderr: '' });

    const ids = (await onDisk(dir)).connections.map((c) => c.id);
    const expected = ['app', 'cli'].flatMap((label) =>
      Array.from({ length: count }, (_, i) => `${label}-${i}`),
    );
    expect(ids.sort()).toEqual(expected.sort());
    // No lock and no temporary file left behind.
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('builds on what the other process saved after this one opened the file', async () => {
    const dir = await freshDir();
    const app = await openSettingsStore(dir);
    await app.update((s) => ({ ...s, lastSaveFolder: '/exports' }));
    const cli = start(['add', dir, 'cli', '3']);
    await cli.said('ready');
    cli.process.stdin.end('go\n');
    expect(await cli.exited).toMatchObject({ code: 0 });

    await app.update((s) => ({ ...s, window: { width: 900, height: 700, maximized: false } }));
    const saved = await onDisk(dir);
    expect(saved.connections.map((c) => c.id)).toEqual(['cli-0', 'cli-1', 'cli-2']);
    expect(saved.window?.width).toBe(900);
    expect(saved.lastSaveFolder).toBe('/exports');
    expect(app.get().connections).toHaveLength(3);
  });

  it('says plainly that the settings are busy while another process holds the lock, and saves once it lets go', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir, { lockWaitMs: 300 });
    const holder = start(['hold', dir]);
    await holder.said('locked');

    const error = await store.update((s) => ({ ...s, lastSaveFolder: '/a' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'file-locked' });
    expect((error as AppError).message).toMatch(/^The settings are being saved by another Promo Exporter/);

    // A process that ends normally (SIGTERM included) removes its lock on the way out.
    holder.process.kill('SIGTERM');
    await holder.exited;
    await store.update((s) => ({ ...s, lastSaveFolder: '/a' }));
    expect((await onDisk(dir)).lastSaveFolder).toBe('/a');
  });

  it('takes over the lock of a process that crashed while holding it', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir);
    const holder = start(['hold', dir]);
    await holder.said('locked');
    // SIGKILL leaves the process no chance to remove its lock: it stays, untouched, like after a crash.
    holder.process.kill('SIGKILL');
    await holder.exited;
    expect(await readdir(dir)).toContain(`${SETTINGS_FILE}.lock`);

    await store.update((s) => ({ ...s, lastSaveFolder: '/after-crash' }));
    expect((await onDisk(dir)).lastSaveFolder).toBe('/after-crash');
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  }, 30_000);
});
