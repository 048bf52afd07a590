// CSV files as spreadsheet programs open them (issue 15, points 4 and 5): LibreOffice through its own
// API with the separator chosen and formulas evaluated, as Excel evaluates them; Gnumeric's ssconvert,
// which reads commas from .csv and tabs from .tsv. Codes that look like formulas must arrive as text.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvDelimiter } from '../../app/csvDelimiter';
import { statusOf } from '../../app/promoCode';
import { writeCsv } from '../../main/services/workbook';
import { parseCsv } from '../readers/csvRows';
import { GNUMERIC_TYPE, readWithGnumeric, ssconvert } from '../readers/gnumeric';
import { hostileCodes } from '../readers/hostileInputs';
import {
  hasPythonUno,
  inspectAllWithLibreOffice,
  soffice,
  type LibreOfficeBook,
} from '../readers/libreOffice';
import { promoCode as code } from '../support/promoCode';

const noLibreOffice = soffice === null || !hasPythonUno();
const noGnumeric = ssconvert === null;
const STATUS_EN = {
  available: 'Available',
  attached: 'Attached',
  activated: 'Activated',
  expired: 'Expired',
};

/** Codes a spreadsheet would run, hidden behind what cannot be seen, or written in full width. */
const DISGUISED = [
  '\u00a0=1+2', // no-break space
  '\u200b=HYPERLINK("http://example.com")', // zero-width space
  '\ufeff@SUM(1)', // byte-order mark
  '\u2060\u200d-1+1', // word joiner, zero-width joiner
  '\u3000+7', // ideographic space
  ' \t =1', // spaces around a tab
  '\n=1+2', // line feed
  '＝1+2', // full-width equals
  '＋7 999',
  '－5',
  '＠home',
  '﹦1', // small form
];
/** Look alike but start with a visible letter or digit: left as they are. */
const HARMLESS = ['\u00a0nbsp', 'a=1', '1-2', '\u200bcode', 'x@y'];

const codes = [
  ...hostileCodes(),
  ...DISGUISED.map((text) => code(text)),
  ...HARMLESS.map((text) => code(text)),
];
/** What OWASP's guard should have changed, worked out by hand from the list above. */
const GUARDED = new Set([
  ...codes.map((c) => c.code).filter((text) => /^[=+\-@\t\r\n]/.test(text)),
  ...DISGUISED,
]);

const SEPARATORS: { name: string; delimiter: CsvDelimiter; code: number }[] = [
  { name: 'comma', delimiter: ',', code: 44 },
  { name: 'semicolon', delimiter: ';', code: 59 },
  { name: 'tab', delimiter: '\t', code: 9 },
];
/**
 * LibreOffice's CSV import options: the separator, `"` quotes, UTF-8, from line 1, standard columns,
 * default language, quoted fields not forced to text, special numbers detected, spaces kept, and formulas
 * evaluated, as Excel does when it opens a CSV file.
 */
const importOptions = (separator: number) => `${separator},34,76,1,,0,false,true,false,false,false,-1,true`;

