import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByStatus, type PromoCode } from '../../app/promoCode';
import { writeWorkbook, type WorkbookResult } from '../../main/services/workbook';
import { readBack } from '../support/readBack';
import { digestWorkbook, hasOpenpyxl } from '../readers/openpyxl';

// Slow by nature (a real 1.1-million-row workbook, read back twice); no timing is asserted.
const TOTAL = 1_100_000;
const EXCEL_DATA_ROWS = 1_048_575;
const TIMEOUT = 20 * 60_000;

function codeAt(index: number): PromoCode {
  const at = Date.UTC(2024, 0, 1) + index * 61_000;
  return {
    code: `P${String(index).padStart(7, '0')}`,
    attached: index % 3 === 0 ? null : at,
    activated: index % 3 === 2 ? at + 5_000 : null,
    expireDate: Date.UTC(2026, 0, 1),
    expired: index % 7 === 1 ? at + 9_000 : null,
  };
}

function sha256(codes: readonly PromoCode[]): string {
  const hash = createHash('sha256');
  for (const code of codes) hash.update(`${code.code}\n`);
  return hash.digest('hex');
}

const openpyxlMissing = !(await hasOpenpyxl());
const codes = Array.from({ length: TOTAL }, (_, index) => codeAt(index));
let folder: string;
let target: string;
let result: WorkbookResult;

describe('a program of 1,100,000 codes', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'workbook-million-'));
    target = join(folder, 'million.xlsx');
    result = await writeWorkbook({
      target,
      host: 'ru.altkraft.com',
      programs: [{ loyaltyId: 9, name: 'Million', codes }],
      filter: null,
      exportedAt: new Date(),
      timeZone: 'Europe/Moscow',
      appVersion: '1',
      language: 'en',
    });
  }, TIMEOUT);
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is split over two sheets, the first full to Excel’s limit', () => {
    expect(result.sheets).toEqual([
      { loyaltyId: 9, sheetNames: ['Million', 'Million (2)'], rows: TOTAL, counts: countByStatus(codes) },
    ]);
  });

  it.skipIf(openpyxlMissing)(
    'holds every code, in order, as text within Excel’s limit, as openpyxl reads it',
    async () => {
      const sheets = await digestWorkbook(target);
      expect(sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Million', 'Million (2)']);
      expect(sheets.slice(1).map(({ header, rows, not_text }) => ({ header, rows, not_text }))).toEqual(
        [EXCEL_DATA_ROWS, TOTAL - EXCEL_DATA_ROWS].map((rows) => ({
          header: ['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired'],
          rows,
          not_text: 0,
        })),
      );
      expect(sheets[1]?.sha256).toBe(sha256(codes.slice(0, EXCEL_DATA_ROWS)));
      expect(sheets[2]?.sha256).toBe(sha256(codes.slice(EXCEL_DATA_ROWS)));
    },
    TIMEOUT,
  );

  it(
    'reads back as one program with every code, joining the continuation sheet',
    async () => {
      const { programs } = await readBack(target);
      expect(programs).toHaveLength(1);
      const [program] = programs;
      expect(program?.loyaltyId).toBe(9);
      expect(program?.name).toBe('Million');
      expect(program?.codes).toHaveLength(TOTAL);
      expect(sha256(program?.codes ?? [])).toBe(sha256(codes));
      for (const index of [0, 1, 2, 6, EXCEL_DATA_ROWS - 1, EXCEL_DATA_ROWS, TOTAL - 1]) {
        expect(program?.codes[index]).toEqual(codeAt(index));
      }
      expect(countByStatus(program?.codes ?? [])).toEqual(countByStatus(codes));
    },
    TIMEOUT,
  );
});
