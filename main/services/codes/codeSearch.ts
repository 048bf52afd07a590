// Which of a program's codes a filter keeps: by status, by expiring soon, and by a search typed as
// the person types.
// Every code is lower-cased and joined by NUL into one text, once per program, so each keystroke
// is one indexOf loop over it instead of a million small searches.
import type { CodeFilter } from '../../../app/promoCode';
import { CODE_STATUSES, isFiltered } from '../../../app/promoCode';
import type { CompactCodes } from './compactCodes';

const SEPARATOR = '\u0000';

/** Every code lower-cased and joined by NUL, with where each starts. */
export interface SearchIndex {
  text: string;
  starts: Uint32Array;
}

export function buildSearchIndex(codes: CompactCodes): SearchIndex {
  const parts = codes.codes.map((code) => code.toLowerCase());
  const starts = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((part, i) => {
    starts[i] = at;
    at += part.length + 1;
  });
  return { text: parts.join(SEPARATOR), starts };
}

/**
 * 1 for each code the filter keeps; null when it keeps them all. `searchIndex` is asked for only
 * when there is something to search, so a program nobody searches never builds one.
 */
export function matchMask(
  compact: CompactCodes,
  filter: CodeFilter,
  searchIndex: () => SearchIndex,
): Uint8Array | null {
  if (!isFiltered(filter)) return null;
  const { codes, statuses, length: n } = compact;
  const keep = new Uint8Array(n);
  if (filter.search === '') {
    keep.fill(1);
  } else if (filter.search.includes(SEPARATOR)) {
    // A search holding the separator would match across two codes in the joined text.
    const needle = filter.search.toLowerCase();
    codes.forEach((code, i) => {
      if (code.toLowerCase().includes(needle)) keep[i] = 1;
    });
  } else {
    markSearchHits(searchIndex(), filter.search.toLowerCase(), keep);
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

function markSearchHits(index: SearchIndex, needle: string, keep: Uint8Array): void {
  const { text, starts } = index;
  let from = 0;
  for (;;) {
    const hit = text.indexOf(needle, from);
    if (hit === -1) return;
    const code = lastStartAtOrBefore(starts, hit);
    keep[code] = 1;
    // Continue with the next code: one hit is enough for this one.
    from = code + 1 < starts.length ? (starts[code + 1] as number) : text.length;
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
