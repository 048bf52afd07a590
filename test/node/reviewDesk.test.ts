// The review desk as the code worker runs it, here on the test's thread with a plain library: opening
// a workbook into the library, comparing a fetched program or an opened workbook with another export,
// paging through the changes, saving them, and what changed since the last fetch.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { compactCodes, type CompactCodes } from '../../main/services/codes/compactCodes';
import { createReviewDesk, type ReviewLibrary } from '../../main/services/review/reviewDesk';
import { writeWorkbook } from '../../main/services/workbook';
import { parseCsv } from '../readers/csvRows';
import type { CodeStates } from '../../main/services/review/compareCodes';

/** Every code's text, in order. */
const textsOf = (states: CodeStates | null | undefined): string[] | null =>
  states == null ? null : Array.from({ length: states.length }, (_, i) => states.codeAt(i));

const T = Date.UTC(2026, 10, 1, 9, 30);
const available = (code: string): PromoCode => ({
  code,
  attached: null,
  activated: null,
  expireDate: null,
  expired: null,
});
const attached = (code: string): PromoCode => ({ ...available(code), attached: T });

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'review-desk-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function plainLibrary(): ReviewLibrary & { held: Map<string, CompactCodes> } {
  const held = new Map<string, CompactCodes>();
  return {
    held,
    store: (connectionId, loyaltyId, codes) => held.set(`${connectionId}/${loyaltyId}`, codes),
    codesOf: (connectionId, loyaltyId) => held.get(`${connectionId}/${loyaltyId}`) ?? null,
  };
}

async function exportFile(
  name: string,
  programs: { loyaltyId: number; name: string | null; codes: PromoCode[] }[],
  exportedAt = new Date(T),
): Promise<string> {
  const target = join(folder, name);
  await writeWorkbook({
    target,
    host: 'h',
    programs,
    filter: null,
    exportedAt,
    timeZone: 'UTC',
    appVersion: 't',
    language: 'en',
  });
  return target;
}

describe('opening a workbook', () => {
  it('puts each program in the library under the source, with its counts and the export time', async () => {
    const library = plainLibrary();
    const desk = createReviewDesk(library);
    const path = await exportFile('open.xlsx', [
      { loyaltyId: 12, name: 'Twelve', codes: [available('A'), attached('B')] },
    ]);
    const progress: number[] = [];
    const opened = await desk.openWorkbook(path, 'workbook 1', T, {
      onProgress: (p) => progress.push(p.bytesRead),
    });
    expect(opened).toEqual({
      programs: [
        {
          loyaltyId: 12,
          statedId: 12,
          name: 'Twelve',
          total: 2,
          counts: { available: 1, attached: 1, activated: 0, expired: 0 },
        },
      ],
      exportedAt: T,
    });
    expect(textsOf(library.codesOf('workbook 1', 12))).toEqual(['A', 'B']);
    expect(progress.at(-1)).toBeGreaterThan(0);
  });
});

