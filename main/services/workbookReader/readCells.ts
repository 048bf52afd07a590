// Turning cell values back into codes and instants. A workbook a person re-saved in Excel or
// LibreOffice may hold what our writer never wrote: codes turned into numbers or dates, formulas,
// dates typed as text. Each is read back as faithfully as it can be.

import { serialToWall } from '../workbook/excelCalendar';
import { formatWall, type LocalClock } from '../workbook/localClock';

/**
 * A cell as the sheet reader gives it: text, a number, a boolean, or a date (a number in a date style)
 * held as its wall-clock time in UTC milliseconds, since a cell knows no time zone.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes ECMA-376 ST_Xstring escapes (`_x000D_`, and `_x005F_` for a literal underscore) in one pass,
 * as Excel and LibreOffice do, in shared and inline strings alike.
 */
export function decodeExcelText(text: string): string {
  return text.includes('_x')
    ? text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The code as text. A number LibreOffice made of a code loses leading zeros: that cannot be undone. */
export function codeText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = formatWall(value.getTime());
  return text.endsWith(' 00:00:00') ? text.slice(0, -9) : text;
}

/** Integers without the exponent JavaScript would use past 1e21; others as JavaScript prints them. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

const LOCAL_TEXT = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ZONED_TEXT = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant a date cell shows, read as wall-clock time in `clock`'s zone: a date cell, a bare serial
 * number (a date whose style was lost), or text (typed by a person, or written as text because Excel's
 * calendar cannot hold it).
 */
export function instantOf(value: CellValue, clock: LocalClock): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const wall = value.getTime();
    return Number.isNaN(wall) ? null : clock.epochOfWall(wall);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? clock.epochOfWall(serialToWall(value)) : null;
  if (typeof value === 'string') return instantOfText(value.trim(), clock);
  return null;
}

function instantOfText(text: string, clock: LocalClock): number | null {
  if (ZONED_TEXT.test(text)) {
    const epoch = Date.parse(text);
    return Number.isNaN(epoch) ? null : epoch;
  }
  const match = LOCAL_TEXT.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, millis] = match;
  // Not Date.UTC: it takes years 0–99 for 1900–1999, and text is how dates before 1900 are written.
  const wall = new Date(0);
  wall.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  wall.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0));
  wall.setUTCMilliseconds(Number((millis ?? '0').padEnd(3, '0')));
  const ms = wall.getTime();
  return Number.isNaN(ms) ? null : clock.epochOfWall(ms);
}
