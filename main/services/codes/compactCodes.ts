// A program's codes held as columns rather than a million objects: every code's UTF-8 bytes one after
// another in one buffer with where each starts, a Float64Array per date (NaN unless it holds a date),
// two bits per date field saying what the field holds, the rare values kept as text in a map, and a byte
// per code for its status. A million codes are then a few dozen megabytes in a handful of objects, which
// also spares the garbage collector, and the writers copy a code's bytes without ever making a string.
import { Buffer } from 'node:buffer';
import type { CodeDate, CodeStatus, DateField, PromoCode, StatusCounts } from '../../../app/promoCode';
import { CODE_STATUSES, DATE_FIELDS, emptyCounts } from '../../../app/promoCode';

/** What a date field holds, two bits of `dateKinds` per field (DATE_FIELDS order, from the low bits). */
export const DATE_KIND = { none: 0, date: 1, unknownTime: 2, text: 3 } as const;
export type DateKind = (typeof DATE_KIND)[keyof typeof DATE_KIND];

const STATUS_INDEX = {
  available: CODE_STATUSES.indexOf('available'),
  attached: CODE_STATUSES.indexOf('attached'),
  activated: CODE_STATUSES.indexOf('activated'),
  expired: CODE_STATUSES.indexOf('expired'),
};
const FIELD_BITS = { attached: 0, activated: 2, expireDate: 4, expired: 6 } as const;

export interface CompactCodes {
  readonly length: number;
  /** Every code's UTF-8 bytes: code i is `codeBytes[codeStarts[i], codeStarts[i + 1])`. */
  readonly codeBytes: Buffer;
  /** length + 1 offsets into codeBytes. */
  readonly codeStarts: Uint32Array;
  /** True when every code is ASCII, so a byte is a character. */
  readonly ascii: boolean;
  readonly attached: Float64Array;
  readonly activated: Float64Array;
  readonly expireDate: Float64Array;
  readonly expired: Float64Array;
  /** Per code, a DateKind for each date field, two bits each: see kindOf. */
  readonly dateKinds: Uint8Array;
  /** The values kept as text (not dates), by `index * 4 + field` (the field's place in DATE_FIELDS). */
  readonly texts: ReadonlyMap<number, string>;
  /** Each code's status as an index into CODE_STATUSES. */
  readonly statuses: Uint8Array;
  readonly counts: StatusCounts;
  /** Code i as text (what comparing and snapshots read: see review/compareCodes.ts). */
  codeAt(i: number): string;
}

/** What date field `field` of code `i` holds. */
export function kindOf(codes: CompactCodes, i: number, field: DateField): DateKind {
  return (((codes.dateKinds[i] as number) >> FIELD_BITS[field]) & 3) as DateKind;
}

/** The status the fields imply: activated, then expired, then attached (API.md), whatever they hold. */
export function statusOfKinds(kinds: number): number {
  if ((kinds >> FIELD_BITS.activated) & 3) return STATUS_INDEX.activated;
  if ((kinds >> FIELD_BITS.expired) & 3) return STATUS_INDEX.expired;
  if ((kinds >> FIELD_BITS.attached) & 3) return STATUS_INDEX.attached;
  return STATUS_INDEX.available;
}

/**
 * Collects codes one by one into growing columns. The streaming parser hands over a code's bytes as
 * soon as it has them (`pendingCode`) and the rest of the entry when the entry closes (`commit`); a
 * PromoCode goes in whole with `push`.
 */
export class CompactCodesBuilder {
  private size = 0;
  private bytes: Buffer;
  private byteEnd = 0;
  private pendingLength = -1;
  private allAscii = true;
  private pendingAscii = true;
  private starts: Uint32Array;
  private attached: Float64Array;
  private activated: Float64Array;
  private expireDate: Float64Array;
  private expired: Float64Array;
  private dateKinds: Uint8Array;
  private statuses: Uint8Array;
  private readonly texts = new Map<number, string>();
  /** Codes per status, by index into CODE_STATUSES. */
  private readonly counts = [0, 0, 0, 0];

