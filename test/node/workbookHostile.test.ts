import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByStatus, matchesFilter, statusOf, type CodeDate, type PromoCode } from '../../app/promoCode';
import { writeWorkbook, type WorkbookResult } from '../../main/services/workbook';
import { hostileCodes, wallText } from '../readers/hostileInputs';
import { dumpWorkbook, hasOpenpyxl, type DumpedCell, type DumpedSheet } from '../readers/openpyxl';

const TIME_ZONE = 'Europe/Berlin';
const STATUS_EN = {
  available: 'Available',
  attached: 'Attached',
  activated: 'Activated',
  expired: 'Expired',
};
const openpyxlMissing = !(await hasOpenpyxl());

let folder: string;
let result: WorkbookResult;
let sheets: DumpedSheet[];
const codes = hostileCodes();

function sheet(name: string): DumpedSheet {
  const found = sheets.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no sheet ${name} in ${sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** openpyxl gives datetimes as ISO text with microseconds; the workbook keeps whole milliseconds. */
function expectDateCell(cell: DumpedCell | undefined, value: CodeDate): void {
  if (typeof value !== 'number') {
    expect(cell?.t).toBe('None');
    return;
  }
  expect(cell?.t).toBe('datetime');
  expect(cell?.fmt).toBe('yyyy-mm-dd hh:mm:ss');
  expect(String(cell?.v).replace('T', ' ')).toBe(`${wallText(value, TIME_ZONE)}.000000`);
}

describe.skipIf(openpyxlMissing)('a workbook of hostile codes, read back by openpyxl', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'workbook-hostile-'));
    result = await writeWorkbook({
      target: join(folder, 'hostile.xlsx'),
      host: 'https://ru.altkraft.com/api/v1.1/promocodes/export_all?token=SECRET-TOKEN',
      programs: [
        { loyaltyId: 17, name: 'Spring: sale [final]?', codes },
        { loyaltyId: 77, name: null, codes: [] },
      ],
      filter: null,
      exportedAt: new Date(Date.UTC(2024, 6, 1, 9, 30, 0)),
      timeZone: TIME_ZONE,
      appVersion: '1.2.3',
      language: 'en',
    });
    sheets = await dumpWorkbook(result.path);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('puts Summary first, then one sheet per program with names Excel accepts', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Summary', 'Spring_ sale _final__', 'Loyalty 77']);
    expect(result.sheets.map((s) => s.sheetNames)).toEqual([['Spring_ sale _final__'], ['Loyalty 77']]);
  });

  it('writes a bold header row, frozen, with an autofilter over the data', () => {
    const codesSheet = sheet('Spring_ sale _final__');
    const header = codesSheet.rows[0] ?? [];
    expect(header.map((cell) => cell.v)).toEqual([
      'Code',
      'Status',
      'Attached',
      'Activated',
      'Expire date',
      'Expired',
    ]);
    expect(header.every((cell) => cell.bold && cell.t === 'str')).toBe(true);
    expect(codesSheet.freeze_panes).toBe('A2');
    expect(codesSheet.auto_filter).toBe(`A1:F${codes.length + 1}`);
    expect(codesSheet.max_row).toBe(codes.length + 1);
  });

  it('sizes the Code column to fit the longest code and the date columns to fit a date', () => {
    const widths = sheet('Spring_ sale _final__').column_widths;
    const longest = Math.max(...codes.map((code) => code.code.length));
    expect(widths.A).toBeGreaterThanOrEqual(longest);
    for (const column of ['C', 'D', 'E', 'F']) expect(widths[column]).toBeGreaterThanOrEqual(19);
  });

  it('keeps every code as text, byte for byte', () => {
    const rows = sheet('Spring_ sale _final__').rows.slice(1);
    const written = rows.map((row) => ({ t: row[0]?.t, v: row[0]?.v }));
    expect(written).toEqual(codes.map((code) => ({ t: 'str', v: code.code })));
  });

  it('keeps a code that starts with = as text', () => {
    const row = sheet('Spring_ sale _final__').rows.find((cells) => cells[0]?.v === '=1+2');
    expect(row?.[0]).toMatchObject({ t: 'str', fmt: '@' });
  });

  it('writes the status word derived from the code', () => {
    const rows = sheet('Spring_ sale _final__').rows.slice(1);
    expect(rows.map((row) => row[1]?.v)).toEqual(codes.map((code) => STATUS_EN[statusOf(code)]));
  });

  it('writes dates as date-time cells in the chosen time zone, empty when Altcraft gave none', () => {
    const rows = sheet('Spring_ sale _final__').rows.slice(1);
    codes.forEach((code: PromoCode, index) => {
      const row = rows[index];
      expectDateCell(row?.[2], code.attached);
      expectDateCell(row?.[3], code.activated);
      expectDateCell(row?.[4], code.expireDate);
      expectDateCell(row?.[5], code.expired);
    });
  });

  it('leaves Expired empty when Altcraft said only true or false', () => {
    const rows = sheet('Spring_ sale _final__').rows.slice(1);
    const flagged = codes.flatMap((code, index) =>
      typeof code.expired === 'boolean' ? [rows[index]?.[5]?.t] : [],
    );
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(flagged)).toEqual(new Set(['None']));
  });

  it('writes an empty program as a sheet holding only the header', () => {
    const empty = sheet('Loyalty 77');
    expect(empty.rows).toHaveLength(1);
    expect(empty.auto_filter).toBe('A1:F1');
    expect(empty.freeze_panes).toBe('A2');
  });

  it('summarises host, time, zone, version, filter and each program, never the token', () => {
    const rows = sheet('Summary').rows.map((row) => row.map((cell) => cell.v));
    const text = JSON.stringify(rows);
    expect(text).not.toContain('SECRET-TOKEN');
    expect(rows[0]?.slice(0, 2)).toEqual(['Host', 'ru.altkraft.com']);
    expect(rows[1]?.[0]).toBe('Exported at');
    expect(String(rows[1]?.[1])).toBe('2024-07-01T11:30:00.000000');
    expect(rows[2]?.slice(0, 2)).toEqual(['Time zone', TIME_ZONE]);
    expect(rows[3]?.slice(0, 2)).toEqual(['App version', '1.2.3']);
    expect(rows[4]?.slice(0, 2)).toEqual(['Filter', 'none']);
    expect(rows[6]).toEqual([
      'Loyalty ID',
      'Name',
      'Total',
      'Available',
      'Attached',
      'Activated',
      'Expired',
      'Sheets',
    ]);
    const counts = countByStatus(codes);
    expect(rows[7]).toEqual([
      17,
      'Spring: sale [final]?',
      codes.length,
      counts.available,
      counts.attached,
      counts.activated,
      counts.expired,
      'Spring_ sale _final__',
    ]);
    expect(rows[8]).toEqual([77, null, 0, 0, 0, 0, 0, 'Loyalty 77']);
  });

  it('reports rows and counts per program', () => {
    expect(result.rows).toBe(codes.length);
    expect(result.sheets[0]).toMatchObject({
      loyaltyId: 17,
      rows: codes.length,
      counts: countByStatus(codes),
    });
    expect(result.sheets[1]).toMatchObject({ loyaltyId: 77, rows: 0 });
  });
});

