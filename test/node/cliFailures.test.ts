import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../main/services/redactor';
import { DEMO_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import { closedPort, printed, runCli, tempDir } from './cliHarness';
import type { CliRun } from './cliHarness';

// Every way `promo-exporter export` can fail, each with its exit code, one plain line on stderr, and
// no file written (or changed) at --out.
let sim: AltcraftSim;
let dir: string;
const env = { ALTCRAFT_TOKEN: DEMO_TOKEN };

beforeAll(async () => {
  sim = await startAltcraftSim();
  dir = await tempDir();
});
afterAll(async () => {
  await sim.close();
  expect(printed.join('\n')).not.toContain(DEMO_TOKEN);
});

/** One line, ending in a newline, with no trace of a stack. */
function expectOneLine(run: CliRun): void {
  expect(run.stderr).toMatch(/^promo-exporter: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  expect(run.stdout).toBe('');
}

async function exportTo(out: string, ...args: string[]): Promise<CliRun> {
  return runCli(['export', '--base-url', sim.url, ...args, '--out', out], { env });
}

describe.concurrent('wrong usage exits with 2', () => {
  it.each([
    ['no command', [], /No command given/],
    ['an unknown command', ['exprot'], /Unknown command "exprot"/],
    [
      'an unknown option',
      ['export', '--loyalty-id', '1', '--out', 'x.xlsx', '--bogus'],
      /Unknown option '--bogus'/,
    ],
    ['no --out', ['export', '--base-url', 'ru.altkraft.com', '--loyalty-id', '1'], /--out <file>/],
    ['no --loyalty-id', ['export', '--base-url', 'ru.altkraft.com', '--out', 'x.xlsx'], /--loyalty-id/],
    [
      'a loyalty ID that is not a number',
      ['export', '--base-url', 'h.example', '--loyalty-id', '12a', '--out', 'x.xlsx'],
      /whole number/,
    ],
    [
      'both --connection and --base-url',
      ['export', '--connection', 'a', '--base-url', 'h.example', '--loyalty-id', '1', '--out', 'x.xlsx'],
      /either --connection or --base-url/,
    ],
    [
      '--csv with two programs',
      [
        'export',
        '--base-url',
        'h.example',
        '--loyalty-id',
        '1',
        '--loyalty-id',
        '2',
        '--csv',
        '--out',
        'x.csv',
      ],
      /one --loyalty-id/,
    ],
    [
      'an unknown status',
      ['export', '--base-url', 'h.example', '--loyalty-id', '1', '--status', 'used', '--out', 'x.xlsx'],
      /available, attached, activated, expired, not "used"/,
    ],
    [
      '--name for a program not exported',
      ['export', '--base-url', 'h.example', '--loyalty-id', '1', '--name', '2=Two', '--out', 'x.xlsx'],
      /--loyalty-id 2/,
    ],
    [
      'a separator that is not a comma, semicolon or tab',
      [
        'export',
        '--base-url',
        'h.example',
        '--loyalty-id',
        '1',
        '--csv',
        '--delimiter',
        '|',
        '--out',
        'x.csv',
      ],
      /--delimiter takes ',', ';' or tab, not "\|"/,
    ],
    [
      '--delimiter for a workbook',
      ['export', '--base-url', 'h.example', '--loyalty-id', '1', '--delimiter', ';', '--out', 'x.xlsx'],
      /--delimiter is for CSV files: add --csv/,
    ],
    [
      'plain http to another computer',
      ['export', '--base-url', 'http://altcraft.example', '--loyalty-id', '1', '--out', 'x.xlsx'],
      /https:\/\//,
    ],
  ])('%s', async (_, args, message) => {
    const run = await runCli(args, { env });
    expect(run.code).toBe(2);
    expectOneLine(run);
    expect(run.stderr).toMatch(message);
  });

  it('refuses --token, saying why and what to use instead, without repeating the token', async () => {
    for (const args of [
      [
        'export',
        '--base-url',
        sim.url,
        '--loyalty-id',
        '1',
        '--out',
        join(dir, 't.xlsx'),
        '--token',
        'secret-123',
      ],
      [
        'export',
        '--token=secret-123',
        '--base-url',
        sim.url,
        '--loyalty-id',
        '1',
        '--out',
        join(dir, 't.xlsx'),
      ],
      ['connections', 'add', 'shop', '--base-url', sim.url, '--token', 'secret-123'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expectOneLine(run);
      expect(run.stderr).toContain('other users of this computer can read the arguments');
      expect(run.stderr).toContain('ALTCRAFT_TOKEN');
      expect(run.stderr).toContain('--connection');
      expect(run.stderr).not.toContain('secret-123');
    }
    expect(sim.requests.filter((request) => request.loyaltyId === 1000071)).toEqual([]);
    expect(await readdir(dir)).not.toContain('t.xlsx');
  });

  it('asks for ALTCRAFT_TOKEN when --base-url is used without it', async () => {
    const run = await runCli([
      'export',
      '--base-url',
      sim.url,
      '--loyalty-id',
      '1',
      '--out',
      join(dir, 'x.xlsx'),
    ]);
    expect(run.code).toBe(2);
    expectOneLine(run);
    expect(run.stderr).toContain('ALTCRAFT_TOKEN');
  });

  it('prints the help on stdout and exits with 0 for --help and help', async () => {
    for (const args of [
      ['--help'],
      ['help'],
      ['help', 'export'],
      ['export', '--help'],
      ['connections', '--help'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage:/);
      expect(run.stderr).toBe('');
    }
  });
});

describe.concurrent('Altcraft refusing exits with 3, quoting its error_text', () => {
  it.each([
    [9401, 'API token required'],
    [9404, 'Loyalty program not found'],
    [9406, 'Internal error'],
  ])('program %i', async (loyaltyId, errorText) => {
    const out = join(dir, `refused-${loyaltyId}.xlsx`);
    const run = await exportTo(out, '--loyalty-id', String(loyaltyId));
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(run.stderr).toContain(`Loyalty program ${loyaltyId}:`);
    expect(run.stderr).toContain(`"${errorText}"`);
    expect(await readdir(dir)).not.toContain(`refused-${loyaltyId}.xlsx`);
  });

  it('never prints a token Altcraft repeats back', async () => {
    const run = await exportTo(join(dir, 'echo.xlsx'), '--loyalty-id', '9407');
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(run.stderr).toContain(REDACTED);
    expect(run.stderr).not.toContain(DEMO_TOKEN);
  });
});

describe.concurrent('no valid answer exits with 4', () => {
  it.each([
    [9502, /HTTP 502/],
    [9605, /not Altcraft data/],
    [9603, /cut off/],
  ])('program %i', async (loyaltyId, message) => {
    const run = await exportTo(join(dir, `broken-${loyaltyId}.xlsx`), '--loyalty-id', String(loyaltyId));
    expect(run.code).toBe(4);
    expectOneLine(run);
    expect(run.stderr).toMatch(message);
  });

  it('a host that refuses the connection', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli(
      ['export', '--base-url', host, '--loyalty-id', '1', '--out', join(dir, 'x.xlsx')],
      {
        env,
      },
    );
    expect(run.code).toBe(4);
    expectOneLine(run);
    expect(run.stderr).toContain(host);
  });
});

describe.concurrent('a file that cannot be written exits with 5', () => {
  it('in a folder that does not exist, without asking Altcraft first', async () => {
    const run = await exportTo(join(dir, 'missing', 'codes.xlsx'), '--loyalty-id', '1000072');
    expect(run.code).toBe(5);
    expectOneLine(run);
    expect(run.stderr).toContain(join(dir, 'missing', 'codes.xlsx'));
    expect(sim.requests.filter((request) => request.loyaltyId === 1000072)).toEqual([]);
  });

  it('under a path whose folder is a regular file', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'not a folder');
    const run = await exportTo(join(file, 'codes.xlsx'), '--loyalty-id', '1', '--csv');
    expect(run.code).toBe(5);
    expectOneLine(run);
  });
});

describe.concurrent('after a failure', () => {
  it('Ctrl+C stops a download, exits with 1 and leaves no file behind', async () => {
    const folder = join(dir, 'interrupted');
    await mkdir(folder);
    // Program 9600 sends the headers, then nothing: the command waits until it is interrupted.
    const run = await runCli(
      ['export', '--base-url', sim.url, '--loyalty-id', '9600', '--out', join(folder, 'codes.xlsx')],
      { env, interruptWhen: () => sim.requests.some((request) => request.loyaltyId === 9600) },
    );
    expect(run.code).toBe(1);
    expectOneLine(run);
    expect(run.stderr).toContain('cancelled');
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves a file already at --out byte for byte as it was, and no temporary file beside it', async () => {
    const folder = join(dir, 'kept');
    await mkdir(folder);
    const out = join(folder, 'codes.xlsx');
    const before = Buffer.from('an earlier export, not to be touched\u0000\u00ff');
    await writeFile(out, before);
    for (const loyaltyId of ['9401', '9605']) {
      const run = await exportTo(out, '--loyalty-id', '1', '--loyalty-id', loyaltyId);
      expect(run.code).toBeGreaterThan(2);
      expect(await readFile(out)).toEqual(before);
      expect(await readdir(folder)).toEqual(['codes.xlsx']);
    }
  });
});
