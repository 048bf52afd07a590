// Wall-clock time in one IANA time zone, fast enough for a million codes. Excel cells hold no time
// zone, so dates are written as the local wall-clock time people expect to see (DST honoured), and
// read back the same way. Intl is slow per call, so zone offsets are cached per day and only worked
// out per call on the rare days a transition happens.

import { AppError } from '../../../app/appError';

const MS_PER_DAY = 86_400_000;

export interface LocalClock {
  readonly timeZone: string;
  /** Milliseconds the zone is ahead of UTC at this instant. */
  offsetAt(epochMs: number): number;
  /** The instant's local wall-clock time, expressed as if it were UTC milliseconds. */
  wallMs(epochMs: number): number;
  /** The instant for a local wall-clock time; in a DST overlap the earlier instant, in a gap the later. */
  epochOfWall(wallMs: number): number;
  /** `yyyy-mm-dd hh:mm:ss` in local wall-clock time. */
  text(epochMs: number): string;
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function createLocalClock(timeZone: string): LocalClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch (error) {
    throw new AppError(
      { code: 'invalid-input', message: `"${timeZone}" is not a time zone this computer knows.` },
      { cause: error },
    );
  }

  const exactOffset = (epochMs: number): number => {
    const seconds = Math.floor(epochMs / 1000) * 1000;
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(seconds)) parts[part.type] = part.value;
    const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
    const wall = Date.UTC(
      year,
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
    const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
    return fixed - seconds;
  };

  // Per UTC day: the offset when it holds all day, else NaN (a transition day: ask Intl each time).
  const dayOffsets = new Map<number, number>();
  const offsetAt = (epochMs: number): number => {
    const day = Math.floor(epochMs / MS_PER_DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = exactOffset(day * MS_PER_DAY);
      const end = exactOffset(day * MS_PER_DAY + MS_PER_DAY - 1000);
      // Also check mid-day, so a day that springs forward and back again is not taken as constant.
      const middle = exactOffset(day * MS_PER_DAY + MS_PER_DAY / 2);
      offset = start === end && start === middle ? start : Number.NaN;
      dayOffsets.set(day, offset);
    }
    return Number.isNaN(offset) ? exactOffset(epochMs) : offset;
  };

  const wallMs = (epochMs: number): number => epochMs + offsetAt(epochMs);

  return {
    timeZone,
    offsetAt,
    wallMs,
    epochOfWall(wall) {
      // Offsets stay within ±1 day, so the instant lies within a day of the wall time: when the offset
      // is the same a day either side, it is the answer (the common, fast case).
      const offsetBefore = offsetAt(wall - MS_PER_DAY);
      if (offsetBefore === offsetAt(wall + MS_PER_DAY)) return wall - offsetBefore;
      // Near a transition, try the offsets in force before and after; prefer the earlier valid instant.
      const before = wall - offsetAt(wall - 2 * MS_PER_DAY);
      const after = wall - offsetAt(wall + 2 * MS_PER_DAY);
      const candidates = [wall - offsetAt(wall), before, after].sort((a, b) => a - b);
      for (const candidate of candidates) if (wallMs(candidate) === wall) return candidate;
      // In a gap (the clock jumped forward over this time) read it with the offset from before the jump,
      // as calendars do: 02:30 on a spring-forward night becomes 03:30.
      return before;
    },
    text: (epochMs) => formatWall(wallMs(epochMs)),
  };
}

/** `yyyy-mm-dd hh:mm:ss` of a wall-clock time held as UTC milliseconds. */
export function formatWall(wall: number): string {
  const iso = new Date(Math.floor(wall / 1000) * 1000).toISOString();
  // Years outside 0000–9999 come out as ±YYYYYY; keep them whole rather than cutting digits off.
  const dateEnd = iso.indexOf('T');
  return `${iso.slice(0, dateEnd)} ${iso.slice(dateEnd + 1, dateEnd + 9)}`;
}
