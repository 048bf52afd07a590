// Reads an export_all answer as its bytes arrive (jsonStream.ts tokenizes them), putting each code
// straight into the compact columns (codes/compactCodes.ts): no whole-body text, no JSON tree, no
// object per code. These are the rules, the same in the app and on the command line (README: "What the
// app reads from Altcraft"):
//
// For each entry of `data`:
// - `null`, `false`, `""`, a missing field and Go's zero time (0001-01-01T00:00:00Z) mean "not set".
// - `true` in `attached`, `activated` or `expired` means it happened at a time Altcraft did not give:
//   the status counts it, the date cell stays empty. `"true"` and `"false"` written as text are those flags.
// - A date is RFC 3339 (`2024-04-01T14:02:05Z`, with an offset or fractions of a second, `T` or a
//   space), or just `2024-04-01`; without a zone it is read as UTC.
// - Anything else in a date field (text that is not such a date, a number, `true` in `expire_date`, an
//   object or a list) is kept as text, exactly as Altcraft sent it, in its cell; the row gets the status
//   its presence implies, and the Summary sheet says how many values were kept as text, and where.
// - A number as `code` is written as its text, digit for digit as sent (never rounded).
// - Fields it does not know are ignored, in each entry and around `data`.
// Refused as a malformed answer, and no code is kept:
// - an entry that is not an object;
// - an entry without a code (missing, `null`, `false` or `""`), or whose code is `true`, an object or a list;
// - a code longer than 32,767 characters, the most an Excel cell holds (and so a value kept as text);
// - `data` that is not a list (`"data": null` is an empty program: Go writes an empty list that way);
// - `error` that is not a number (digits written as text count).
// Altcraft's own refusal (`error` ≠ 0) is reported whatever came with it, unless the body is not JSON
// or was cut off. A body that is not valid UTF-8 gives no codes ("characters that could not be read").
import { Buffer } from 'node:buffer';
import { AppError } from '../../../app/appError';
import { DATE_FIELDS } from '../../../app/promoCode';
import { CompactCodesBuilder, DATE_KIND } from '../codes/compactCodes';
import type { CompactCodes } from '../codes/compactCodes';
import { altcraftRefusal } from './altcraftRefusal';
import { dateOfText, dateOfAsciiBytes, GO_ZERO_TIME } from './altcraftDates';
import { JsonTokenizer, TOKEN_NON_ASCII, TOKEN_OVERFLOW } from './jsonStream';
import type { JsonHandler, JsonProblem } from './jsonStream';

/** The most characters an Excel cell holds. */
export const MAX_CELL_CHARS = 32_767;
/** How much of `error_text` is kept: it is shown to people and logged. */
const ERROR_TEXT_CHARS = 2_000;

/** The answer read: its codes, or why there are none. Errors carry no HTTP status (the caller adds it). */
export type ReadOutcome = { ok: true; codes: CompactCodes } | { ok: false; error: AppError };

// Where an entry's value goes.
const CODE = 4;
const OTHER = 5;
const TOP_DATA = 1;
const TOP_ERROR = 2;
const TOP_ERROR_TEXT = 3;
const TOP_OTHER = 0;

const bytesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));
const ENTRY_KEYS: [number[], number][] = [
  [bytesOf('code'), CODE],
  [bytesOf('attached'), 0],
  [bytesOf('activated'), 1],
  [bytesOf('expire_date'), 2],
  [bytesOf('expired'), 3],
];
const TOP_KEYS: [number[], number][] = [
  [bytesOf('data'), TOP_DATA],
  [bytesOf('error'), TOP_ERROR],
  [bytesOf('error_text'), TOP_ERROR_TEXT],
];
const TRUE_TEXT = bytesOf('true');
const FALSE_TEXT = bytesOf('false');
/** Which date fields take `true` as "happened at an unknown time" (not expire_date: a deadline). */
const IS_FLAG = [true, true, false, true];

