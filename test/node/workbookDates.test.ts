import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import {
  excelCalendar,
  serialToWall,
  timestampText,
  wallToSerial,
} from '../../main/services/workbook/excelCalendar';
import { readBack } from '../support/readBack';
import { createLocalClock, machineTimeZone } from '../../main/services/workbook/localClock';
import { wallText } from '../readers/hostileInputs';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';

const ZONES = [
  'UTC',
  'Europe/Moscow',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];
const HOUR = 3_600_000;

/**
 * Instants every 29 hours and a bit over 2009–2026 (Moscow still had DST in 2010), so every hour of the
 * day and every DST change comes by, plus pseudo-random ones over 2000–2040.
 */
function instants(): number[] {
  const list: number[] = [];
  for (let at = Date.UTC(2009, 0, 1); at < Date.UTC(2027, 0, 1); at += 29 * HOUR + 13 * 60_000 + 7_000)
    list.push(at);
  let seed = 42;
  for (let index = 0; index < 1_000; index += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    list.push(Date.UTC(2000, 0, 1) + Math.floor((seed / 2 ** 31) * 40 * 365 * 24 * HOUR));
  }
  return list;
}

describe('local wall-clock time', () => {
  it.each(ZONES)('matches Intl for instants across the DST changes of %s', (zone) => {
    const clock = createLocalClock(zone);
    const wrong = instants().filter((at) => clock.text(at) !== wallText(at, zone));
    expect(wrong.map((at) => new Date(at).toISOString())).toEqual([]);
  });

  it.each(ZONES)('turns a wall-clock time in %s back into the instant it came from', (zone) => {
    const clock = createLocalClock(zone);
    const wrong = instants().filter((at) => {
      const back = clock.epochOfWall(clock.wallMs(at));
      // In the hour the clocks go back, a wall time happened twice: the earlier instant is chosen.
      return clock.wallMs(back) !== clock.wallMs(at) || back > at || at - back > HOUR;
    });
    expect(wrong.map((at) => new Date(at).toISOString())).toEqual([]);
  });

  it('reads a wall time the clocks skipped as the time after the jump, as calendars do', () => {
    const clock = createLocalClock('Europe/Berlin');
    // 2024-03-31 02:30 did not happen in Berlin: clocks went from 02:00 CET to 03:00 CEST.
    expect(clock.epochOfWall(Date.UTC(2024, 2, 31, 2, 30))).toBe(Date.UTC(2024, 2, 31, 1, 30));
  });

  it('gives Excel serial numbers of the local wall-clock time', () => {
    expect(excelCalendar(createLocalClock('UTC')).serial(Date.UTC(2024, 0, 1))).toBe(45292);
    expect(excelCalendar(createLocalClock('Europe/Moscow')).serial(Date.UTC(2024, 0, 1, 21, 0))).toBe(45293);
    expect(excelCalendar(createLocalClock('UTC')).serial(Date.UTC(2024, 0, 1, 12))).toBe(45292.5);
  });

  it('refuses a time zone the computer does not know, as invalid input', () => {
    expect(() => createLocalClock('Mars/Olympus_Mons')).toThrowError(AppError);
    try {
      createLocalClock('Mars/Olympus_Mons');
    } catch (error) {
      expect((error as AppError).code).toBe('invalid-input');
    }
  });

  describe("Excel's calendar", () => {
    // Serials Excel shows for these days (its documentation: 1 is 1900-01-01, 60 the phantom 1900-02-29).
    it.each([
      [Date.UTC(1900, 0, 1), 1],
      [Date.UTC(1900, 0, 1, 12), 1.5],
      [Date.UTC(1900, 1, 28), 59],
      [Date.UTC(1900, 2, 1), 61],
      [Date.UTC(1970, 0, 1), 25_569],
      [Date.UTC(9999, 11, 31), 2_958_465],
    ])('counts the phantom 1900-02-29: wall time %i is serial %d, and back', (wall, serial) => {
      expect(wallToSerial(wall)).toBe(serial);
      expect(serialToWall(serial)).toBe(wall);
    });

    it('has no dates before 1900-01-01 or after 9999-12-31 23:59:59.999', () => {
      expect(wallToSerial(Date.UTC(1900, 0, 1) - 1)).toBeNull();
      expect(wallToSerial(Date.UTC(10_000, 0, 1) - 1)).not.toBeNull();
      expect(wallToSerial(Date.UTC(10_000, 0, 1))).toBeNull();
    });

    it.each(ZONES)('in %s, holds an instant exactly when it has a serial for it, at both ends', (zone) => {
      const clock = createLocalClock(zone);
      const calendar = excelCalendar(clock);
      for (const wall of [Date.UTC(1900, 0, 1), Date.UTC(10_000, 0, 1)]) {
        const edge = clock.epochOfWall(wall);
        for (const at of [edge - 1000, edge - 1, edge, edge + 1, edge + 1000]) {
          expect(calendar.holds(at)).toBe(calendar.serial(at) !== null);
          expect(calendar.holds(at)).toBe(
            clock.wallMs(at) >= Date.UTC(1900, 0, 1) && clock.wallMs(at) < Date.UTC(10_000, 0, 1),
          );
        }
      }
    });

    it('knows 9999-12-31T23:59:59Z is already past the end in Moscow, not in UTC', () => {
      const at = Date.parse('9999-12-31T23:59:59Z');
      expect(excelCalendar(createLocalClock('Europe/Moscow')).serial(at)).toBeNull();
      expect(excelCalendar(createLocalClock('UTC')).serial(at)).toBeCloseTo(2_958_465.99999, 5);
      expect(timestampText(at)).toBe('9999-12-31T23:59:59Z');
    });
  });

  describe('the computer’s time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it('honours the TZ variable', () => {
      process.env.TZ = 'Asia/Tokyo';
      expect(machineTimeZone()).toBe('Asia/Tokyo');
    });
  });
});

