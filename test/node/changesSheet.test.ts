// An export that carries a comparison's changes on a `Changes` sheet after its programs, as openpyxl
// reads it, and as the app reads it back (the programs only).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { changedCodes, compareExports } from '../../main/services/review/compareExports';
import { writeWorkbook } from '../../main/services/workbook';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';
import { readBack } from '../support/readBack';
import { promoCode as code } from '../support/promoCode';

const openpyxlMissing = !(await hasOpenpyxl());
const T = Date.UTC(2026, 10, 1, 9, 30);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'changes-sheet-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const now = [code('A', { attached: T }), code('B'), code('C')];
const changes = () =>
  changedCodes(
    compareExports(
      [{ loyaltyId: 1, name: 'Changes', codes: compactCodes([code('A'), code('B'), code('GONE')]) }],
      [{ loyaltyId: 1, name: 'Changes', codes: compactCodes(now) }],
    ),
  );

describe.skipIf(openpyxlMissing)('an export with its changes', () => {
  it('adds the Changes sheets after the programs, named clear of a program called Changes', async () => {
    const target = join(folder, 'with-changes.xlsx');
    const result = await writeWorkbook({
      target,
      host: 'h',
      programs: [{ loyaltyId: 1, name: 'Changes', codes: now }],
      filter: null,
      exportedAt: new Date(T),
      timeZone: 'UTC',
      appVersion: 't',
      language: 'en',
      changes: changes(),
      rowsPerSheet: 2,
    });
    // The program takes Changes and Changes (2); the changes continue after them.
    expect(result.changesSheets).toEqual(['Changes (3)', 'Changes (4)']);
    expect(result.rows).toBe(3);
    const sheets = await dumpWorkbook(target);
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Changes',
      'Changes (2)',
      'Changes (3)',
      'Changes (4)',
    ]);
    const listed = sheets
      .slice(3)
      .flatMap((sheet) => sheet.rows.slice(1).map((row) => row.slice(0, 4).map((c) => c.v)));
    expect(listed).toEqual([
      ['A', 'Changes', 'Available', 'Attached'],
      ['C', 'Changes', null, 'Available'],
      ['GONE', 'Changes', 'Available', null],
    ]);
    expect(sheets[3]?.rows[1]?.[4]).toMatchObject({ t: 'datetime', v: '2026-11-01T09:30:00.000000' });
  });

  it('is read back as its programs alone', async () => {
    const target = join(folder, 'read-back.xlsx');
    await writeWorkbook({
      target,
      host: 'h',
      programs: [{ loyaltyId: 1, name: 'Welcome', codes: now }],
      filter: null,
      exportedAt: new Date(T),
      timeZone: 'UTC',
      appVersion: 't',
      language: 'ru',
      changes: changes(),
    });
    const { programs } = await readBack(target);
    expect(programs.map((p) => [p.loyaltyId, p.name, p.codes.map((c) => c.code)])).toEqual([
      [1, 'Welcome', ['A', 'B', 'C']],
    ]);
  });
});
