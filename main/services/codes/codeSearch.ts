// Which of a program's codes a filter keeps: by status, by expiring soon, and by a search typed as
// the person types.
// Every code is lower-cased into one buffer, NUL between codes, once per program (the library builds
// it while the worker is idle, right after the first rows are shown), so each keystroke is one
// Buffer.indexOf loop over it instead of a million small searches.
import { Buffer } from 'node:buffer';
import type { CodeFilter } from '../../../app/promoCode';
import { CODE_STATUSES, isFiltered } from '../../../app/promoCode';
import type { CompactCodes } from './compactCodes';
import { codeTextAt } from './compactCodes';

const SEPARATOR = 0;

/** Every code lower-cased (UTF-8) and joined by NUL, with where each starts. */
export interface SearchIndex {
  bytes: Buffer;
  starts: Uint32Array;
}

export function buildSearchIndex(codes: CompactCodes): SearchIndex {
  const builder = new SearchIndexBuilder(codes);
  return builder.finish();
}

/**
 * Builds a search index a slice at a time, so the thread can answer the page between slices (the
 * library builds it while idle); `finish` completes it at once when a search needs it now.
 */
export class SearchIndexBuilder {
  private bytes: Buffer;
  private readonly starts: Uint32Array;
  private at = 0;
  private next = 0;

  constructor(private readonly codes: CompactCodes) {
    // Lower-casing keeps an ASCII code's length; others may change it (İ becomes i̇): room grows then.
    this.bytes = Buffer.allocUnsafeSlow(codes.codeBytes.length + codes.length + 16);
    this.starts = new Uint32Array(codes.length);
  }

  get done(): boolean {
    return this.next >= this.codes.length;
  }

  /** Indexes up to `count` more codes. */
  step(count: number): void {
    const { codeBytes, codeStarts, length: n } = this.codes;
    const last = Math.min(n, this.next + count);
    let bytes = this.bytes;
    let at = this.at;
    for (let i = this.next; i < last; i++) {
      this.starts[i] = at;
      const start = codeStarts[i] as number;
      const end = codeStarts[i + 1] as number;
      if (!this.codes.ascii && !isAsciiCode(codeBytes, start, end)) {
        const lower = Buffer.from(codeTextAt(this.codes, i).toLowerCase(), 'utf8');
        if (at + lower.length + (n - i) + (codeBytes.length - end) > bytes.length) {
          bytes = this.grow(at, at + lower.length + (n - i) + (codeBytes.length - end));
        }
        lower.copy(bytes, at);
        at += lower.length;
      } else {
        for (let k = start; k < end; k++) {
          const byte = codeBytes[k] as number;
          bytes[at++] = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
        }
      }
      bytes[at++] = SEPARATOR;
    }
    this.at = at;
    this.next = last;
  }

  finish(): SearchIndex {
    this.step(this.codes.length);
    return { bytes: this.bytes.subarray(0, this.at), starts: this.starts };
  }

  private grow(used: number, atLeast: number): Buffer {
    const next = Buffer.allocUnsafeSlow(Math.max(atLeast, Math.ceil(this.bytes.length * 1.25)));
    this.bytes.copy(next, 0, 0, used);
    this.bytes = next;
    return next;
  }
}

function isAsciiCode(bytes: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if ((bytes[k] as number) >= 0x80) return false;
  return true;
}

/**
 * 1 for each code the filter keeps; null when it keeps them all. `searchIndex` is asked for only
 * when there is something to search, so a program nobody searches never needs one.
 */
export function matchMask(
  compact: CompactCodes,
  filter: CodeFilter,
  searchIndex: () => SearchIndex,
): Uint8Array | null {
  if (!isFiltered(filter)) return null;
  const { statuses, length: n } = compact;
  const keep = new Uint8Array(n);
  if (filter.search === '') {
    keep.fill(1);
  } else if (filter.search.includes('\u0000')) {
    // A search holding the separator would match across two codes in the joined text.
    const needle = filter.search.toLowerCase();
    for (let i = 0; i < n; i++) if (codeTextAt(compact, i).toLowerCase().includes(needle)) keep[i] = 1;
  } else {
    markSearchHits(searchIndex(), Buffer.from(filter.search.toLowerCase(), 'utf8'), keep);
  }
  if (filter.status !== null) {
    const wanted = CODE_STATUSES.indexOf(filter.status);
    for (let i = 0; i < n; i++) if (statuses[i] !== wanted) keep[i] = 0;
  }
  const expiry = filter.expiresBetween;
  if (expiry != null) {
    const { expireDate } = compact;
    for (let i = 0; i < n; i++) {
      const expires = expireDate[i] as number; // NaN when none: the comparisons are false
      const usable = statuses[i] === STILL_TO_BE_USED[0] || statuses[i] === STILL_TO_BE_USED[1];
      if (!usable || !(expires >= expiry.from && expires < expiry.to)) keep[i] = 0;
    }
  }
  return keep;
}

/** The statuses whose expire date still matters, as indexes into CODE_STATUSES. */
const STILL_TO_BE_USED = [CODE_STATUSES.indexOf('available'), CODE_STATUSES.indexOf('attached')];

function markSearchHits(index: SearchIndex, needle: Buffer, keep: Uint8Array): void {
  const { bytes, starts } = index;
  let from = 0;
  for (;;) {
    const hit = bytes.indexOf(needle, from);
    if (hit === -1) return;
    const code = lastStartAtOrBefore(starts, hit);
    keep[code] = 1;
    // Continue with the next code: one hit is enough for this one.
    from = code + 1 < starts.length ? (starts[code + 1] as number) : bytes.length;
  }
}

function lastStartAtOrBefore(starts: Uint32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
