// Validates the body of an export_all answer and turns it into PromoCodes. Pure (no I/O) so it can
// move into a worker thread, and built for a million codes: one JSON.parse, then one tight loop with
// hand-written checks (a schema library per element would cost seconds at that size).
//
// Outcomes, as AppError codes:
// - Altcraft answered `error ≠ 0` → the refusal for that code (see altcraftRefusal.ts), with `altcraft`.
// - The text does not parse: 'cut-off' when it starts like JSON but stops before its closing bracket,
//   i.e. the connection ended early; otherwise 'not-json' (HTML page, plain text, XML, garbage). The
//   app always asks for `format: "json"`, so an XML answer is not Altcraft's answer to it.
// - It parses but is not an Altcraft answer (`data` not a list, a code that is not text, a date that is
//   not a date) → 'malformed-response', naming the first offending code by position.
// Deliberate leniencies: unknown fields are ignored; `"data": null` is an empty program (Go, which
// Altcraft is written in, encodes an empty list that way); `error` may be absent when `data` is a list;
// a date without a time zone is read as UTC; Go's zero time (0001-01-01T00:00:00Z) means "not set".
import { AppError } from '../../../app/appError';
import type { PromoCode } from '../../../app/promoCode';
import { altcraftRefusal } from './altcraftRefusal';
import { describeBody } from './describeBody';

export function parseExportAll(text: string): PromoCode[] {
  // A byte-order mark is legal before UTF-8 text but not before JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw jsonLooksCutOff(body) ? cutOff(body) : notJson(body, error);
  }
  return toPromoCodes(parsed);
}

/** An opening `{` or `[` without its closing one: the text stopped, it was not written that way. */
function jsonLooksCutOff(body: string): boolean {
  const start = body.trimStart()[0];
  const end = body.trimEnd().at(-1);
  return (start === '{' && end !== '}') || (start === '[' && end !== ']');
}

function cutOff(body: string): AppError {
  return new AppError({
    code: 'cut-off',
    message: 'The answer from Altcraft was cut off before it was complete. Try again.',
    detail: `The body ended before the data was complete: ${describeBody(body)}.`,
  });
}

function notJson(body: string, cause: unknown): AppError {
  return new AppError(
    {
      code: 'not-json',
      message: 'The server did not answer with Altcraft data. Check the host address.',
      detail: `Expected JSON, got ${describeBody(body)}.`,
    },
    { cause },
  );
}

function malformed(detail: string): AppError {
  return new AppError({
    code: 'malformed-response',
    message: "Altcraft's answer was not in the expected form, so no codes were read. Report this problem.",
    detail,
  });
}

function toPromoCodes(parsed: unknown): PromoCode[] {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed(`The answer is ${Array.isArray(parsed) ? 'a list' : typeof parsed}, not an object.`);
  }
  const answer = parsed as Record<string, unknown>;
  const error = errorNumber(answer.error);
  if (error !== 0) {
    const text = answer.error_text;
    throw altcraftRefusal(error, typeof text === 'string' ? text : '');
  }
  const data = answer.data;
  if (data === null) return [];
  if (!Array.isArray(data)) throw malformed(`"data" is ${describeValue(data)}, not a list of codes.`);

  const codes = new Array<PromoCode>(data.length);
  for (let index = 0; index < data.length; index++) {
    const item: unknown = data[index];
    if (typeof item !== 'object' || item === null) {
      throw malformed(`Entry #${index + 1} of "data" is ${describeValue(item)}, not an object.`);
    }
    const raw = item as Record<string, unknown>;
    const code = raw.code;
    if (typeof code !== 'string') {
      throw malformed(`The code of entry #${index + 1} is ${describeValue(code)}, not text.`);
    }
    codes[index] = {
      code,
      attached: dateOf(raw.attached, 'attached', index),
      activated: dateOf(raw.activated, 'activated', index),
      expireDate: dateOf(raw.expire_date, 'expire_date', index),
      expired: expiredOf(raw.expired, index),
    };
  }
  return codes;
}

/** `error` as a number, or digits written as text; absent counts as success. */
function errorNumber(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  throw malformed(`"error" is ${describeValue(value)}, not a number.`);
}

const ZONED = /(?:z|[+-]\d\d:?\d\d)$/i;
const GO_ZERO_TIME = /^0001-01-01[T ]00:00:00(?:\.0+)?(?:z|[+-]00:?00)?$/i;

function dateOf(value: unknown, field: string, index: number): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    throw malformed(`"${field}" of entry #${index + 1} is ${describeValue(value)}, not a date.`);
  }
  if (value.startsWith('0001-') && GO_ZERO_TIME.test(value)) return null;
  // RFC 3339 carries a zone; a bare "2024-04-01 14:02:05" would otherwise be read as local time.
  // The common case (ending in Z) skips the regex: this runs up to four times per code.
  const last = value.charCodeAt(value.length - 1);
  const zoned = last === 90 || last === 122 || value.length <= 10 || ZONED.test(value);
  const time = Date.parse(zoned ? value : `${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(time))
    throw malformed(`"${field}" of entry #${index + 1} is not a date: "${value.slice(0, 40)}".`);
  return time;
}

function expiredOf(value: unknown, index: number): number | boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true'; // a flag written as text
  return dateOf(value, 'expired', index);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text "${value.slice(0, 40)}"`;
  if (value === undefined) return 'missing';
  return `${typeof value} ${String(value)}`;
}
