// The dates Altcraft writes, read without Date.parse's guesses (which take "1" or "March 7" for dates):
// RFC 3339 (`2024-04-01T14:02:05Z`, `…T17:02:05.123+03:00`), a space instead of the `T`, an offset
// written `+0300` or `+03`, no zone at all (read as UTC), or a bare `2024-04-01` (midnight UTC).
// Anything else is not a date. Go's zero time, which Altcraft's Go code writes for "never", is its own
// answer: not set.

/** What Go's zero time (0001-01-01T00:00:00Z) reads as: "not set". */
export const GO_ZERO_TIME = Number.NEGATIVE_INFINITY;

const MS_PER_DAY = 86_400_000;
const ZERO_TIME_EPOCH = -62_135_596_800_000;
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** Epoch milliseconds, GO_ZERO_TIME, or NaN when the text is not a date. */
export function dateOfText(text: string): number {
  const match = DATE.exec(text.trim());
  if (match === null) return Number.NaN;
  const [, year, month, day, hour, minute, second, fraction, , sign, offsetHours, offsetMinutes] = match;
  const offset =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0)) * 60_000;
  if (sign !== undefined && (Number(offsetHours) > 23 || Number(offsetMinutes ?? 0) > 59)) return Number.NaN;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return epochOf(
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    millis,
    offset,
  );
}

/**
 * The common case, `YYYY-MM-DDTHH:MM:SSZ` in ASCII bytes, read without making a string; NaN for
 * anything else (which dateOfText then reads).
 */
export function dateOfAsciiBytes(bytes: Uint8Array, length: number): number {
  if (length !== 20) return Number.NaN;
  if (
    bytes[4] !== 0x2d ||
    bytes[7] !== 0x2d ||
    bytes[10] !== 0x54 ||
    bytes[13] !== 0x3a ||
    bytes[16] !== 0x3a ||
    bytes[19] !== 0x5a
  ) {
    return Number.NaN;
  }
  const year = digits(bytes, 0, 4);
  const month = digits(bytes, 5, 2);
  const day = digits(bytes, 8, 2);
  const hour = digits(bytes, 11, 2);
  const minute = digits(bytes, 14, 2);
  const second = digits(bytes, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return Number.NaN;
  return epochOf(year, month, day, hour, minute, second, 0, 0);
}

function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = (bytes[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function epochOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMs: number,
): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const epoch =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millis -
    offsetMs;
  return epoch === ZERO_TIME_EPOCH ? GO_ZERO_TIME : epoch;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