describe.skipIf(openpyxlMissing)('a workbook exported in Russian, with a filter', () => {
  it('labels headers, statuses and Summary in Russian and says which filter was applied', async () => {
    const russianFolder = await mkdtemp(join(tmpdir(), 'workbook-ru-'));
    try {
      const target = join(russianFolder, 'ru.xlsx');
      const filter = { status: 'expired' as const, search: 'e' };
      const result = await writeWorkbook({
        target,
        host: 'promo.example.com',
        programs: [{ loyaltyId: 3, name: 'Промо', codes }],
        filter,
        exportedAt: new Date(Date.UTC(2024, 0, 1)),
        timeZone: 'Europe/Moscow',
        appVersion: '2.0.0',
        language: 'ru',
      });
      const expected = codes.filter((code) => matchesFilter(code, filter));
      expect(expected.length).toBeGreaterThan(0);
      expect(result.sheets[0]?.rows).toBe(expected.length);

      const [summary, program] = await dumpWorkbook(target);
      expect(program?.rows[0]?.map((cell) => cell.v)).toEqual([
        'Код',
        'Статус',
        'Привязан',
        'Активирован',
        'Срок действия',
        'Истёк',
      ]);
      expect(program?.rows.slice(1).map((row) => [row[0]?.v, row[1]?.v])).toEqual(
        expected.map((code) => [code.code, 'Истёк']),
      );
      const labels = summary?.rows.map((row) => row[0]?.v);
      expect(labels?.slice(0, 5)).toEqual([
        'Сервер',
        'Дата выгрузки',
        'Часовой пояс',
        'Версия приложения',
        'Фильтр',
      ]);
      expect(summary?.rows[4]?.[1]?.v).toBe('статус: Истёк; поиск: "e"');
      expect(summary?.rows[6]?.map((cell) => cell.v)).toEqual([
        'ID программы',
        'Название',
        'Всего',
        'Доступен',
        'Привязан',
        'Активирован',
        'Истёк',
        'Листы',
      ]);
    } finally {
      await rm(russianFolder, { recursive: true, force: true });
    }
  });
});

describe('progress', () => {
  it('reports rows written, rising to the total', async () => {
    const progressFolder = await mkdtemp(join(tmpdir(), 'workbook-progress-'));
    try {
      const many = Array.from({ length: 45_000 }, (_, index) => ({
        ...(codes[1] as PromoCode),
        code: `N${index}`,
      }));
      const reports: { rowsWritten: number; rowsTotal: number }[] = [];
      await writeWorkbook({
        target: join(progressFolder, 'progress.xlsx'),
        host: 'h',
        programs: [
          { loyaltyId: 1, name: 'A', codes: many },
          { loyaltyId: 2, name: 'B', codes: codes },
        ],
        filter: null,
        exportedAt: new Date(),
        timeZone: 'UTC',
        appVersion: '1',
        language: 'en',
        onProgress: (progress) => reports.push(progress),
      });
      const total = many.length + codes.length;
      expect(reports.length).toBeGreaterThan(2);
      expect(reports.every((report) => report.rowsTotal === total)).toBe(true);
      const written = reports.map((report) => report.rowsWritten);
      expect(written).toEqual([...written].sort((a, b) => a - b));
      expect(written.at(0)).toBe(0);
      expect(written.at(-1)).toBe(total);
    } finally {
      await rm(progressFolder, { recursive: true, force: true });
    }
  });
});