  constructor(capacity = 1024) {
    const room = Math.max(16, capacity);
    this.bytes = Buffer.allocUnsafeSlow(room * 16);
    this.starts = new Uint32Array(room + 1);
    this.attached = new Float64Array(room);
    this.activated = new Float64Array(room);
    this.expireDate = new Float64Array(room);
    this.expired = new Float64Array(room);
    this.dateKinds = new Uint8Array(room);
    this.statuses = new Uint8Array(room);
  }

  get length(): number {
    return this.size;
  }

  /** The next code's UTF-8 bytes; a second call before `commit` replaces the first. */
  pendingCode(source: Uint8Array, length: number, ascii: boolean): void {
    const end = this.byteEnd + length;
    if (end > this.bytes.length) this.growBytes(end);
    if (length < 32) {
      const bytes = this.bytes;
      for (let i = 0, at = this.byteEnd; i < length; i++, at++) bytes[at] = source[i] as number;
    } else {
      this.bytes.set(source.subarray(0, length), this.byteEnd);
    }
    this.pendingLength = length;
    this.pendingAscii = ascii;
  }

  /** Forgets the pending code (an entry whose code turned out to be missing). */
  dropPendingCode(): void {
    this.pendingLength = -1;
  }

  /**
   * Ends the entry whose code is pending. `kinds` packs a DateKind per field (see DATE_KIND); the four
   * numbers are the dates (ignored unless their kind is a date); `texts`, when given, holds the values
   * kept as text by field.
   */
  commit(
    kinds: number,
    attached: number,
    activated: number,
    expireDate: number,
    expired: number,
    texts: readonly (string | null)[] | null,
  ): void {
    if (this.pendingLength < 0) throw new Error('commit without a pending code');
    if (this.size === this.statuses.length) this.grow();
    const i = this.size;
    this.byteEnd += this.pendingLength;
    this.starts[i + 1] = this.byteEnd;
    this.pendingLength = -1;
    if (!this.pendingAscii) this.allAscii = false;
    this.attached[i] = (kinds & 3) === DATE_KIND.date ? attached : Number.NaN;
    this.activated[i] = ((kinds >> 2) & 3) === DATE_KIND.date ? activated : Number.NaN;
    this.expireDate[i] = ((kinds >> 4) & 3) === DATE_KIND.date ? expireDate : Number.NaN;
    this.expired[i] = ((kinds >> 6) & 3) === DATE_KIND.date ? expired : Number.NaN;
    this.dateKinds[i] = kinds;
    if (texts !== null) {
      for (let field = 0; field < 4; field++) {
        const text = texts[field];
        if (text !== null && text !== undefined) this.texts.set(i * 4 + field, text);
      }
    }
    const status = statusOfKinds(kinds);
    this.statuses[i] = status;
    this.counts[status] = (this.counts[status] as number) + 1;
    this.size += 1;
  }

  push(code: PromoCode): void {
    const encoded = Buffer.from(code.code, 'utf8');
    this.pendingCode(encoded, encoded.length, encoded.length === code.code.length && isAscii(encoded));
    let kinds = 0;
    const values = [0, 0, 0, 0];
    let texts: (string | null)[] | null = null;
    DATE_FIELDS.forEach((field, index) => {
      const value: CodeDate = code[field];
      let kind: DateKind = DATE_KIND.none;
      if (typeof value === 'number') {
        kind = DATE_KIND.date;
        values[index] = value;
      } else if (value === true) {
        kind = DATE_KIND.unknownTime;
      } else if (typeof value === 'string') {
        kind = DATE_KIND.text;
        texts ??= [null, null, null, null];
        texts[index] = value;
      }
      kinds |= kind << (index * 2);
    });
    this.commit(kinds, values[0] ?? 0, values[1] ?? 0, values[2] ?? 0, values[3] ?? 0, texts);
  }

