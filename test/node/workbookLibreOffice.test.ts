import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByStatus, statusOf, type CodeDate, type PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import { readBack } from '../support/readBack';
import { parseCsv } from '../readers/csvRows';
import { hostileCodes, wallText } from '../readers/hostileInputs';
import { NO_SOFFICE_REASON, resavedByLibreOffice, sheetsAsCsv, soffice } from '../readers/libreOffice';

const TIME_ZONE = 'America/New_York';
const STATUS_EN = {
  available: 'Available',
  attached: 'Attached',
  activated: 'Activated',
  expired: 'Expired',
};
/**
 * DEL (U+007F) is legal XML but exceljs drops it, so the writer stores it as the ST_Xstring escape
 * `_x007F_`, which Excel, openpyxl and our reader decode; LibreOffice 7.4 decodes only control
 * characters below U+0020 and shows the escape as text. The one code LibreOffice cannot show exactly.
 */
const SHOWN_BY_LIBREOFFICE = (code: string): string => code.replace('\u007f', '_x007F_');

const codes = hostileCodes();
const programs = [
  { loyaltyId: 5, name: 'Hostile', codes },
  { loyaltyId: 6, name: null, codes: [] as PromoCode[] },
];
let folder: string;
let workbook: string;

if (soffice === null) console.warn(`Skipping the LibreOffice tests: ${NO_SOFFICE_REASON}.`);

describe.skipIf(soffice === null)('workbooks read by LibreOffice', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'workbook-lo-'));
    workbook = join(folder, 'codes.xlsx');
    await writeWorkbook({
      target: workbook,
      host: 'ru.altkraft.com',
      programs,
      filter: null,
      exportedAt: new Date(Date.UTC(2024, 2, 10, 12, 0, 0)),
      timeZone: TIME_ZONE,
      appVersion: '0.1.0',
      language: 'en',
    });
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('shows every hostile code, status and local date as written, in every sheet', async () => {
    const csvFiles = await sheetsAsCsv(workbook, join(folder, 'csv'));
    expect([...csvFiles.keys()].sort()).toEqual(['Hostile', 'Loyalty 6', 'Summary']);

    const rows = parseCsv(await readFile(csvFiles.get('Hostile') as string, 'utf8'));
    expect(rows[0]).toEqual(['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']);
    /** What a date cell shows: a date as local time; true (at an unknown time) and absent as nothing. */
    const shown = (value: CodeDate): string => (typeof value === 'number' ? wallText(value, TIME_ZONE) : '');
    expect(rows.slice(1)).toEqual(
      codes.map((code) => [
        SHOWN_BY_LIBREOFFICE(code.code),
        STATUS_EN[statusOf(code)],
        shown(code.attached),
        shown(code.activated),
        shown(code.expireDate),
        shown(code.expired),
      ]),
    );

    const empty = parseCsv(await readFile(csvFiles.get('Loyalty 6') as string, 'utf8'));
    expect(empty).toEqual([['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']]);

    const summary = parseCsv(await readFile(csvFiles.get('Summary') as string, 'utf8'));
    expect(summary[0]?.slice(0, 2)).toEqual(['Host', 'ru.altkraft.com']);
    expect(summary[1]?.slice(0, 2)).toEqual(['Exported at', '2024-03-10 08:00:00']);
  });

  it('reads back a workbook LibreOffice opened and saved again, with the same codes and counts', async () => {
    const resaved = await resavedByLibreOffice(workbook, join(folder, 'resaved'));
    const { programs: read } = await readBack(resaved);

    expect(read.map(({ loyaltyId, name, codes: list }) => ({ loyaltyId, name, rows: list.length }))).toEqual([
      { loyaltyId: 5, name: 'Hostile', rows: codes.length },
      { loyaltyId: 6, name: 'Loyalty 6', rows: 0 },
    ]);
    const expected = codes.map((code) => ({ ...code, code: SHOWN_BY_LIBREOFFICE(code.code) }));
    expect(read[0]?.codes).toEqual(expected);
    expect(countByStatus(read[0]?.codes ?? [])).toEqual(countByStatus(codes));
  });
});
