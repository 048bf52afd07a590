import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProgram } from '../altcraft-sim/programs';
import { DEMO_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import { readWithOpenpyxl } from '../support/readWorkbook';
import { printed, runCli, simStatus, tempDir } from './cliHarness';

// `promo-exporter export` run as a script would run it, against the simulator, with the workbook read
// back by openpyxl (a reader that did not write it).
let sim: AltcraftSim;
let dir: string;
const env = () => ({ ALTCRAFT_TOKEN: DEMO_TOKEN });
const exportArgs = (...more: string[]) => ['export', '--base-url', sim.url, ...more];

beforeAll(async () => {
  sim = await startAltcraftSim();
  dir = await tempDir();
});
afterAll(async () => {
  await sim.close();
  expect(printed.join('\n')).not.toContain(DEMO_TOKEN);
});

const welcomeCodes = sampleProgram(1).map((code) => code.code);
const codesOf = (rows: unknown[][] | undefined) => (rows ?? []).slice(1).map((row) => row[0]);

describe.concurrent('promo-exporter export', () => {
  it('writes a Summary sheet and a "Loyalty 1" sheet holding every code of the program, quietly', async () => {
    const out = join(dir, 'welcome.xlsx');
    const run = await runCli(exportArgs('--loyalty-id', '1', '--out', out), { env: env() });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });

    const book = await readWithOpenpyxl(out);
    expect(Object.keys(book)).toEqual(['Summary', 'Loyalty 1']);
    const summary = book.Summary ?? [];
    expect(summary).toContainEqual(['Host', new URL(sim.url).host]);
    expect(summary).toContainEqual(['Time zone', 'UTC']);
    expect(summary).toContainEqual(['Filter', 'none']);
    expect(summary).toContainEqual([1, null, 100, 30, 30, 20, 20, 'Loyalty 1']);
    expect(book['Loyalty 1']?.[0]).toEqual([
      'Code',
      'Status',
      'Attached',
      'Activated',
      'Expire date',
      'Expired',
    ]);
    expect(codesOf(book['Loyalty 1'])).toEqual(welcomeCodes);
  });

  it('writes one sheet per program in the order given, named by --name where one was given', async () => {
    const out = join(dir, 'two.xlsx');
    const run = await runCli(
      exportArgs('--loyalty-id', '1', '--loyalty-id', '1000005', '--name', '1=Welcome codes', '--out', out),
      { env: env() },
    );
    expect(run.code).toBe(0);
    const book = await readWithOpenpyxl(out);
    expect(Object.keys(book)).toEqual(['Summary', 'Welcome codes', 'Loyalty 1000005']);
    expect(codesOf(book['Welcome codes'])).toEqual(welcomeCodes);
    expect(codesOf(book['Loyalty 1000005'])).toEqual(sampleProgram(1_000_005).map((code) => code.code));
  });

  it('--status keeps only the codes with the statuses listed', async () => {
    const out = join(dir, 'used.xlsx');
    const run = await runCli(exportArgs('--loyalty-id', '1', '--status', 'Activated,expired', '--out', out), {
      env: env(),
    });
    expect(run.code).toBe(0);
    const book = await readWithOpenpyxl(out);
    expect(book.Summary).toContainEqual(['Filter', 'status: Activated, Expired']);
    const rows = book['Loyalty 1']?.slice(1) ?? [];
    const expected = sampleProgram(1).filter((code) => ['activated', 'expired'].includes(simStatus(code)));
    expect(rows.map((row) => row[0])).toEqual(expected.map((code) => code.code));
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['Activated', 'Expired']));
  });

  it('--status with one status names it as the filter on the Summary sheet', async () => {
    const out = join(dir, 'available.xlsx');
    const run = await runCli(exportArgs('--loyalty-id', '1', '--status', 'available', '--out', out), {
      env: env(),
    });
    expect(run.code).toBe(0);
    const book = await readWithOpenpyxl(out);
    expect(book.Summary).toContainEqual(['Filter', 'status: Available']);
    expect(book['Loyalty 1']?.slice(1).every((row) => row[1] === 'Available')).toBe(true);
  });

  it('writes dates in the time zone TZ names', async () => {
    const out = join(dir, 'tokyo.xlsx');
    const run = await runCli(exportArgs('--loyalty-id', '1', '--out', out), {
      env: { ...env(), TZ: 'Asia/Tokyo' },
    });
    expect(run.code).toBe(0);
    const book = await readWithOpenpyxl(out);
    expect(book.Summary).toContainEqual(['Time zone', 'Asia/Tokyo']);
    // The second Welcome code was attached at 2024-04-01T10:00:00Z: 19:00 in Tokyo.
    expect(book['Loyalty 1']?.[2]?.slice(0, 3)).toEqual(['000123456', 'Attached', '2024-04-01T19:00:00']);
  });

  it('--csv writes one program as CSV with a byte-order mark and formulas neutralised', async () => {
    const out = join(dir, 'welcome.csv');
    const run = await runCli(exportArgs('--loyalty-id', '1', '--csv', '--out', out), { env: env() });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\ufeffCode,Status,Attached,Activated,Expire date,Expired\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(1 + 100 + 1); // header, the codes, the empty string after the last CRLF
    expect(lines).toContain('007,Available,,,,');
    // A formula-like code keeps a ' in front (OWASP), however the writer then quotes it.
    const formula = lines.find((line) => line.includes('=SUM(A1:A2)'));
    expect(formula).toMatch(/^"?'=SUM\(A1:A2\)"?,Activated,2024-04-01 11:00:00,2024-04-01 11:01:30,,$/);
  });

  it.each([
    [';', ';'],
    ['tab', '\t'],
  ])('--delimiter %s separates the CSV fields with it', async (given, separator) => {
    const out = join(dir, `welcome-${given}.csv`);
    const run = await runCli(exportArgs('--loyalty-id', '1', '--csv', '--delimiter', given, '--out', out), {
      env: env(),
    });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const lines = (await readFile(out, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      `\ufeff${['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired'].join(separator)}`,
    );
    expect(lines).toContain(['007', 'Available', '', '', '', ''].join(separator));
  });

  it('--json prints the file, its sheets and the counts per program and status on stdout', async () => {
    const out = join(dir, 'summary.xlsx');
    const run = await runCli(
      exportArgs(
        '--loyalty-id',
        '1',
        '--loyalty-id',
        '1000010',
        '--name',
        '1=Welcome',
        '--json',
        '--out',
        out,
      ),
      { env: { ...env(), TZ: 'Europe/Berlin' } },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      file: out,
      format: 'xlsx',
      host: sim.url,
      connection: null,
      timeZone: 'Europe/Berlin',
      statuses: null,
      sheets: ['Summary', 'Welcome', 'Loyalty 1000010'],
      rows: 110,
      programs: [
        {
          loyaltyId: 1,
          name: 'Welcome',
          sheets: ['Welcome'],
          fetched: 100,
          rows: 100,
          counts: { available: 30, attached: 30, activated: 20, expired: 20 },
        },
        {
          loyaltyId: 1000010,
          name: null,
          sheets: ['Loyalty 1000010'],
          fetched: 10,
          rows: 10,
          counts: { available: 6, attached: 2, activated: 1, expired: 1 },
        },
      ],
    });
    expect(summary.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
  });

  it('--json with --csv and --status counts only the codes written', async () => {
    const out = join(dir, 'attached.csv');
    const run = await runCli(
      exportArgs('--loyalty-id', '1', '--csv', '--status', 'attached', '--json', '--out', out),
      { env: env() },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      format: 'csv',
      sheets: [],
      statuses: ['attached'],
      rows: 30,
      programs: [
        {
          loyaltyId: 1,
          fetched: 100,
          rows: 30,
          counts: { available: 0, attached: 30, activated: 0, expired: 0 },
        },
      ],
    });
  });

  it('sends the token from ALTCRAFT_TOKEN in the request body', async () => {
    const run = await runCli(exportArgs('--loyalty-id', '1000074', '--out', join(dir, 'body.xlsx')), {
      env: env(),
    });
    expect(run.code).toBe(0);
    expect(sim.requests.filter((request) => request.loyaltyId === 1000074)).toMatchObject([
      { token: 'valid', tokenVia: 'body', status: 200 },
    ]);
  });
});
