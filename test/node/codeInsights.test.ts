import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../app/codeInsights';
import type { PromoCode } from '../../app/promoCode';
import { codeInsights, timelineOf } from '../../main/services/codes/codeInsights';
import { compactCodes } from '../../main/services/codes/compactCodes';

const HOUR = 3_600_000;
const MOSCOW = () => 180;
const code = (fields: Partial<PromoCode>): PromoCode => ({
  code: 'X',
  attached: null,
  activated: null,
  expireDate: null,
  expired: null,
  ...fields,
});
const at = (iso: string) => Date.parse(iso);

describe('expiring codes', () => {
  const asOf = at('2026-03-01T12:00:00Z');
  const codes = compactCodes([
    code({ expireDate: asOf }), // available, expires right now: counted
    code({ expireDate: asOf + 6 * DAY_MS, attached: asOf - DAY_MS }), // attached, in 6 days
    code({ expireDate: asOf + 7 * DAY_MS }), // exactly 7 days: only in the 30-day window
    code({ expireDate: asOf + 29 * DAY_MS }),
    code({ expireDate: asOf + 30 * DAY_MS }), // exactly 30 days: in neither
    code({ expireDate: asOf - 1 }), // already past
    code({ expireDate: asOf + DAY_MS, activated: asOf - HOUR }), // used: nothing to expire
    code({ expireDate: asOf + DAY_MS, expired: true }), // expired already
    code({}), // no expire date
  ]);

  it('counts codes still to be used whose expire date falls within 7 and within 30 days', () => {
    const insights = codeInsights(codes, asOf, MOSCOW);
    expect(insights.expiring).toEqual({ 7: 2, 30: 4 });
    expect(insights.asOf).toBe(asOf);
  });
});

describe('the timeline', () => {
  it('counts attachments and activations per local day, keeping the quiet days between as zero', () => {
    const codes = compactCodes([
      // 2026-03-01 22:30 UTC is 01:30 on 2 March in Moscow.
      code({ attached: at('2026-03-01T22:30:00Z') }),
      code({ attached: at('2026-03-02T10:00:00Z'), activated: at('2026-03-04T09:00:00Z') }),
      code({ attached: at('2026-03-01T20:59:00Z') }), // 23:59 on 1 March in Moscow
    ]);
    const timeline = timelineOf(codes, MOSCOW);
    expect(timeline.unit).toBe('day');
    expect(timeline.starts).toEqual([
      at('2026-02-28T21:00:00Z'), // midnight of 1 March, Moscow
      at('2026-03-01T21:00:00Z'),
      at('2026-03-02T21:00:00Z'),
      at('2026-03-03T21:00:00Z'),
    ]);
    expect(timeline.attached).toEqual([1, 2, 0, 0]);
    expect(timeline.activated).toEqual([0, 0, 0, 1]);
  });

  it('puts days either side of a clock change at their own local midnight', () => {
    // A zone one hour east of UTC that moves to two hours east at 01:00 UTC on 29 March 2026.
    const change = at('2026-03-29T01:00:00Z');
    const berlin = (t: number) => (t < change ? 60 : 120);
    const timeline = timelineOf(
      compactCodes([
        code({ attached: at('2026-03-28T12:00:00Z') }),
        code({ attached: at('2026-03-29T22:30:00Z') }), // 00:30 on 30 March, summer time
      ]),
      berlin,
    );
    expect(timeline.starts).toEqual([
      at('2026-03-27T23:00:00Z'),
      at('2026-03-28T23:00:00Z'),
      at('2026-03-29T22:00:00Z'),
    ]);
    expect(timeline.attached).toEqual([1, 0, 1]);
  });

  it('counts per week from Monday when the codes span more than about four months', () => {
    const timeline = timelineOf(
      compactCodes([
        code({ attached: at('2026-01-07T12:00:00Z') }), // a Wednesday
        code({ attached: at('2026-01-11T12:00:00Z') }), // the Sunday of the same week
        code({ activated: at('2026-06-01T12:00:00Z') }), // a Monday
      ]),
      () => 0,
    );
    expect(timeline.unit).toBe('week');
    expect(timeline.starts[0]).toBe(at('2026-01-05T00:00:00Z'));
    expect(timeline.starts.at(-1)).toBe(at('2026-06-01T00:00:00Z'));
    expect(timeline.starts[1]! - timeline.starts[0]!).toBe(7 * DAY_MS);
    expect(timeline.attached[0]).toBe(2);
    expect(timeline.activated.at(-1)).toBe(1);
    expect(timeline.attached.reduce((a, b) => a + b)).toBe(2);
  });

  it('counts per month when the codes span more than two years', () => {
    const timeline = timelineOf(
      compactCodes([
        code({ attached: at('2023-01-31T12:00:00Z') }),
        code({ attached: at('2023-01-01T00:30:00Z') }),
        code({ attached: at('2026-02-14T12:00:00Z') }),
      ]),
      () => 0,
    );
    expect(timeline.unit).toBe('month');
    expect(timeline.starts).toHaveLength(38);
    expect(timeline.starts[0]).toBe(at('2023-01-01T00:00:00Z'));
    expect(timeline.starts[1]).toBe(at('2023-02-01T00:00:00Z'));
    expect(timeline.starts.at(-1)).toBe(at('2026-02-01T00:00:00Z'));
    expect(timeline.attached[0]).toBe(2);
    expect(timeline.attached.at(-1)).toBe(1);
  });

  it('is empty when no code was ever attached or activated', () => {
    expect(timelineOf(compactCodes([code({}), code({ expired: true })]))).toEqual({
      unit: 'day',
      starts: [],
      attached: [],
      activated: [],
    });
  });
});