describe('comparing a fetched program with an export', () => {
  it('takes the file as the older side, counts the changes and pages through them', async () => {
    const library = plainLibrary();
    library.store('conn', 7, compactCodes([attached('A'), available('B'), available('N')]), T);
    const desk = createReviewDesk(library);
    const older = await exportFile(
      'older.xlsx',
      [
        { loyaltyId: 7, name: 'Seven', codes: [available('A'), available('B'), available('GONE')] },
        { loyaltyId: 8, name: 'Other', codes: [available('X')] },
      ],
      new Date(T - 86_400_000),
    );
    const comparison = await desk.compareWithFile({
      sourceId: 'conn',
      programs: [{ loyaltyId: 7, name: 'Seven' }],
      at: T,
      path: older,
    });
    expect(comparison).toMatchObject({ chosenIs: 'before', chosenExportedAt: T - 86_400_000 });
    expect(comparison.programs).toEqual([
      {
        loyaltyId: 7,
        name: 'Seven',
        before: 3,
        after: 3,
        added: 1,
        removed: 1,
        statusChanges: [{ from: 'available', to: 'attached', count: 1 }],
      },
    ]);
    const page = desk.changes({
      comparisonId: comparison.comparisonId,
      program: null,
      kind: null,
      offset: 1,
      limit: 5,
    });
    expect(page.matching).toBe(3);
    expect(page.rows.map((row) => [row.code, row.kind])).toEqual([
      ['N', 'added'],
      ['GONE', 'removed'],
    ]);
    const removedOnly = desk.changes({
      comparisonId: comparison.comparisonId,
      program: 0,
      kind: 'removed',
      offset: 0,
      limit: 5,
    });
    expect(removedOnly.rows.map((row) => row.code)).toEqual(['GONE']);

    const target = join(folder, 'changes.csv');
    const saved = await desk.saveChanges({
      comparisonId: comparison.comparisonId,
      target,
      format: 'csv',
      timeZone: 'UTC',
      language: 'ru',
    });
    expect(saved.rows).toBe(3);
    const rows = parseCsv((await readFile(target, 'utf8')).replace(/^\ufeff/, ''));
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['Код', 'Программа', 'Статус до', 'Статус после'],
      ['A', 'Seven', 'Доступен', 'Привязан'],
      ['N', 'Seven', '', 'Доступен'],
      ['GONE', 'Seven', 'Доступен', ''],
    ]);
  });

  it('takes the file as the newer side when it says it was exported later', async () => {
    const library = plainLibrary();
    library.store('conn', 7, compactCodes([available('A')]), T);
    const desk = createReviewDesk(library);
    const newer = await exportFile(
      'newer.xlsx',
      [{ loyaltyId: 7, name: 'Seven', codes: [attached('A')] }],
      new Date(T + 1000),
    );
    const comparison = await desk.compareWithFile({
      sourceId: 'conn',
      programs: [{ loyaltyId: 7, name: 'Seven' }],
      at: T,
      path: newer,
    });
    expect(comparison.chosenIs).toBe('after');
    expect(comparison.programs[0]?.statusChanges).toEqual([{ from: 'available', to: 'attached', count: 1 }]);
  });

  it('says so plainly when the chosen file is no workbook, and compares the next one', async () => {
    const library = plainLibrary();
    library.store('conn', 7, compactCodes([available('A')]), T);
    const desk = createReviewDesk(library);
    const text = join(folder, 'text.xlsx');
    await writeFile(text, 'not a workbook');
    await expect(
      desk.compareWithFile({
        sourceId: 'conn',
        programs: [{ loyaltyId: 7, name: 'Seven' }],
        at: T,
        path: text,
      }),
    ).rejects.toMatchObject({ code: 'not-a-workbook', reason: 'not-a-workbook' });
    const same = await exportFile('same.xlsx', [{ loyaltyId: 7, name: 'Seven', codes: [available('A')] }]);
    const comparison = await desk.compareWithFile({
      sourceId: 'conn',
      programs: [{ loyaltyId: 7, name: 'Seven' }],
      at: T,
      path: same,
    });
    expect(comparison.programs[0]).toMatchObject({ added: 0, removed: 0, statusChanges: [] });
  });
});

describe('comparing an opened workbook with another export', () => {
  it('compares program by program, by the IDs and names the workbooks say', async () => {
    const library = plainLibrary();
    const desk = createReviewDesk(library);
    const newer = await exportFile('wb-new.xlsx', [
      { loyaltyId: 1, name: 'One', codes: [attached('A'), available('B')] },
      { loyaltyId: 2, name: 'Two', codes: [available('C')] },
    ]);
    const older = await exportFile(
      'wb-old.xlsx',
      [
        { loyaltyId: 2, name: 'Two', codes: [available('C'), available('D')] },
        { loyaltyId: 1, name: 'One', codes: [available('A'), available('B')] },
      ],
      new Date(T - 1000),
    );
    const opened = await desk.openWorkbook(newer, 'workbook 1', T);
    const comparison = await desk.compareWithFile({
      sourceId: 'workbook 1',
      programs: opened.programs.map(({ loyaltyId, name }) => ({ loyaltyId, name })),
      at: null,
      path: older,
    });
    expect(comparison.programs.map((p) => [p.loyaltyId, p.added, p.removed, p.statusChanges.length])).toEqual(
      [
        [1, 0, 0, 1],
        [2, 0, 1, 0],
      ],
    );
  });
});

describe('what changed since the last fetch', () => {
  it('answers nothing for a first fetch, then the changes against the previous one', async () => {
    const dataDir = join(folder, 'data');
    const library = plainLibrary();
    const desk = createReviewDesk(library);
    library.store('conn', 3, compactCodes([available('A'), available('B')]), T);
    expect(await desk.recordFetch(dataDir, 'conn', 3, T)).toBeNull();
    library.store('conn', 3, compactCodes([attached('A'), available('B'), available('C')]), T + 1);
    expect(await desk.recordFetch(dataDir, 'conn', 3, T + 1)).toMatchObject({
      since: T,
      added: 1,
      removed: 0,
      reached: { available: 1, attached: 1, activated: 0, expired: 0 },
    });
  });
});
