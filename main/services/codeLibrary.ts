// The codes fetched in this session, held in the main process and served to the page a window at a
// time: a million codes never cross IPC in one message. Filtering, searching and sorting work on
// compact indexes built once per program, so each keystroke costs one pass over typed arrays.
import type { CodeSort, CodeView } from '../../app/codeView';
import type { CodePage } from '../../app/ipcContract';
import type { CodeStatus, PromoCode, StatusCounts } from '../../app/promoCode';
import { CODE_STATUSES, emptyCounts, statusOf } from '../../app/promoCode';

interface Entry {
  codes: readonly PromoCode[];
  /** Each code's status as an index into CODE_STATUSES. */
  statuses: Uint8Array;
  counts: StatusCounts;
  fetchedAt: number;
  /** Every code lower-cased and joined by NUL, with where each starts: search is one indexOf loop. */
  search: { text: string; starts: Uint32Array } | null;
  orders: Map<string, Uint32Array>;
  /** The last view's positions, so scrolling through one view costs no recomputation. */
  lastView: { key: string; positions: Uint32Array } | null;
}

export interface CodeLibrary {
  store(connectionId: string, loyaltyId: number, codes: readonly PromoCode[], fetchedAt: number): Entry;
  has(connectionId: string, loyaltyId: number): boolean;
  /** The codes a view shows, in its order. */
  matching(connectionId: string, loyaltyId: number, view: CodeView): PromoCode[];
  query(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    offset: number,
    limit: number,
  ): CodePage | null;
  /** The codes at positions [first, last] of a view, in order; null when the program is not here. */
  codesAt(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    ranges: [number, number][],
  ): string[] | null;
}

const SEPARATOR = '\u0000';

export function createCodeLibrary(): CodeLibrary {
  const entries = new Map<string, Entry>();
  const keyOf = (connectionId: string, loyaltyId: number) => `${connectionId}${SEPARATOR}${loyaltyId}`;

  return {
    store(connectionId, loyaltyId, codes, fetchedAt) {
      const statuses = new Uint8Array(codes.length);
      const counts = emptyCounts();
      codes.forEach((code, i) => {
        const status = statusOf(code);
        statuses[i] = CODE_STATUSES.indexOf(status);
        counts[status] += 1;
      });
      const entry: Entry = {
        codes,
        statuses,
        counts,
        fetchedAt,
        search: null,
        orders: new Map(),
        lastView: null,
      };
      entries.set(keyOf(connectionId, loyaltyId), entry);
      return entry;
    },
    has: (connectionId, loyaltyId) => entries.has(keyOf(connectionId, loyaltyId)),
    matching(connectionId, loyaltyId, view) {
      const entry = entries.get(keyOf(connectionId, loyaltyId));
      if (entry === undefined) return [];
      return Array.from(positionsOf(entry, view), (i) => entry.codes[i] as PromoCode);
    },
    codesAt(connectionId, loyaltyId, view, ranges) {
      const entry = entries.get(keyOf(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsOf(entry, view);
      const texts: string[] = [];
      for (const [first, last] of ranges) {
        for (const i of positions.subarray(first, last + 1)) texts.push((entry.codes[i] as PromoCode).code);
      }
      return texts;
    },
    query(connectionId, loyaltyId, view, offset, limit) {
      const entry = entries.get(keyOf(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsOf(entry, view);
      const rows = Array.from(positions.subarray(offset, offset + limit), (i) => {
        const code = entry.codes[i] as PromoCode;
        return { ...code, status: CODE_STATUSES[entry.statuses[i] as number] as CodeStatus };
      });
      return { matching: positions.length, total: entry.codes.length, counts: entry.counts, offset, rows };
    },
  };
}

/** The positions (indexes into the program's codes) a view shows, in its order. */
function positionsOf(entry: Entry, view: CodeView): Uint32Array {
  const key = JSON.stringify(view);
  if (entry.lastView?.key === key) return entry.lastView.positions;
  const order = orderOf(entry, view.sort);
  const keep = matchMask(entry, view);
  let positions: Uint32Array;
  if (keep === null) {
    positions = order;
  } else {
    const picked = new Uint32Array(order.length);
    let n = 0;
    for (const i of order) if (keep[i] === 1) picked[n++] = i;
    positions = picked.subarray(0, n);
  }
  entry.lastView = { key, positions };
  return positions;
}

/** 1 for each code the filter keeps; null when it keeps them all. */
function matchMask(entry: Entry, { filter }: CodeView): Uint8Array | null {
  if (filter.status === null && filter.search === '') return null;
  const n = entry.codes.length;
  const keep = new Uint8Array(n);
  if (filter.search === '') {
    keep.fill(1);
  } else if (filter.search.includes(SEPARATOR)) {
    const needle = filter.search.toLowerCase();
    entry.codes.forEach((code, i) => {
      if (code.code.toLowerCase().includes(needle)) keep[i] = 1;
    });
  } else {
    markSearchHits(searchIndexOf(entry), filter.search.toLowerCase(), keep);
  }
  if (filter.status !== null) {
    const wanted = CODE_STATUSES.indexOf(filter.status);
    for (let i = 0; i < n; i++) if (entry.statuses[i] !== wanted) keep[i] = 0;
  }
  return keep;
}

function searchIndexOf(entry: Entry): { text: string; starts: Uint32Array } {
  if (entry.search !== null) return entry.search;
  const parts = entry.codes.map((code) => code.code.toLowerCase());
  const starts = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((part, i) => {
    starts[i] = at;
    at += part.length + 1;
  });
  entry.search = { text: parts.join(SEPARATOR), starts };
  return entry.search;
}

function markSearchHits(
  index: { text: string; starts: Uint32Array },
  needle: string,
  keep: Uint8Array,
): void {
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

/** The program's positions in a sort's order, computed once per column and direction. */
function orderOf(entry: Entry, sort: CodeSort): Uint32Array {
  const key = sort === null ? 'altcraft' : `${sort.column} ${sort.direction}`;
  const cached = entry.orders.get(key);
  if (cached !== undefined) return cached;
  const order = Uint32Array.from({ length: entry.codes.length }, (_, i) => i);
  if (sort !== null) {
    const sign = sort.direction === 'asc' ? 1 : -1;
    const compare = comparatorFor(entry, sort.column);
    // Ties keep Altcraft's order, whichever the direction.
    order.sort((a, b) => sign * compare(a, b) || a - b);
  }
  entry.orders.set(key, order);
  return order;
}

function comparatorFor(
  entry: Entry,
  column: NonNullable<CodeSort>['column'],
): (a: number, b: number) => number {
  const codes = entry.codes;
  if (column === 'code') {
    return (a, b) => {
      const x = (codes[a] as PromoCode).code;
      const y = (codes[b] as PromoCode).code;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  if (column === 'status') return (a, b) => (entry.statuses[a] as number) - (entry.statuses[b] as number);
  const when = (i: number): number => {
    const value = (codes[i] as PromoCode)[column];
    return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
  };
  // Codes without a date come last in ascending order.
  return (a, b) => {
    const x = when(a);
    const y = when(b);
    return x === y ? 0 : x < y ? -1 : 1;
  };
}
