// `promo-exporter summary` and `diff`, run as built (out/main/cli.js), on exports the app's writer made
// and on LibreOffice's re-saves of them, against counts worked out by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import { parseCsv } from '../readers/csvRows';
import { craftZip, workbookParts } from '../readers/craftZip';
import { resavedByLibreOffice, soffice } from '../readers/libreOffice';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';
import { runCli, tempDir, type CliRun } from './cliHarness';

const T = Date.UTC(2026, 10, 1, 9, 30);
const available = (code: string): PromoCode => ({
  code,
  attached: null,
  activated: null,
  expireDate: null,
  expired: null,
});
const attached = (code: string): PromoCode => ({ ...available(code), attached: T });
const activated = (code: string): PromoCode => ({ ...attached(code), activated: T + 3_600_000 });
const expired = (code: string): PromoCode => ({ ...available(code), expired: T + 7_200_000 });

const openpyxlMissing = !(await hasOpenpyxl());
let dir: string;
let older: string;
let newer: string;

async function exportOf(name: string, welcome: PromoCode[], spring: PromoCode[]): Promise<string> {
  const target = join(dir, name);
  await writeWorkbook({
    target,
    host: 'ru.altkraft.com',
    programs: [
      { loyaltyId: 1234, name: 'Welcome', codes: welcome },
      { loyaltyId: 5678, name: 'Spring', codes: spring },
    ],
    filter: null,
    exportedAt: new Date(T),
    timeZone: 'UTC',
    appVersion: 'test',
    language: 'en',
  });
  return target;
}

beforeAll(async () => {
  dir = await tempDir('promo-cli-review-');
  older = await exportOf(
    'older.xlsx',
    [available('A'), attached('B'), activated('C'), available('D'), expired('E')],
    [available('S1'), available('S2')],
  );
  newer = await exportOf(
    'newer.xlsx',
    [attached('A'), attached('B'), activated('C'), available('F'), attached('G'), expired('E')],
    [activated('S1'), available('S2'), available('=S3')],
  );
});

/** Worked out by hand from the two exports above. */
const EXPECTED_DIFF = {
  programs: [
    {
      loyaltyId: 1234,
      name: 'Welcome',
      before: 5,
      after: 6,
      added: 2,
      removed: 1,
      statusChanges: [{ from: 'available', to: 'attached', count: 1 }],
    },
    {
      loyaltyId: 5678,
      name: 'Spring',
      before: 2,
      after: 3,
      added: 1,
      removed: 0,
      statusChanges: [{ from: 'available', to: 'activated', count: 1 }],
    },
  ],
};

function expectOneLine(run: CliRun, code: number): void {
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/^promo-exporter: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(run.stdout).toBe('');
}

const noChanges = (programs: typeof EXPECTED_DIFF.programs) =>
  programs.map((program) => ({
    ...program,
    before: program.after,
    added: 0,
    removed: 0,
    statusChanges: [],
  }));

