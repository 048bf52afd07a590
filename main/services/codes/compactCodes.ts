// A program's codes held as columns rather than a million objects: one array of code strings, a
// Float64Array per date (NaN where Altcraft gave none) and a byte per code for `expired` and the
// status. Fewer objects means less memory and far less garbage-collection work for a million codes.
import type { CodeStatus, PromoCode, StatusCounts } from '../../../app/promoCode';
import { CODE_STATUSES, emptyCounts, statusOf } from '../../../app/promoCode';

/** How `expired` came: absent, a flag, or a date (then in the `expired` column). */
const EXPIRED_NONE = 0;
const EXPIRED_FALSE = 1;
const EXPIRED_TRUE = 2;
const EXPIRED_DATE = 3;

export interface CompactCodes {
  readonly length: number;
  readonly codes: readonly string[];
  readonly attached: Float64Array;
  readonly activated: Float64Array;
  readonly expireDate: Float64Array;
  readonly expired: Float64Array;
  readonly expiredKind: Uint8Array;
  /** Each code's status as an index into CODE_STATUSES. */
  readonly statuses: Uint8Array;
  readonly counts: StatusCounts;
}

/** Collects codes one by one (or a batch at a time) into growing columns. */
export class CompactCodesBuilder {
  private size = 0;
  private readonly codes: string[] = [];
  private attached: Float64Array;
  private activated: Float64Array;
  private expireDate: Float64Array;
  private expired: Float64Array;
  private expiredKind: Uint8Array;
  private statuses: Uint8Array;
  private readonly counts = emptyCounts();

  constructor(capacity = 1024) {
    const room = Math.max(1, capacity);
    this.attached = new Float64Array(room);
    this.activated = new Float64Array(room);
    this.expireDate = new Float64Array(room);
    this.expired = new Float64Array(room);
    this.expiredKind = new Uint8Array(room);
    this.statuses = new Uint8Array(room);
  }

  push(code: PromoCode): void {
    if (this.size === this.statuses.length) this.grow();
    const i = this.size;
    this.codes.push(code.code);
    this.attached[i] = code.attached ?? Number.NaN;
    this.activated[i] = code.activated ?? Number.NaN;
    this.expireDate[i] = code.expireDate ?? Number.NaN;
    const expired = code.expired;
    this.expired[i] = typeof expired === 'number' ? expired : Number.NaN;
    this.expiredKind[i] =
      typeof expired === 'number'
        ? EXPIRED_DATE
        : expired === true
          ? EXPIRED_TRUE
          : expired === false
            ? EXPIRED_FALSE
            : EXPIRED_NONE;
    const status = statusOf(code);
    this.statuses[i] = CODE_STATUSES.indexOf(status);
    this.counts[status] += 1;
    this.size += 1;
  }

  finish(): CompactCodes {
    const n = this.size;
    // Nearly full columns are kept as they are: copying them would hold both at once.
    const fit = <T extends Float64Array | Uint8Array>(column: T): T =>
      (n >= column.length * 0.9 ? column.subarray(0, n) : column.slice(0, n)) as T;
    return {
      length: n,
      codes: this.codes,
      attached: fit(this.attached),
      activated: fit(this.activated),
      expireDate: fit(this.expireDate),
      expired: fit(this.expired),
      expiredKind: fit(this.expiredKind),
      statuses: fit(this.statuses),
      counts: { ...this.counts },
    };
  }

  private grow(): void {
    const room = this.statuses.length * 2;
    const bigger = <T extends Float64Array | Uint8Array>(column: T, make: (n: number) => T): T => {
      const next = make(room);
      next.set(column);
      return next;
    };
    this.attached = bigger(this.attached, (n) => new Float64Array(n));
    this.activated = bigger(this.activated, (n) => new Float64Array(n));
    this.expireDate = bigger(this.expireDate, (n) => new Float64Array(n));
    this.expired = bigger(this.expired, (n) => new Float64Array(n));
    this.expiredKind = bigger(this.expiredKind, (n) => new Uint8Array(n));
    this.statuses = bigger(this.statuses, (n) => new Uint8Array(n));
  }
}

export function compactCodes(codes: readonly PromoCode[]): CompactCodes {
  const builder = new CompactCodesBuilder(codes.length);
  for (const code of codes) builder.push(code);
  return builder.finish();
}

const dateAt = (column: Float64Array, i: number): number | null => {
  const value = column[i] as number;
  return Number.isNaN(value) ? null : value;
};

/** The i-th code as a PromoCode: made on demand, so only the codes in use exist as objects. */
export function promoCodeAt(codes: CompactCodes, i: number): PromoCode {
  const kind = codes.expiredKind[i];
  return {
    code: codes.codes[i] as string,
    attached: dateAt(codes.attached, i),
    activated: dateAt(codes.activated, i),
    expireDate: dateAt(codes.expireDate, i),
    expired:
      kind === EXPIRED_DATE
        ? (codes.expired[i] as number)
        : kind === EXPIRED_TRUE
          ? true
          : kind === EXPIRED_FALSE
            ? false
            : null,
  };
}

export function statusAt(codes: CompactCodes, i: number): CodeStatus {
  return CODE_STATUSES[codes.statuses[i] as number] as CodeStatus;
}
