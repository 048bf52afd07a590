import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_BYTES } from '../../main/cli/readToken';
import { DEFAULT_MAX_LOG_BYTES, fileLogSink, LOG_FILE_NAME } from '../../main/services/fileLog';
import { readLimitedFile } from '../../main/services/readLimitedFile';
import {
  defaultSettings,
  MAX_SETTINGS_BYTES,
  openSettingsStore,
  SETTINGS_FILE,
} from '../../main/services/settingsStore';
import { CLI, childEnv, runCli, runCliInTerminal, tempDir, type CliRun } from './cliHarness';

// Nothing reads a file or an input without a limit: a settings file, a log or a piped-in "token"
// someone replaced with gigabytes is refused or cut before it is read into memory. The big files
// are sparse (their size is set, not written), so they cost no disk.
const BEYOND_READ_FILE = 3 * 1024 ** 3; // past what fs.readFile can even hold in one buffer

/** The command line with `input` piped in; it may stop reading early, and that is the point. */
function cliWithInput(args: string[], env: Record<string, string>, input: Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // EPIPE: the command closed its input before all of it was written.
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function sparseFile(path: string, size: number): Promise<void> {
  await writeFile(path, '');
  await truncate(path, size);
}

describe('the settings file', () => {
  it(`reads a settings file of exactly MAX_SETTINGS_BYTES (${MAX_SETTINGS_BYTES})`, async () => {
    const dir = await tempDir('promo-limits-');
    const json = JSON.stringify({ ...defaultSettings(), lastSaveFolder: '/exports' });
    // JSON allows trailing white space: a valid settings file of exactly the limit.
    await writeFile(join(dir, SETTINGS_FILE), json.padEnd(MAX_SETTINGS_BYTES, ' '));
    const store = await openSettingsStore(dir);
    expect(store.setAsidePath).toBeNull();
    expect(store.get().lastSaveFolder).toBe('/exports');
  });

  it('sets aside a settings file one byte past the limit, and starts fresh', async () => {
    const dir = await tempDir('promo-limits-');
    const json = JSON.stringify({ ...defaultSettings(), lastSaveFolder: '/exports' });
    await writeFile(join(dir, SETTINGS_FILE), json.padEnd(MAX_SETTINGS_BYTES + 1, ' '));
    const store = await openSettingsStore(dir);
    expect(store.setAsidePath).toMatch(/settings\.json\.too-big-/);
    expect(store.get().lastSaveFolder).toBeNull();
    expect((await stat(store.setAsidePath!)).size).toBe(MAX_SETTINGS_BYTES + 1);
  });

  it('sets a 3 GB settings file aside without reading it', async () => {
    const dir = await tempDir('promo-limits-');
    await sparseFile(join(dir, SETTINGS_FILE), BEYOND_READ_FILE);
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(defaultSettings());
    expect(store.setAsidePath).toMatch(/settings\.json\.too-big-/);
    expect((await stat(store.setAsidePath!)).size).toBe(BEYOND_READ_FILE);
    await store.update((s) => ({ ...s, lastSaveFolder: '/exports' }));
    expect((await openSettingsStore(dir)).get().lastSaveFolder).toBe('/exports');
  });

  it('stops at the limit even when the size the system reports is wrong', async () => {
    // /dev/zero says it holds nothing and never ends.
    if (!existsSync('/dev/zero')) return;
    expect(await readLimitedFile('/dev/zero', 1000)).toEqual({ kind: 'too-big', size: 1001 });
  });
});

describe('the log', () => {
  it('refuses a size limit of 0, which electron-log takes as "grow without end"', async () => {
    const file = join(await tempDir('promo-limits-'), LOG_FILE_NAME);
    expect(() => fileLogSink({ file, maxBytes: 0 })).toThrow(/size limit must be positive/);
  });

  it('cuts a 3 GB log it cannot rotate down to its newest bytes, without reading it whole', async () => {
    const dir = await tempDir('promo-limits-');
    const file = join(dir, LOG_FILE_NAME);
    await sparseFile(file, BEYOND_READ_FILE);
    // A folder in the old log's place makes the rotation's rename fail, as a held file does on Windows.
    await mkdir(join(dir, 'main.old.log', 'in-the-way'), { recursive: true });
    fileLogSink({ file })('info', 'the first line after the cut');
    expect((await stat(file)).size).toBeLessThanOrEqual(DEFAULT_MAX_LOG_BYTES / 4 + 1024);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\[log cropped\]/);
    expect(text).toContain('the first line after the cut');
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.old.log']);
  });
});

describe('the API token given to the command line', () => {
  it(`refuses more than MAX_TOKEN_BYTES (${MAX_TOKEN_BYTES}) piped in, plainly, and saves nothing`, async () => {
    const dataDir = await tempDir('promo-limits-');
    const env = {
      PROMO_EXPORTER_DATA_DIR: dataDir,
      PROMO_EXPORTER_KEYCHAIN_SERVICE: 'Promo Exporter limits test',
    };
    const run = await cliWithInput(
      ['connections', 'add', 'shop', '--base-url', 'ru.altkraft.com'],
      env,
      Buffer.alloc(64 * 1024 * 1024, 'x'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `promo-exporter: What was piped in is longer than any API token (over ${MAX_TOKEN_BYTES} bytes); check that it is only the token.\n`,
    );
    expect(await readdir(dataDir)).not.toContain(SETTINGS_FILE);
  });

  it('lets a token of exactly MAX_TOKEN_BYTES through the length check', async () => {
    const dataDir = await tempDir('promo-limits-');
    const env = {
      PROMO_EXPORTER_DATA_DIR: dataDir,
      PROMO_EXPORTER_KEYCHAIN_SERVICE: 'Promo Exporter limits test',
    };
    // Past the length check, the token would go to the keychain: a space inside stops it just after.
    const run = await runCli(['connections', 'add', 'shop', '--base-url', 'ru.altkraft.com'], {
      env,
      input: `a ${'x'.repeat(MAX_TOKEN_BYTES - 2)}`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must be one line without spaces/);
  });

  it('refuses a paste past the limit at the hidden prompt', async () => {
    const dataDir = await tempDir('promo-limits-');
    const env = {
      PROMO_EXPORTER_DATA_DIR: dataDir,
      PROMO_EXPORTER_KEYCHAIN_SERVICE: 'Promo Exporter limits test',
    };
    const run = await runCliInTerminal(['connections', 'add', 'desk', '--base-url', 'ru.altkraft.com'], {
      env,
      typed: 'y'.repeat(MAX_TOKEN_BYTES + 10),
      prompt: 'API token for "desk" (not shown): ',
    });
    expect(run.code).toBe(2);
    expect(run.screen).toContain('What was typed is longer than any API token');
    expect(run.screen).not.toContain('yyyy');
    expect(await readdir(dataDir)).not.toContain(SETTINGS_FILE);
  });
});
