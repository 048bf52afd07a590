// A program's codes at a glance, worked out in one pass over the compact columns: attachments and
// activations per period for the timeline, and how many codes still to be used expire within 7 and
// 30 days. Runs in the code worker next to the codes; the page receives only these few numbers.
import type { CodeInsights, CodeTimeline } from '../../../app/codeInsights';
import { DAY_MS, EXPIRY_WINDOWS_DAYS } from '../../../app/codeInsights';
import { CODE_STATUSES } from '../../../app/promoCode';
import type { CompactCodes } from './compactCodes';

const HOUR_MS = 3_600_000;
const DAYS_BY_DAY = 122;
const DAYS_BY_WEEK = 2 * 366;
const AVAILABLE = CODE_STATUSES.indexOf('available');
const ATTACHED = CODE_STATUSES.indexOf('attached');

/**
 * The computer's offset from UTC at a moment, in minutes east (Moscow +180). Injected so tests can
 * fix a time zone; by default the one this process runs in.
 */
export type OffsetAt = (epochMs: number) => number;

const localOffset: OffsetAt = (t) => -new Date(t).getTimezoneOffset();

export function codeInsights(
  codes: CompactCodes,
  asOf: number,
  offsetAt: OffsetAt = localOffset,
): CodeInsights {
  const expiring = { 7: 0, 30: 0 };
  const until = EXPIRY_WINDOWS_DAYS.map((days) => asOf + days * DAY_MS);
  const { statuses, expireDate } = codes;
  for (let i = 0; i < codes.length; i++) {
    const status = statuses[i];
    if (status !== AVAILABLE && status !== ATTACHED) continue;
    const expires = expireDate[i] as number; // NaN when none: every comparison below is false
    if (!(expires >= asOf)) continue;
    if (expires < (until[0] as number)) expiring[7] += 1;
    if (expires < (until[1] as number)) expiring[30] += 1;
  }
  return { timeline: timelineOf(codes, offsetAt), expiring, asOf };
}

/** Attachments and activations per local day, week or month, from the first event to the last. */
export function timelineOf(codes: CompactCodes, offsetAt: OffsetAt = localOffset): CodeTimeline {
  const localDay = localDayCounter(offsetAt);
  const columns = [codes.attached, codes.activated];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const dates of columns) {
    for (let i = 0; i < codes.length; i++) {
      const when = dates[i] as number;
      if (Number.isNaN(when)) continue;
      const day = localDay(when);
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  if (first > last) return { unit: 'day', starts: [], attached: [], activated: [] };

  const span = last - first + 1;
  const unit = span <= DAYS_BY_DAY ? 'day' : span <= DAYS_BY_WEEK ? 'week' : 'month';
  const period = periodOf(unit);
  const firstPeriod = period.index(first);
  const count = period.index(last) - firstPeriod + 1;
  const [attached, activated] = columns.map((dates) => {
    const perPeriod = new Array<number>(count).fill(0);
    for (let i = 0; i < codes.length; i++) {
      const when = dates[i] as number;
      if (!Number.isNaN(when)) (perPeriod[period.index(localDay(when)) - firstPeriod] as number) += 1;
    }
    return perPeriod;
  }) as [number[], number[]];
  const starts = Array.from({ length: count }, (_, k) =>
    localMidnight(period.startDay(firstPeriod + k), offsetAt),
  );
  return { unit, starts, attached, activated };
}

/**
 * Days counted from 1970-01-01 in local time. The offset is asked once per hour of UTC time that
 * occurs, as it changes only on the hour or half hour; an hour in which it changes is asked moment
 * by moment.
 */
function localDayCounter(offsetAt: OffsetAt): (epochMs: number) => number {
  const offsets = new Map<number, number>();
  return (t) => {
    const hour = Math.floor(t / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetAt(t);
      if (offsetAt(hour * HOUR_MS) === offset && offsetAt((hour + 1) * HOUR_MS - 1) === offset)
        offsets.set(hour, offset);
    }
    return Math.floor((t + offset * 60_000) / DAY_MS);
  };
}

/** Local midnight of a local day number, as epoch milliseconds. */
function localMidnight(day: number, offsetAt: OffsetAt): number {
  const guess = day * DAY_MS;
  const first = guess - offsetAt(guess) * 60_000;
  return guess - offsetAt(first) * 60_000;
}

interface Period {
  /** Which period a local day falls in. */
  index(day: number): number;
  /** The local day a period starts on. */
  startDay(index: number): number;
}

function periodOf(unit: CodeTimeline['unit']): Period {
  if (unit === 'day') return { index: (day) => day, startDay: (index) => index };
  // 1970-01-01 was a Thursday: shifting by 3 makes weeks start on Monday.
  if (unit === 'week')
    return { index: (day) => Math.floor((day + 3) / 7), startDay: (index) => index * 7 - 3 };
  const months = new Map<number, number>();
  return {
    index: (day) => {
      let month = months.get(day);
      if (month === undefined) {
        const date = new Date(day * DAY_MS);
        month = date.getUTCFullYear() * 12 + date.getUTCMonth();
        months.set(day, month);
      }
      return month;
    },
    startDay: (index) => Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS,
  };
}
