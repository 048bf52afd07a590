import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportAll } from '../../main/services/altcraft/exportAllReader';
import { writeWorkbook } from '../../main/services/workbook';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';

// The reader's rules as they reach the file, read back by openpyxl (which did not write it): a value
// that is not a date is kept as text in its cell and counted on Summary with where it is, and `true`
// (happened at an unknown time) leaves the date cell empty while the status says it happened.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promo-kept-as-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasOpenpyxl())('values kept as text, read back by openpyxl', () => {
  it('writes them in their cells, says how many and where on Summary, and leaves true empty', async () => {
    const outcome = readExportAll(
      JSON.stringify({
        data: [
          { code: 'A', attached: '2024-04-01T14:02:05Z' },
          { code: 'B', attached: 'soon', expired: true },
          { code: 123, activated: true },
          { code: 'D', activated: 'yesterday', expire_date: false },
        ],
        error: 0,
      }),
    );
    if (!outcome.ok) throw new Error(outcome.error.code);
    const target = join(dir, 'kept.xlsx');
    await writeWorkbook({
      target,
      host: 'h',
      programs: [{ loyaltyId: 1, name: 'Spring', codes: { compact: outcome.codes } }],
      filter: null,
      exportedAt: new Date(Date.UTC(2024, 3, 2)),
      timeZone: 'UTC',
      appVersion: '1',
      language: 'en',
    });
    const [summary, sheet] = await dumpWorkbook(target);
    const rows = (sheet?.rows ?? [])
      .slice(1)
      .map((row) => row.map((cell) => (cell.t === 'None' ? null : cell.v)));
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['A', 'Attached'],
      ['B', 'Expired'],
      ['123', 'Activated'],
      ['D', 'Activated'],
    ]);
    expect(rows[1]?.[2]).toBe('soon');
    expect(rows[1]?.[5]).toBeNull(); // expired: true, at an unknown time
    expect(rows[2]?.[3]).toBeNull(); // activated: true
    expect(rows[3]?.[3]).toBe('yesterday');
    expect(rows[3]?.[4]).toBeNull(); // expire_date: false
    const kept = summary?.rows.find((row) => row[0]?.v === 'Kept as text');
    expect(kept?.[1]?.v).toBe(2);
    expect(String(kept?.[2]?.v)).toContain("'Spring'!C3");
    expect(String(kept?.[2]?.v)).toContain("'Spring'!D5");
  });
});