export class ExportAllReader implements JsonHandler {
  private readonly tokens = new JsonTokenizer(this);
  private builder: CompactCodesBuilder | null = new CompactCodesBuilder();
  /** The first reason the answer is refused; reading goes on only to find Altcraft's own error. */
  private malformed: AppError | null = null;
  private topKind: string | null = null;
  private topKey = TOP_OTHER;
  private dataSeen = false;
  private inData = false;
  private errorNumber = 0;
  private errorText = '';
  private entries = 0;
  private inEntry = false;
  private field = OTHER;
  private codeLength = -1;
  private kinds = 0;
  private readonly dates = [0, 0, 0, 0];
  private texts: (string | null)[] | null = null;
  /** An object or list in a date field, written back as JSON text (see `capture`). */
  private captured: { field: number; text: string; first: boolean[]; depth: number } | null = null;

  /** Bytes read so far. */
  get received(): number {
    return this.tokens.offset;
  }

  /**
   * True once the outcome cannot change: the body is not JSON (or nests too deep). The rest of a
   * malformed answer is still read, because Altcraft's `error` may follow `data`.
   */
  get settled(): boolean {
    return this.tokens.failed;
  }

  write(chunk: Uint8Array): void {
    this.tokens.write(chunk);
  }

  /** The body is complete: the codes, or the error people should see. */
  finish(): ReadOutcome {
    this.tokens.end();
    const problem = this.tokens.problem;
    if (problem !== null) return { ok: false, error: notReadable(problem) };
    if (this.topKind !== null) {
      return { ok: false, error: malformed(`The answer is ${this.topKind}, not an object.`) };
    }
    if (this.errorNumber !== 0) {
      return { ok: false, error: altcraftRefusal(this.errorNumber, this.errorText) };
    }
    if (this.malformed !== null) return { ok: false, error: this.malformed };
    if (!this.dataSeen) return { ok: false, error: malformed('"data" is missing, not a list of codes.') };
    if (this.tokens.lossy) {
      return {
        ok: false,
        error: new AppError({
          code: 'malformed-response',
          message:
            "Altcraft's answer contained characters that could not be read, so no codes were read. Report this problem.",
          detail: 'The body is not valid UTF-8, or holds half of a UTF-16 surrogate pair.',
        }),
      };
    }
    const codes = (this.builder ?? new CompactCodesBuilder(16)).finish();
    this.builder = null;
    return { ok: true, codes };
  }

  // ---- What the tokenizer reports (JsonHandler).

  objectStart(depth: number): void {
    if (this.captured !== null) return this.capture('{', depth, true);
    if (depth === 0) return;
    if (depth === 1) return this.topValue('an object');
    if (depth === 2 && this.inData) return this.startEntry();
    if (depth === 3 && this.inEntry) this.nestedValue(depth, '{', 'an object');
  }

  objectEnd(depth: number): void {
    if (this.captured !== null) return this.capture('}', depth, false);
    if (depth === 2 && this.inEntry) this.endEntry();
  }

  arrayStart(depth: number): void {
    if (this.captured !== null) return this.capture('[', depth, true);
    if (depth === 0) {
      this.topKind = 'a list';
      return;
    }
    if (depth === 1) {
      if (this.topKey !== TOP_DATA) return this.topValue('a list');
      // A second "data" replaces the first, as JSON.parse would have it.
      this.dataSeen = true;
      this.inData = true;
      this.entries = 0;
      if (this.malformed === null) this.builder = new CompactCodesBuilder();
      return;
    }
    if (depth === 2 && this.inData) return this.notAnEntry('a list');
    if (depth === 3 && this.inEntry) this.nestedValue(depth, '[', 'a list');
  }

  arrayEnd(depth: number): void {
    if (this.captured !== null) return this.capture(']', depth, false);
    if (depth === 1 && this.inData) this.inData = false;
  }