describe.skipIf(!(await hasOpenpyxl()))('dates in a workbook', () => {
  const at = (iso: string): number => Date.parse(iso);
  // Around New York's 2024 changes: 2024-03-10 07:00Z (spring forward), 2024-11-03 06:00Z (fall back).
  const moments = [
    at('2024-03-10T06:59:59Z'),
    at('2024-03-10T07:00:00Z'),
    at('2024-11-03T05:30:00Z'),
    at('2024-11-03T06:30:00Z'),
    at('2024-12-31T23:59:59Z'),
    at('2024-06-15T12:34:56.789Z'),
  ];
  const codes: PromoCode[] = moments.map((moment, index) => ({
    code: `D${index}`,
    attached: moment,
    activated: moment + 1_000,
    expireDate: moment + 2_000,
    expired: moment + 3_000,
  }));

  it('shows each instant as New York wall-clock time either side of its DST changes, and reads it back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'workbook-dates-'));
    try {
      const target = join(folder, 'dates.xlsx');
      await writeWorkbook({
        target,
        host: 'h',
        programs: [{ loyaltyId: 1, name: 'Dates', codes }],
        filter: null,
        exportedAt: new Date(moments[0] as number),
        timeZone: 'America/New_York',
        appVersion: '1',
        language: 'en',
      });
      const rows = (await dumpWorkbook(target))[1]?.rows.slice(1) ?? [];
      const shown = rows.map((row) =>
        row.slice(2).map((cell) => `${cell.t} ${String(cell.v).replace('T', ' ')}`),
      );
      const millis = (moment: number): string => `.${String(moment % 1000).padStart(3, '0')}000`;
      expect(shown).toEqual(
        codes.map((code) =>
          [code.attached, code.activated, code.expireDate, code.expired].map(
            (moment) =>
              `datetime ${wallText(moment as number, 'America/New_York')}${millis(moment as number)}`,
          ),
        ),
      );

      // 01:30 on 3 November happened twice in New York; the reader picks the first, an hour early.
      const read = await readBack(target);
      const back = read.programs[0]?.codes ?? [];
      expect(back.map((code) => code.attached)).toEqual(
        moments.map((moment) => (moment === at('2024-11-03T06:30:00Z') ? moment - HOUR : moment)),
      );
      // Read in another zone on request, the same wall times are other instants.
      const inTokyo = await readBack(target, { timeZone: 'Asia/Tokyo' });
      expect(inTokyo.programs[0]?.codes[0]?.attached).toBe(at('2024-03-10T01:59:59+09:00'));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
