import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import { readBack } from '../support/readBack';
import { planSheetNames } from '../../main/services/workbook/sheetNames';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';
import { promoCode as code } from '../support/promoCode';

const one = (name: string | null, loyaltyId = 1, rows = 10) => ({ loyaltyId, name, rows });

function expectValidForExcel(names: string[]): void {
  for (const name of names) {
    expect(name.length).toBeGreaterThan(0);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name).not.toMatch(/^'|'$/);
    expect(['SUMMARY', 'HISTORY']).not.toContain(name.toUpperCase());
  }
  expect(new Set(names.map((name) => name.toUpperCase())).size).toBe(names.length);
}

describe('sheet names', () => {
  it('names a sheet after the program, or Loyalty <id> when it has no name', () => {
    expect(planSheetNames([one('Spring sale', 1), one(null, 42)])).toEqual([['Spring sale'], ['Loyalty 42']]);
  });

  it('replaces the characters Excel forbids in sheet names', () => {
    expect(planSheetNames([one('a[b]c:d*e?f/g\\h')])).toEqual([['a_b_c_d_e_f_g_h']]);
  });

  it('cuts long names to 31 characters without splitting an emoji', () => {
    const [[name]] = planSheetNames([one('x'.repeat(30) + '😀😀')]) as [[string]];
    expect(name).toBe('x'.repeat(30));
    expect(planSheetNames([one('Ж'.repeat(40))])[0]?.[0]).toBe('Ж'.repeat(31));
  });

  it('drops apostrophes and spaces from either end', () => {
    expect(planSheetNames([one("'quoted'")])).toEqual([['quoted']]);
    expect(planSheetNames([one(`${'a'.repeat(30)}'b`)])[0]?.[0]).toBe('a'.repeat(30));
  });

  it('falls back to Loyalty <id> when nothing usable is left of the name', () => {
    expect(planSheetNames([one("''", 7), one('   ', 8)])).toEqual([['Loyalty 7'], ['Loyalty 8']]);
  });

  it('keeps names unique ignoring case by adding the loyalty ID', () => {
    const names = planSheetNames([one('Promo', 1), one('PROMO', 2), one('promo', 3)]);
    expect(names).toEqual([['Promo'], ['PROMO #2'], ['promo #3']]);
  });

  it('never uses Summary or History, which Excel and the layout reserve', () => {
    expect(planSheetNames([one('Summary', 4), one('history', 5)])).toEqual([['Summary #4'], ['history #5']]);
  });

  it('continues a program too big for one sheet on <name> (2), <name> (3)', () => {
    expect(planSheetNames([one('Big', 1, 25)], 10)).toEqual([['Big', 'Big (2)', 'Big (3)']]);
    expect(planSheetNames([one('Exact', 1, 20)], 10)).toEqual([['Exact', 'Exact (2)']]);
    expect(planSheetNames([one('Empty', 1, 0)], 10)).toEqual([['Empty']]);
  });

  it('keeps continuation names within 31 characters and clear of other programs', () => {
    const long = 'L'.repeat(40);
    const names = planSheetNames([one('Big (2)', 9, 1), one(long, 1, 25), one('Big', 2, 15)], 10);
    expect(names[1]).toEqual(['L'.repeat(31), `${'L'.repeat(27)} (2)`, `${'L'.repeat(27)} (3)`]);
    expect(names[2]).toEqual(['Big #2', 'Big #2 (2)']);
    expectValidForExcel(names.flat());
  });

  it('gives valid, unique names to a crowd of awkward ones', () => {
    const awkward = [
      '',
      "'",
      'Summary',
      'SUMMARY',
      'a/b',
      'a_b',
      'A_B',
      'x'.repeat(31),
      'x'.repeat(32),
      'Loyalty 3',
      null,
      null,
    ];
    const names = planSheetNames(
      awkward.map((name, index) => one(name, index + 1, 15)),
      10,
    );
    expectValidForExcel(names.flat());
    expect(names.every((parts) => parts.length === 2)).toBe(true);
  });
});

const noCodes: PromoCode[] = [];

describe.skipIf(!(await hasOpenpyxl()))('sheet names in a written workbook', () => {
  it('writes long, duplicate and invalid names as valid sheets, and reads them back to their programs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'workbook-names-'));
    try {
      const target = join(folder, 'names.xlsx');
      const programs = [
        { loyaltyId: 1, name: 'Весенняя распродажа: лучшие промокоды [2024]', codes: [code('A1')] },
        {
          loyaltyId: 2,
          name: 'весенняя распродажа: лучшие промокоды [2024]',
          codes: [code('B1'), code('B2')],
        },
        { loyaltyId: 3, name: "'History'", codes: noCodes },
        { loyaltyId: 4, name: 'a*b?c', codes: Array.from({ length: 5 }, (_, i) => code(`D${i}`)) },
      ];
      const result = await writeWorkbook({
        target,
        host: 'h',
        programs,
        filter: null,
        exportedAt: new Date(),
        timeZone: 'UTC',
        appVersion: '1',
        language: 'en',
        rowsPerSheet: 2,
      });
      const sheets = await dumpWorkbook(target);
      const names = sheets.map((sheet) => sheet.name);
      expect(names).toEqual(['Summary', ...result.sheets.flatMap((program) => program.sheetNames)]);
      expectValidForExcel(names.slice(1));
      expect(result.sheets.map((program) => program.sheetNames.length)).toEqual([1, 1, 1, 3]);
      for (const sheet of sheets.slice(1)) expect(sheet.rows[0]?.[0]?.v).toBe('Code');

      const read = await readBack(target);
      expect(
        read.programs.map((program) => [program.loyaltyId, program.name, program.codes.map((c) => c.code)]),
      ).toEqual(
        programs.map((program) => [program.loyaltyId, program.name, program.codes.map((c) => c.code)]),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