  key(bytes: Uint8Array, length: number, flags: number, depth: number): void {
    if (this.captured !== null) {
      this.captureComma(depth);
      this.captured.text += `${JSON.stringify(stringOf(bytes, length, flags))}:`;
      return;
    }
    if (depth === 1) this.topKey = keyOf(bytes, length, TOP_KEYS, TOP_OTHER);
    else if (depth === 3 && this.inEntry) this.field = keyOf(bytes, length, ENTRY_KEYS, OTHER);
  }

  string(bytes: Uint8Array, length: number, flags: number, depth: number): void {
    if (this.captured !== null)
      return this.captureValue(JSON.stringify(stringOf(bytes, length, flags)), depth);
    if (depth === 0) {
      this.topKind = 'text';
      return;
    }
    if (depth === 1) return this.topString(bytes, length, flags);
    if (depth === 2 && this.inData)
      return this.notAnEntry(`text "${stringOf(bytes, length, flags).slice(0, 40)}"`);
    if (depth !== 3 || !this.inEntry) return;
    if (this.field === CODE) {
      if (length === 0) return this.noCode();
      if (tooLong(bytes, length, flags)) return this.refuse(codeTooLong(this.entries));
      this.builder?.pendingCode(bytes, length, (flags & TOKEN_NON_ASCII) === 0);
      this.codeLength = length;
      return;
    }
    if (this.field === OTHER) return;
    this.dateText(this.field, bytes, length, flags);
  }

  number(bytes: Uint8Array, length: number, flags: number, depth: number): void {
    if (this.captured !== null) return this.captureValue(stringOf(bytes, length, flags), depth);
    if (depth === 0) {
      this.topKind = 'a number';
      return;
    }
    if (depth === 1) {
      if (this.topKey === TOP_ERROR) {
        const value = Number(stringOf(bytes, length, flags));
        if (Number.isInteger(value)) this.errorNumber = value;
        else
          this.refuse(
            malformed(`"error" is ${stringOf(bytes, length, flags).slice(0, 40)}, not a whole number.`),
          );
        return;
      }
      return this.topValue(`number ${stringOf(bytes, length, flags).slice(0, 40)}`);
    }
    if (depth === 2 && this.inData)
      return this.notAnEntry(`number ${stringOf(bytes, length, flags).slice(0, 40)}`);
    if (depth !== 3 || !this.inEntry) return;
    if (this.field === CODE) {
      if (tooLong(bytes, length, flags)) return this.refuse(codeTooLong(this.entries));
      this.builder?.pendingCode(bytes, length, true);
      this.codeLength = length;
      return;
    }
    if (this.field !== OTHER) this.setText(this.field, stringOf(bytes, length, flags));
  }

  literal(value: boolean | null, depth: number): void {
    if (this.captured !== null) return this.captureValue(String(value), depth);
    if (depth === 0) {
      this.topKind = value === null ? 'null' : `${value}`;
      return;
    }
    if (depth === 1) {
      if (this.topKey === TOP_DATA && value === null) {
        this.dataSeen = true; // an empty program
        this.builder = this.malformed === null ? new CompactCodesBuilder(16) : null;
        return;
      }
      if (this.topKey === TOP_ERROR && value === null) {
        this.errorNumber = 0;
        return;
      }
      return this.topValue(String(value));
    }
    if (depth === 2 && this.inData) return this.notAnEntry(String(value));
    if (depth !== 3 || !this.inEntry) return;
    if (this.field === CODE) {
      if (value === true)
        return this.refuse(malformed(`The code of entry #${this.entries} is true, not text.`));
      return this.noCode();
    }
    if (this.field === OTHER) return;
    if (value !== true) return this.setKind(this.field, DATE_KIND.none);
    if (IS_FLAG[this.field]) this.setKind(this.field, DATE_KIND.unknownTime);
    else this.setText(this.field, 'true');
  }

  // ---- The envelope around `data`.

  private topValue(described: string): void {
    if (this.topKey === TOP_DATA) {
      this.dataSeen = true;
      this.refuse(malformed(`"data" is ${described}, not a list of codes.`));
    } else if (this.topKey === TOP_ERROR) {
      this.refuse(malformed(`"error" is ${described}, not a number.`));
    }
  }

