import { spawn } from 'node:child_process';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startAltcraftSim, type AltcraftSim } from '../altcraft-sim/server';
import { openSettingsStore, SETTINGS_FILE } from '../../main/services/settingsStore';
import { CLI, childEnv, tempDir } from './cliHarness';

// Who may read what Promo Exporter writes, on real files: each command runs as a child process under
// the umask the test gives it, as a person's shell would start it. Windows has no permission bits.
const SETTINGS_PROCESS = fileURLToPath(new URL('../support/settingsProcess.ts', import.meta.url));

interface Run {
  code: number | null;
  stderr: string;
}

/** `node <args>` started by `sh` after `umask <mask>`, with standard input written and closed. */
function nodeUnderUmask(
  mask: string,
  args: string[],
  env: Record<string, string> = {},
  input = '',
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'umask "$0" && exec "$@"', mask, process.execPath, ...args], {
      env: childEnv(env),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end(input);
  });
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

let sim: AltcraftSim;
beforeAll(async () => {
  sim = await startAltcraftSim();
});
afterAll(async () => {
  await sim.close();
});

const exportTo = (mask: string, out: string, ...more: string[]) =>
  nodeUnderUmask(mask, [CLI, 'export', '--base-url', sim.url, '--loyalty-id', '1', '--out', out, ...more], {
    ALTCRAFT_TOKEN: DEMO_TOKEN,
  });

describe.skipIf(process.platform === 'win32')('files for the owner’s eyes', () => {
  it('creates the data folder 0700 and the settings file 0600, even under umask 000', async () => {
    const dataDir = join(await tempDir('promo-modes-'), 'config', 'Promo Exporter');
    const run = await nodeUnderUmask(
      '000',
      ['--import', 'tsx', SETTINGS_PROCESS, 'add', dataDir, 'c', '1'],
      {},
      'go\n',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, SETTINGS_FILE))).toBe(0o600);
  });

  it('makes a settings file an older version left readable by others 0600 at its next save', async () => {
    const dataDir = await tempDir('promo-modes-');
    const file = join(dataDir, SETTINGS_FILE);
    await writeFile(
      file,
      JSON.stringify({ version: 1, connections: [], window: null, lastSaveFolder: null }),
    );
    await chmod(file, 0o644);
    const store = await openSettingsStore(dataDir);
    await store.update((s) => ({ ...s, lastSaveFolder: '/exports' }));
    expect(await modeOf(file)).toBe(0o600);
  });

  it('leaves the mode of a data folder that already exists as it is', async () => {
    const dataDir = join(await tempDir('promo-modes-'), 'shared');
    await mkdir(dataDir);
    await chmod(dataDir, 0o750);
    await openSettingsStore(dataDir);
    expect(await modeOf(dataDir)).toBe(0o750);
  });

  it.each([
    ['027', 0o640],
    ['022', 0o644],
    ['077', 0o600],
  ])('gives a new export what umask %s allows', async (mask, expected) => {
    const out = join(await tempDir('promo-modes-'), 'codes.xlsx');
    expect(await exportTo(mask, out)).toMatchObject({ code: 0, stderr: '' });
    expect(await modeOf(out)).toBe(expected);
  });

  it('keeps a 0600 workbook 0600 when an export replaces it', async () => {
    const out = join(await tempDir('promo-modes-'), 'codes.xlsx');
    await writeFile(out, 'the old workbook');
    await chmod(out, 0o600);
    expect(await exportTo('022', out)).toMatchObject({ code: 0, stderr: '' });
    expect(await modeOf(out)).toBe(0o600);
    expect((await stat(out)).size).toBeGreaterThan('the old workbook'.length);
  });

  it('keeps a 0664 CSV file 0664 when an export replaces it, bits the umask would take included', async () => {
    const out = join(await tempDir('promo-modes-'), 'codes.csv');
    await writeFile(out, 'old');
    await chmod(out, 0o664);
    expect(await exportTo('077', out, '--csv')).toMatchObject({ code: 0, stderr: '' });
    expect(await modeOf(out)).toBe(0o664);
  });
});
