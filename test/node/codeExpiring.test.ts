import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, expiringWithin } from '../../app/codeInsights';
import type { CodeFilter, PromoCode } from '../../app/promoCode';
import { matchesFilter } from '../../app/promoCode';
import type { WorkerCodeLibrary } from '../../main/codeWorker/workerLibrary';
import { startCodeWorker } from '../../main/codeWorker/workerLibrary';
import { createCodeLibrary } from '../../main/services/codes/codeLibrary';
import { describeFilter } from '../../main/services/workbook/summarySheet';

// "Expiring soon" as a filter: the codes the page shows after a click on "within 7 days" are the
// codes the insights counted, wherever they are filtered (the library's indexes, an export's plan).

const asOf = Date.parse('2026-05-10T09:00:00Z');

/** A spread of codes: every status, expire dates before, at and after both windows' edges. */
function spread(): PromoCode[] {
  const offsets = [
    -DAY_MS,
    -1,
    0,
    1,
    3 * DAY_MS,
    7 * DAY_MS - 1,
    7 * DAY_MS,
    20 * DAY_MS,
    30 * DAY_MS - 1,
    30 * DAY_MS,
    90 * DAY_MS,
  ];
  const codes: PromoCode[] = [];
  let n = 0;
  for (const offset of [...offsets, null]) {
    for (const shape of ['available', 'attached', 'activated', 'expired'] as const) {
      n += 1;
      codes.push({
        code: `E-${n}`,
        attached: shape === 'available' || shape === 'expired' ? null : asOf - 5 * DAY_MS,
        activated: shape === 'activated' ? asOf - DAY_MS : null,
        expireDate: offset === null ? null : asOf + offset,
        expired: shape === 'expired' ? true : null,
      });
    }
  }
  return codes;
}

const viewOf = (filter: CodeFilter) => ({ filter, sort: null });
let worker: WorkerCodeLibrary;
beforeAll(() => {
  worker = startCodeWorker();
});
afterAll(async () => {
  await worker.close();
});

describe('codes expiring soon', () => {
  const codes = spread();

  it('shows exactly the codes the insights counted, for 7 and for 30 days', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, asOf);
    const insights = library.insights('c', 1, asOf);
    expect(insights?.expiring).toEqual({ 7: 8, 30: 14 });
    for (const days of [7, 30] as const) {
      const filter = { status: null, search: '', expiresBetween: expiringWithin(days, asOf) };
      const shown = library.matching('c', 1, viewOf(filter));
      expect(shown).toHaveLength(insights!.expiring[days]);
      expect(shown.map((c) => c.code)).toEqual(
        codes.filter((c) => matchesFilter(c, filter)).map((c) => c.code),
      );
      for (const code of shown) {
        expect(code.activated).toBeNull();
        expect(code.expired).toBeNull();
        expect(code.expireDate).toBeGreaterThanOrEqual(asOf);
        expect(code.expireDate).toBeLessThan(asOf + days * DAY_MS);
      }
    }
  });

  it('combines with a status and a search', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, asOf);
    const filter = { status: 'attached' as const, search: 'e-2', expiresBetween: expiringWithin(30, asOf) };
    const expected = codes.filter((c) => matchesFilter(c, filter)).map((c) => c.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(library.matching('c', 1, viewOf(filter)).map((c) => c.code)).toEqual(expected);
  });

  it('is answered the same by the code worker', async () => {
    await worker.store('c', 1, codes, asOf);
    const inThread = createCodeLibrary();
    inThread.store('c', 1, codes, asOf);
    expect(await worker.insights('c', 1, asOf)).toEqual(inThread.insights('c', 1, asOf));
    const page = await worker.query(
      'c',
      1,
      viewOf({ status: null, search: '', expiresBetween: expiringWithin(7, asOf) }),
      0,
      100,
    );
    expect(page?.matching).toBe(8);
    expect(await worker.insights('c', 2, asOf)).toBeNull();
  });

  it('is named in the workbook Summary with its dates in the export time zone', () => {
    const filter = { status: null, search: '', expiresBetween: expiringWithin(7, asOf) };
    expect(describeFilter(filter, 'en', null, 'Europe/Moscow')).toBe(
      'still to be used, expiring 2026-05-10 12:00 – 2026-05-17 12:00',
    );
    expect(describeFilter(filter, 'ru', null, 'UTC')).toBe(
      'ещё не использованы, истекают 2026-05-10 09:00 – 2026-05-17 09:00',
    );
  });
});