  private topString(bytes: Uint8Array, length: number, flags: number): void {
    if (this.topKey === TOP_ERROR_TEXT) {
      this.errorText = stringOf(bytes, length, flags).slice(0, ERROR_TEXT_CHARS);
    } else if (this.topKey === TOP_ERROR) {
      const text = stringOf(bytes, length, flags);
      if (/^\s*-?\d+\s*$/.test(text)) this.errorNumber = Number(text);
      else this.refuse(malformed(`"error" is text "${text.slice(0, 40)}", not a number.`));
    } else {
      this.topValue(`text "${stringOf(bytes, length, flags).slice(0, 40)}"`);
    }
  }

  // ---- Entries.

  private startEntry(): void {
    this.entries += 1;
    this.inEntry = true;
    this.field = OTHER;
    this.codeLength = -1;
    this.kinds = 0;
    this.texts = null;
    this.builder?.dropPendingCode();
  }

  private endEntry(): void {
    this.inEntry = false;
    if (this.codeLength < 0) {
      this.refuse(malformed(`Entry #${this.entries} of "data" has no code.`));
      return;
    }
    const dates = this.dates;
    this.builder?.commit(
      this.kinds,
      dates[0] as number,
      dates[1] as number,
      dates[2] as number,
      dates[3] as number,
      this.texts,
    );
  }

  private notAnEntry(described: string): void {
    this.entries += 1;
    this.refuse(malformed(`Entry #${this.entries} of "data" is ${described}, not an object.`));
  }

  private noCode(): void {
    this.codeLength = -1;
    this.builder?.dropPendingCode();
  }

  private dateText(field: number, bytes: Uint8Array, length: number, flags: number): void {
    if (length === 0) return this.setKind(field, DATE_KIND.none);
    if ((flags & (TOKEN_NON_ASCII | TOKEN_OVERFLOW)) === 0) {
      const fast = dateOfAsciiBytes(bytes, length);
      if (!Number.isNaN(fast)) return this.setDate(field, fast);
      if (IS_FLAG[field] && sameBytes(bytes, length, TRUE_TEXT))
        return this.setKind(field, DATE_KIND.unknownTime);
      if (IS_FLAG[field] && sameBytes(bytes, length, FALSE_TEXT)) return this.setKind(field, DATE_KIND.none);
    }
    if (tooLong(bytes, length, flags)) {
      const name = DATE_FIELDS[field] as string;
      return this.refuse(
        malformed(
          `"${name}" of entry #${this.entries} is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters, more than an Excel cell holds.`,
        ),
      );
    }
    const text = stringOf(bytes, length, flags);
    const date = dateOfText(text);
    if (date === GO_ZERO_TIME) return this.setKind(field, DATE_KIND.none);
    if (!Number.isNaN(date)) return this.setDate(field, date);
    this.setText(field, text);
  }

  private setDate(field: number, value: number): void {
    if (value === GO_ZERO_TIME) return this.setKind(field, DATE_KIND.none);
    this.dates[field] = value;
    this.setKind(field, DATE_KIND.date);
  }

  private setText(field: number, text: string): void {
    if (text.length > MAX_CELL_CHARS) {
      this.refuse(malformed(`A value of entry #${this.entries} is longer than an Excel cell holds.`));
      return;
    }
    this.texts ??= [null, null, null, null];
    this.texts[field] = text;
    this.setKind(field, DATE_KIND.text);
  }

  private setKind(field: number, kind: number): void {
    const shift = field * 2;
    this.kinds = (this.kinds & ~(3 << shift)) | (kind << shift);
    if (kind !== DATE_KIND.text && this.texts !== null) this.texts[field] = null;
  }

  /** An object or a list as an entry's value: refused as a code, kept as its JSON text as a date. */
  private nestedValue(depth: number, opening: string, described: string): void {
    if (this.field === CODE) {
      this.refuse(malformed(`The code of entry #${this.entries} is ${described}, not text.`));
      return;
    }
    if (this.field === OTHER) return;
    this.captured = { field: this.field, text: opening, first: [true], depth };
  }