  finish(): CompactCodes {
    const n = this.size;
    // Columns nearly full are kept as they are: copying them would hold both at once.
    const fit = <T extends Float64Array | Uint8Array | Uint32Array>(column: T, used: number): T =>
      (used >= column.length * 0.9 ? column.subarray(0, used) : column.slice(0, used)) as T;
    const bytes =
      this.byteEnd >= this.bytes.length * 0.9
        ? this.bytes.subarray(0, this.byteEnd)
        : Buffer.from(this.bytes.subarray(0, this.byteEnd));
    const codes: CompactCodes = {
      length: n,
      codeBytes: bytes,
      codeStarts: fit(this.starts, n + 1),
      ascii: this.allAscii,
      attached: fit(this.attached, n),
      activated: fit(this.activated, n),
      expireDate: fit(this.expireDate, n),
      expired: fit(this.expired, n),
      dateKinds: fit(this.dateKinds, n),
      texts: this.texts,
      statuses: fit(this.statuses, n),
      counts: countsOf(this.counts),
      codeAt: (index) => codeTextAt(codes, index),
    };
    return codes;
  }

  private growBytes(atLeast: number): void {
    let room = this.bytes.length * 2;
    while (room < atLeast) room *= 2;
    const next = Buffer.allocUnsafeSlow(room);
    this.bytes.copy(next, 0, 0, this.byteEnd + Math.max(0, this.pendingLength));
    this.bytes = next;
  }

  private grow(): void {
    const room = this.statuses.length * 2;
    const bigger = <T extends Float64Array | Uint8Array | Uint32Array>(
      column: T,
      make: (n: number) => T,
    ): T => {
      const next = make(room + (column.length - this.statuses.length));
      next.set(column);
      return next;
    };
    this.starts = bigger(this.starts, (n) => new Uint32Array(n));
    this.attached = bigger(this.attached, (n) => new Float64Array(n));
    this.activated = bigger(this.activated, (n) => new Float64Array(n));
    this.expireDate = bigger(this.expireDate, (n) => new Float64Array(n));
    this.expired = bigger(this.expired, (n) => new Float64Array(n));
    this.dateKinds = bigger(this.dateKinds, (n) => new Uint8Array(n));
    this.statuses = bigger(this.statuses, (n) => new Uint8Array(n));
  }
}

function countsOf(byIndex: readonly number[]): StatusCounts {
  const counts = emptyCounts();
  CODE_STATUSES.forEach((status, index) => (counts[status] = byIndex[index] ?? 0));
  return counts;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

export function compactCodes(codes: readonly PromoCode[]): CompactCodes {
  const builder = new CompactCodesBuilder(codes.length);
  for (const code of codes) builder.push(code);
  return builder.finish();
}

/** Code i as text. */
export function codeTextAt(codes: CompactCodes, i: number): string {
  const start = codes.codeStarts[i] as number;
  const end = codes.codeStarts[i + 1] as number;
  return codes.codeBytes.toString(codes.ascii ? 'latin1' : 'utf8', start, end);
}

/** Date field `field` (its place in DATE_FIELDS) of code i. */
export function dateAt(codes: CompactCodes, i: number, field: number): CodeDate {
  const kind = ((codes.dateKinds[i] as number) >> (field * 2)) & 3;
  if (kind === DATE_KIND.none) return null;
  if (kind === DATE_KIND.unknownTime) return true;
  if (kind === DATE_KIND.text) return codes.texts.get(i * 4 + field) ?? '';
  return codes[DATE_FIELDS[field] as DateField][i] as number;
}

/** The i-th code as a PromoCode: made on demand, so only the codes in use exist as objects. */
export function promoCodeAt(codes: CompactCodes, i: number): PromoCode {
  return {
    code: codeTextAt(codes, i),
    attached: dateAt(codes, i, 0),
    activated: dateAt(codes, i, 1),
    expireDate: dateAt(codes, i, 2),
    expired: dateAt(codes, i, 3),
  };
}

export function statusAt(codes: CompactCodes, i: number): CodeStatus {
  return CODE_STATUSES[codes.statuses[i] as number] as CodeStatus;
}
