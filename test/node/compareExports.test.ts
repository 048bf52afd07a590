// The comparison against expectations worked out by hand, code by code.
import { describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { changedCodes, compareExports, type ExportedCodes } from '../../main/services/review/compareExports';

const T = Date.UTC(2026, 10, 1, 9);
const available = (code: string): PromoCode => ({
  code,
  attached: null,
  activated: null,
  expireDate: null,
  expired: null,
});
const attached = (code: string): PromoCode => ({ ...available(code), attached: T });
const activated = (code: string): PromoCode => ({ ...attached(code), activated: T + 60_000 });
const expired = (code: string): PromoCode => ({ ...available(code), expired: T + 120_000 });

const program = (loyaltyId: number | null, name: string, codes: PromoCode[]): ExportedCodes => ({
  loyaltyId,
  name,
  codes: compactCodes(codes),
});

describe('one program compared', () => {
  // Before: A available, B attached, C activated, D available, E expired.
  // After:  A attached (changed), B attached, C activated, F available (new), G attached (new),
  //         E expired, and D is gone.
  const before = program(1234, 'Welcome', [
    available('A'),
    attached('B'),
    activated('C'),
    available('D'),
    expired('E'),
  ]);
  const after = program(1234, 'Welcome', [
    attached('A'),
    attached('B'),
    activated('C'),
    available('F'),
    attached('G'),
    expired('E'),
  ]);

  it('counts codes before and after, added, removed and the status changes that happened', () => {
    const [compared] = compareExports([before], [after]);
    expect(compared?.summary).toEqual({
      loyaltyId: 1234,
      name: 'Welcome',
      before: 5,
      after: 6,
      added: 2,
      removed: 1,
      statusChanges: [{ from: 'available', to: 'attached', count: 1 }],
    });
    // A reached attached by changing, G by being new with it; F is new and available.
    expect(compared?.changes.reached).toEqual({ available: 1, attached: 2, activated: 0, expired: 0 });
  });

  it('lists the changed codes in the newer order, then the ones gone, with statuses and dates', () => {
    const list = changedCodes(compareExports([before], [after]));
    const rows = Array.from({ length: list.length }, (_, i) => list.at(i));
    expect(rows.map((row) => [row.code, row.kind, row.statusBefore, row.statusAfter])).toEqual([
      ['A', 'status', 'available', 'attached'],
      ['F', 'added', null, 'available'],
      ['G', 'added', null, 'attached'],
      ['D', 'removed', 'available', null],
    ]);
    expect(rows[0]).toMatchObject({ loyaltyId: 1234, program: 'Welcome', attached: T, activated: null });
  });

  it('lists only one kind of change, or one program, when asked', () => {
    const compared = compareExports([before], [after]);
    const added = changedCodes(compared, { program: null, kind: 'added' });
    expect(Array.from({ length: added.length }, (_, i) => added.at(i).code)).toEqual(['F', 'G']);
    expect(changedCodes(compared, { program: 1, kind: null }).length).toBe(0);
  });

  it('finds no changes between a program and itself', () => {
    const [compared] = compareExports([before], [before]);
    expect(compared?.summary).toMatchObject({ before: 5, after: 5, added: 0, removed: 0, statusChanges: [] });
  });

  it('matches a code listed twice occurrence by occurrence, so the counts add up', () => {
    const [compared] = compareExports(
      [program(1, 'D', [available('X'), available('X'), available('Y')])],
      [program(1, 'D', [attached('X'), available('Y')])],
    );
    // The first X changed to attached; the second X is gone.
    expect(compared?.summary).toMatchObject({
      before: 3,
      after: 2,
      added: 0,
      removed: 1,
      statusChanges: [{ from: 'available', to: 'attached', count: 1 }],
    });
  });
});

describe('programs matched across two exports', () => {
  it('pairs by loyalty ID even when renamed, then by name, and keeps programs only one side has', () => {
    const compared = compareExports(
      [
        program(1, 'Old name', [available('A')]),
        program(null, 'Spring', [available('S1'), available('S2')]),
        program(3, 'Gone', [available('G')]),
      ],
      [
        program(null, 'spring', [activated('S1'), available('S2')]),
        program(1, 'New name', [available('A')]),
        program(4, 'Fresh', [available('N')]),
      ],
    );
    expect(compared.map((c) => c.summary)).toEqual([
      {
        loyaltyId: null,
        name: 'spring',
        before: 2,
        after: 2,
        added: 0,
        removed: 0,
        statusChanges: [{ from: 'available', to: 'activated', count: 1 }],
      },
      { loyaltyId: 1, name: 'New name', before: 1, after: 1, added: 0, removed: 0, statusChanges: [] },
      { loyaltyId: 4, name: 'Fresh', before: 0, after: 1, added: 1, removed: 0, statusChanges: [] },
      { loyaltyId: 3, name: 'Gone', before: 1, after: 0, added: 0, removed: 1, statusChanges: [] },
    ]);
  });

  it('does not pair two programs of the same name whose IDs differ', () => {
    const compared = compareExports(
      [program(1, 'Same', [available('A')])],
      [program(2, 'Same', [available('A')])],
    );
    expect(compared.map((c) => [c.summary.loyaltyId, c.summary.added, c.summary.removed])).toEqual([
      [2, 1, 0],
      [1, 0, 1],
    ]);
  });
});
