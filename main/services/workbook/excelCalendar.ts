// Excel's dates: a serial number of days, 1 being 1900-01-01, counted as if 1900 had a 29 February (Lotus
// 1-2-3's mistake, which Excel keeps), so serials before 1900-03-01 are one less than the days since
// 1899-12-30. Excel has no dates before 1900-01-01 or after 9999-12-31 23:59:59: such a value would show
// as ##### and openpyxl reads it as an error. Cells hold local wall-clock time, so the limits apply to
// the time in the workbook's zone: 9999-12-31T23:59:59Z is already 10000-01-01 in Moscow.

import type { LocalClock } from './localClock';

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (where serials would start without the phantom day) to 1970-01-01. */
const DAYS_TO_1970 = 25_569;
const FIRST_WALL = Date.UTC(1900, 0, 1);
const END_WALL = Date.UTC(10_000, 0, 1);
/** From this day on, serials count real days; before it, one less. */
const AFTER_PHANTOM_DAY_WALL = Date.UTC(1900, 2, 1);
const FIRST_REAL_SERIAL = 61;

/** The serial of a wall-clock time (held as UTC milliseconds), or null when Excel has no such date. */
export function wallToSerial(wall: number): number | null {
  if (!(wall >= FIRST_WALL && wall < END_WALL)) return null;
  const days = wall / MS_PER_DAY + DAYS_TO_1970;
  return wall < AFTER_PHANTOM_DAY_WALL ? days - 1 : days;
}

/** The wall-clock time a serial shows; the phantom 1900-02-29 reads as 1900-03-01. */
export function serialToWall(serial: number): number {
  const wall = Math.round((serial - DAYS_TO_1970) * MS_PER_DAY);
  return serial < FIRST_REAL_SERIAL ? wall + MS_PER_DAY : wall;
}

export interface ExcelCalendar {
  /** The instant as an Excel date in the clock's zone, or null when it falls outside Excel's calendar. */
  serial(epochMs: number): number | null;
  /** Whether `serial` gives a date; cheap enough to ask of every date of a million codes up front. */
  holds(epochMs: number): boolean;
}

export function excelCalendar(clock: LocalClock): ExcelCalendar {
  // Far from any clock change (none happen at midnight of 1 January 1900 or 10000), wall time and
  // instant move together, so the limits are two instants.
  const first = clock.epochOfWall(FIRST_WALL);
  const end = clock.epochOfWall(END_WALL);
  return {
    serial: (epochMs) => (epochMs >= first && epochMs < end ? wallToSerial(clock.wallMs(epochMs)) : null),
    holds: (epochMs) => epochMs >= first && epochMs < end,
  };
}

/** The instant as Altcraft sends it (RFC 3339, UTC), for a date Excel cannot hold. */
export function timestampText(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
