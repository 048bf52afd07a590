// Turning cell values back into codes and instants. A workbook a person re-saved in Excel or
// LibreOffice may hold what our writer never wrote: codes turned into numbers or dates, rich text,
// formulas, dates typed as text. Each is read back as faithfully as it can be.

import { serialToWall } from './excelCalendar';
import { formatWall, type LocalClock } from './localClock';

/** What exceljs's streaming reader hands out for a cell. */
export type CellValue = unknown;

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const MS_PER_DAY = 86_400_000;
/** exceljs's Date for a serial is (serial − 25,569) days after 1970-01-01. */
const EXCELJS_EPOCH_DAYS = 25_569;

/**
 * Decodes ECMA-376 ST_Xstring escapes (`_x000D_`, and `_x005F_` for a literal underscore) in one pass,
 * as Excel and LibreOffice do. exceljs's streaming reader leaves them in shared strings; the inline
 * strings our writer produces never contain the pattern (see excelText.ts), so decoding every string
 * is right for our files and for files Excel or LibreOffice saved.
 */
export function decodeExcelText(text: string): string {
  return text.includes('_x')
    ? text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The code as text. A number LibreOffice made of a code loses leading zeros: that cannot be undone. */
export function codeText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeExcelText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const text = formatWall(value.getTime());
    return text.endsWith(' 00:00:00') ? text.slice(0, -9) : text;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      const runs = value.richText as { text?: unknown }[];
      return decodeExcelText(runs.map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
    }
    if ('result' in value) return codeText(value.result);
    if ('text' in value) return codeText(value.text);
    if ('error' in value) return codeText(value.error);
  }
  return String(value);
}

/** Integers without the exponent JavaScript would use past 1e21; others as JavaScript prints them. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

const LOCAL_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ZONED_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant a date cell shows, read as wall-clock time in `clock`'s zone. Date cells come as Date
 * (exceljs reads the serial as if it were UTC, and as if 1900 had no 29 February) or, when the format
 * was not recognised, as the serial.
 */
export function instantOf(value: CellValue, clock: LocalClock): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time)
      ? null
      : clock.epochOfWall(serialToWall(time / MS_PER_DAY + EXCELJS_EPOCH_DAYS));
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? clock.epochOfWall(serialToWall(value)) : null;
  if (typeof value === 'string') return instantOfText(value.trim(), clock);
  if (typeof value === 'object' && 'result' in value) return instantOf(value.result, clock);
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
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    Number((millis ?? '0').padEnd(3, '0')),
  );
  return clock.epochOfWall(wall);
}