describe('summary', () => {
  it('prints each program with its total and counts per status, in exactly the JSON shape', async () => {
    const run = await runCli(['summary', older, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${JSON.stringify(
        {
          file: older,
          programs: [
            {
              loyaltyId: 1234,
              name: 'Welcome',
              total: 5,
              counts: { available: 2, attached: 1, activated: 1, expired: 1 },
            },
            {
              loyaltyId: 5678,
              name: 'Spring',
              total: 2,
              counts: { available: 2, attached: 0, activated: 0, expired: 0 },
            },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('prints the same in words without --json', async () => {
    const run = await runCli(['summary', older]);
    expect(run.stdout).toBe(
      `${older}\n` +
        '  Welcome (loyalty ID 1234): 5 codes (2 available, 1 attached, 1 activated, 1 expired)\n' +
        '  Spring (loyalty ID 5678): 2 codes (2 available, 0 attached, 0 activated, 0 expired)\n',
    );
  });

  it('says loyaltyId null when the file does not say it', async () => {
    const bare = join(dir, 'bare.xlsx');
    const sheet =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>Code</t></is></c></row>' +
      '<row><c t="inlineStr"><is><t>X1</t></is></c></row></sheetData></worksheet>';
    await writeFile(
      bare,
      craftZip([
        ...workbookParts([{ name: 'Promo', target: 'worksheets/sheet1.xml' }]),
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ]),
    );
    const run = await runCli(['summary', bare, '--json']);
    expect(JSON.parse(run.stdout)).toEqual({
      file: bare,
      programs: [
        {
          loyaltyId: null,
          name: 'Promo',
          total: 1,
          counts: { available: 1, attached: 0, activated: 0, expired: 0 },
        },
      ],
    });
  });
});

describe('diff', () => {
  it('prints added, removed and the status changes that happened, in exactly the JSON shape', async () => {
    const run = await runCli(['diff', older, newer, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${JSON.stringify(EXPECTED_DIFF, null, 2)}\n`);
  });

  it('says the same in words', async () => {
    const run = await runCli(['diff', older, newer]);
    expect(run.stdout).toBe(
      'Welcome (loyalty ID 1234): 5 → 6 codes, 2 added, 1 removed, 1 available → attached\n' +
        'Spring (loyalty ID 5678): 2 → 3 codes, 1 added, 1 available → activated\n',
    );
  });

  it('finds no changes between an export and itself', async () => {
    const run = await runCli(['diff', newer, newer, '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ programs: noChanges(EXPECTED_DIFF.programs) });
  });

  it('writes the changed codes only as CSV, with the formula guard', async () => {
    const out = join(dir, 'changes.csv');
    const run = await runCli(['diff', older, newer, '--out', out]);
    expect(run.code).toBe(0);
    const rows = parseCsv((await readFile(out, 'utf8')).replace(/^\ufeff/, ''));
    const at = '2026-11-01 09:30:00';
    expect(rows).toEqual([
      ['Code', 'Program', 'Status before', 'Status after', 'Attached', 'Activated', 'Expire date', 'Expired'],
      ['A', 'Welcome', 'Available', 'Attached', at, '', '', ''],
      ['F', 'Welcome', '', 'Available', '', '', '', ''],
      ['G', 'Welcome', '', 'Attached', at, '', '', ''],
      ['D', 'Welcome', 'Available', '', '', '', '', ''],
      ['S1', 'Spring', 'Available', 'Activated', at, '2026-11-01 10:30:00', '', ''],
      ["'=S3", 'Spring', '', 'Available', '', '', '', ''],
    ]);
  });

  it.skipIf(openpyxlMissing)('writes the changed codes only as a workbook openpyxl reads', async () => {
    const out = join(dir, 'changes.xlsx');
    const run = await runCli(['diff', older, newer, '--out', out, '--json']);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED_DIFF);
    const [sheet, ...others] = await dumpWorkbook(out);
    expect(others).toEqual([]);
    expect(sheet?.name).toBe('Changes');
    expect(sheet?.rows.map((row) => row.slice(0, 4).map((cell) => cell.v))).toEqual([
      ['Code', 'Program', 'Status before', 'Status after'],
      ['A', 'Welcome', 'Available', 'Attached'],
      ['F', 'Welcome', null, 'Available'],
      ['G', 'Welcome', null, 'Attached'],
      ['D', 'Welcome', 'Available', null],
      ['S1', 'Spring', 'Available', 'Activated'],
      ['=S3', 'Spring', null, 'Available'],
    ]);
    expect(sheet?.rows[5]?.[5]).toMatchObject({ t: 'datetime', v: '2026-11-01T10:30:00.000000' });
  });

  describe.skipIf(soffice === null)('against LibreOffice re-saves', () => {
    it('finds no changes between an export and its re-save, and the same changes as the originals', async () => {
      const resavedOlder = await resavedByLibreOffice(older, await tempDir('lo-older-'));
      const resavedNewer = await resavedByLibreOffice(newer, await tempDir('lo-newer-'));
      const same = await runCli(['diff', newer, resavedNewer, '--json']);
      expect(JSON.parse(same.stdout)).toEqual({ programs: noChanges(EXPECTED_DIFF.programs) });
      const across = await runCli(['diff', resavedOlder, resavedNewer, '--json']);
      expect(JSON.parse(across.stdout)).toEqual(EXPECTED_DIFF);
    }, 180_000);

    it('reads a Russian export and its re-save alike', async () => {
      const russian = join(dir, 'russian.xlsx');
      await writeWorkbook({
        target: russian,
        host: 'ru.altkraft.com',
        programs: [
          { loyaltyId: 42, name: 'Промо', codes: [available('Код-1'), attached('Код-2'), expired('Код-3')] },
        ],
        filter: null,
        exportedAt: new Date(T),
        timeZone: 'Europe/Moscow',
        appVersion: 'test',
        language: 'ru',
      });
      const resaved = await resavedByLibreOffice(russian, await tempDir('lo-ru-'));
      const summary = await runCli(['summary', resaved, '--json']);
      expect(JSON.parse(summary.stdout).programs).toEqual([
        {
          loyaltyId: 42,
          name: 'Промо',
          total: 3,
          counts: { available: 1, attached: 1, activated: 0, expired: 1 },
        },
      ]);
      const same = await runCli(['diff', russian, resaved, '--json']);
      expect(JSON.parse(same.stdout).programs[0]).toMatchObject({ added: 0, removed: 0, statusChanges: [] });
    }, 180_000);
  });
});

describe('inputs that cannot be read exit with 6', () => {
  it.each([
    [
      'a text file',
      'notes.xlsx',
      'Code,Status\n',
      /Could not read .*notes\.xlsx: This file is not a workbook Promo Exporter can read: it is not an Excel workbook/,
    ],
    ['an empty file', 'empty.xlsx', '', /not a workbook Promo Exporter can read/],
  ])('%s', async (_, name, content, message) => {
    const path = join(dir, name);
    await writeFile(path, content);
    const run = await runCli(['diff', older, path]);
    expectOneLine(run, 6);
    expect(run.stderr).toMatch(message);
    expectOneLine(await runCli(['summary', path, '--json']), 6);
  });

  it('a file that is not there', async () => {
    const run = await runCli(['summary', join(dir, 'missing.xlsx')]);
    expectOneLine(run, 6);
    expect(run.stderr).toMatch(/could not be found/);
  });

  it('a file over a limit', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    await writeFile(
      bomb,
      craftZip([
        ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
        { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', declaredSize: 5 * 1024 ** 3 },
      ]),
    );
    const run = await runCli(['diff', bomb, newer, '--out', join(dir, 'never.csv')]);
    expectOneLine(run, 6);
    expect(run.stderr).toMatch(/larger than Promo Exporter opens safely/);
  });
});

describe('usage and help', () => {
  it.each([
    [['diff', 'only-one.xlsx'], /Give the two workbooks to compare/],
    [['diff', 'a.xlsx', 'b.xlsx', '--out', 'changes.txt'], /writes a \.xlsx or a \.csv file/],
    [['summary'], /Give the workbook to sum up/],
    [['summary', 'a.xlsx', 'b.xlsx'], /Unexpected argument "b\.xlsx"/],
  ])('%j is wrong usage', async (args, message) => {
    const run = await runCli(args);
    expectOneLine(run, 2);
    expect(run.stderr).toMatch(message);
  });

  it('lists both commands and exit code 6 in --help, and has help of their own', async () => {
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/summary {13}Show each program/);
    expect(main.stdout).toMatch(/diff {16}Compare two saved workbooks/);
    expect(main.stdout).toMatch(/6 {2}an input file could not be read/);
    expect((await runCli(['help', 'diff'])).stdout).toMatch(/--out <file>/);
    expect((await runCli(['summary', '--help'])).stdout).toMatch(/"loyaltyId": 1234/);
  });
});