  private captureComma(depth: number): void {
    const captured = this.captured;
    if (captured === null) return;
    const level = depth - captured.depth - 1;
    if (captured.first[level] === true) captured.first[level] = false;
    else captured.text += ',';
  }

  private captureValue(text: string, depth: number): void {
    const captured = this.captured;
    if (captured === null) return;
    // In an object the key already placed the comma.
    if (!captured.text.endsWith(':')) this.captureComma(depth);
    captured.text += text;
    if (captured.text.length > MAX_CELL_CHARS + 1) {
      this.captured = null;
      this.refuse(malformed(`A value of entry #${this.entries} is longer than an Excel cell holds.`));
    }
  }

  private capture(bracket: string, depth: number, opening: boolean): void {
    const captured = this.captured as NonNullable<typeof this.captured>;
    if (opening) {
      this.captureValue(bracket, depth);
      captured.first[depth - captured.depth] = true;
      return;
    }
    captured.text += bracket;
    captured.first.length = depth - captured.depth;
    if (depth === captured.depth) {
      this.captured = null;
      this.setText(captured.field, captured.text);
    }
  }

  /** The answer is refused; the codes read so far are let go, the rest is only checked as JSON. */
  private refuse(error: AppError): void {
    this.malformed ??= error;
    this.builder = null;
  }
}

/** Reads a whole body held in memory (tests, tools, `check`'s small answers). */
export function readExportAll(body: Uint8Array | string): ReadOutcome {
  const reader = new ExportAllReader();
  reader.write(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  return reader.finish();
}

function keyOf(bytes: Uint8Array, length: number, keys: [number[], number][], other: number): number {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as [number[], number];
    if (sameBytes(bytes, length, key[0])) return key[1];
  }
  return other;
}

function sameBytes(bytes: Uint8Array, length: number, expected: readonly number[]): boolean {
  if (length !== expected.length) return false;
  for (let i = 0; i < length; i++) if (bytes[i] !== expected[i]) return false;
  return true;
}

function stringOf(bytes: Uint8Array, length: number, flags: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString(
    (flags & TOKEN_NON_ASCII) === 0 ? 'latin1' : 'utf8',
  );
}

/** More UTF-16 units than a cell holds; counted only when the bytes could be that many. */
function tooLong(bytes: Uint8Array, length: number, flags: number): boolean {
  if ((flags & TOKEN_OVERFLOW) !== 0) return true;
  if (length <= MAX_CELL_CHARS) return false;
  let units = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units > MAX_CELL_CHARS;
}

function codeTooLong(entry: number): AppError {
  return new AppError({
    code: 'code-too-long',
    message: `A code in Altcraft's answer is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters, the most an Excel cell holds, so no codes were read. Report this problem to your Altcraft administrator.`,
    detail: `The code of entry #${entry} of "data" is longer than ${MAX_CELL_CHARS} characters.`,
  });
}

export function malformed(detail: string): AppError {
  return new AppError({
    code: 'malformed-response',
    message: "Altcraft's answer was not in the expected form, so no codes were read. Report this problem.",
    detail,
  });
}

function notReadable(problem: JsonProblem): AppError {
  if (problem.kind === 'cut-off') {
    return new AppError({
      code: 'cut-off',
      message: 'The answer from Altcraft was cut off before it was complete. Try again.',
      detail: 'The body ended before the data was complete.',
    });
  }
  if (problem.kind === 'too-deep') {
    return malformed(`The answer nests lists and objects too deeply (byte ${problem.at}).`);
  }
  const what = problem.kind === 'empty' ? 'an empty body' : `${problem.why} at byte ${problem.at}`;
  return new AppError({
    code: 'not-json',
    message: 'The server did not answer with Altcraft data. Check the host address.',
    detail: `Expected JSON, got ${what}.`,
  });
}