let folder: string;
const written = new Map<CsvDelimiter, string>();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'csv-spreadsheets-'));
  for (const { name, delimiter } of SEPARATORS) {
    const target = join(folder, `${name}.csv`);
    await writeCsv({
      target,
      program: { loyaltyId: 1, name: null, codes },
      filter: null,
      timeZone: 'UTC',
      language: 'en',
      delimiter,
    });
    written.set(delimiter, target);
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the file itself', () => {
  it.each(SEPARATORS)(
    'separates fields with a $name and quotes a code holding any separator',
    async ({ delimiter }) => {
      const text = (await readFile(written.get(delimiter) as string, 'utf8')).slice(1);
      const rows = parseCsv(text, delimiter);
      expect(rows[0]).toEqual(['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']);
      expect(rows.slice(1).map((row) => [row[0]?.replace(/^'/, ''), row[1]])).toEqual(
        codes.map((c) => [c.code, STATUS_EN[statusOf(c)]]),
      );
      expect(text).toContain('\r\n"1,5"' + delimiter);
    },
  );

  it('puts a quote before exactly the codes whose first visible character starts a formula', async () => {
    const rows = parseCsv((await readFile(written.get(',') as string, 'utf8')).slice(1)).slice(1);
    expect(rows.map((row) => row[0])).toEqual(
      codes.map((c) => (GUARDED.has(c.code) ? `'${c.code}` : c.code)),
    );
  });
});

describe.skipIf(noLibreOffice)('opened in LibreOffice with formulas evaluated, as Excel opens it', () => {
  let control: LibreOfficeBook;
  const opened = new Map<CsvDelimiter, LibreOfficeBook>();
  beforeAll(async () => {
    const controlFile = join(folder, 'control.csv');
    await writeFile(controlFile, '\ufeffCode;Status\r\n=1+2;Available\r\n');
    const books = await inspectAllWithLibreOffice([
      { path: controlFile, csvOptions: importOptions(59) },
      ...SEPARATORS.map(({ delimiter, code: separator }) => ({
        path: written.get(delimiter) as string,
        csvOptions: importOptions(separator),
      })),
    ]);
    control = books[0] as LibreOfficeBook;
    SEPARATORS.forEach(({ delimiter }, index) => opened.set(delimiter, books[index + 1] as LibreOfficeBook));
  }, 600_000);

  it('would run a formula left unguarded: the check below can fail', () => {
    expect(control.sheets[0]?.rows[1]?.[0]).toMatchObject({ type: 'FORMULA', text: '3' });
  });

  it.each(SEPARATORS)('splits a $name-separated file into its columns and runs no code', ({ delimiter }) => {
    const rows = opened.get(delimiter)?.sheets[0]?.rows.slice(1) ?? [];
    expect(rows).toHaveLength(codes.length);
    expect(rows.map((row) => row[1]?.text)).toEqual(codes.map((c) => STATUS_EN[statusOf(c)]));
    expect(rows.flat().filter((cell) => cell.type === 'FORMULA')).toEqual([]);
    const guarded = codes.flatMap((c, index) =>
      GUARDED.has(c.code) ? [[rows[index]?.[0]?.type, rows[index]?.[0]?.text]] : [],
    );
    expect(guarded).toEqual(codes.filter((c) => GUARDED.has(c.code)).map((c) => ['TEXT', `'${c.code}`]));
  });

  it('turns 007 into the number 7, which is why the workbook is the better choice', () => {
    const row = opened.get(';')?.sheets[0]?.rows[codes.findIndex((c) => c.code === '007') + 1];
    expect(row?.[0]).toMatchObject({ type: 'VALUE', text: '7' });
  });
});

describe.skipIf(noGnumeric)('opened in Gnumeric', () => {
  it('would run a formula left unguarded: the check below can fail', async () => {
    const control = join(folder, 'control-gnumeric.csv');
    await writeFile(control, '\ufeffCode,Status\r\n=1+2,Available\r\n');
    const [sheet] = (await readWithGnumeric(control, join(folder, 'gnumeric-control'))).sheets;
    expect(sheet?.cells.get('1,0')?.type).toBe(0); // no value type: an expression
  });

  it.each(SEPARATORS.filter(({ delimiter }) => delimiter !== ';'))(
    'reads a $name-separated file into its columns and runs no code',
    async ({ name, delimiter }) => {
      // Gnumeric takes tabs from a .tsv file and commas from a .csv one; it has no semicolon reader.
      const input = join(folder, delimiter === '\t' ? 'gnumeric.tsv' : 'gnumeric.csv');
      await copyFile(written.get(delimiter) as string, input);
      const [sheet] = (await readWithGnumeric(input, join(folder, `gnumeric-${name}`))).sheets;
      expect(sheet?.shown.slice(1).map((row) => row[1])).toEqual(codes.map((c) => STATUS_EN[statusOf(c)]));
      const types = codes.map((_, index) => sheet?.cells.get(`${index + 1},0`)?.type);
      expect(types.filter((type) => type === 0)).toEqual([]);
      // It reads the leading ' as "this is text", as a person typing would mean it, and shows the code.
      const guarded = codes.flatMap((c, index) =>
        GUARDED.has(c.code) ? [sheet?.cells.get(`${index + 1},0`)] : [],
      );
      expect(guarded.map((cell) => cell?.type)).toEqual(
        codes.filter((c) => GUARDED.has(c.code)).map(() => GNUMERIC_TYPE.string),
      );
    },
  );
});
