// A program's codes in the order the page sorts them by: a column and a direction, with ties kept in
// Altcraft's order. Sorted as positions (indexes into the compact columns), never as objects, and
// without a comparison function a million times over: statuses by counting, dates by a radix sort of
// their keys, codes by a radix sort of their bytes (so by Unicode code point).
import type { CodeSort } from '../../../app/codeView';
import { DATE_FIELDS } from '../../../app/promoCode';
import type { CompactCodes } from './compactCodes';
import { DATE_KIND } from './compactCodes';

/** Buckets below this size are finished by insertion sort. */
const SMALL = 24;

/** The positions 0…n-1 in the sort's order; Altcraft's own order when the sort is null. */
export function sortedPositions(compact: CompactCodes, sort: CodeSort): Uint32Array {
  const n = compact.length;
  if (sort === null) return identity(n);
  const descending = sort.direction === 'desc';
  if (sort.column === 'status') return byStatus(compact, descending);
  if (sort.column === 'code') {
    const ascending = byCode(compact);
    return descending ? reversedKeepingTies(ascending, (a, b) => sameCode(compact, a, b)) : ascending;
  }
  return byKey(dateKeys(compact, DATE_FIELDS.indexOf(sort.column)), descending);
}

/** A column's descending order made from its ascending one: backwards, ties kept in Altcraft's order. */
export function reversedOrder(
  compact: CompactCodes,
  column: NonNullable<CodeSort>['column'],
  ascending: Uint32Array,
): Uint32Array {
  if (column === 'code') return reversedKeepingTies(ascending, (a, b) => sameCode(compact, a, b));
  if (column === 'status') {
    const { statuses } = compact;
    return reversedKeepingTies(ascending, (a, b) => statuses[a] === statuses[b]);
  }
  const keys = dateKeys(compact, DATE_FIELDS.indexOf(column));
  return reversedKeepingTies(ascending, (a, b) => keys[a] === keys[b]);
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Counting sort: stable, in one pass. */
function byStatus(compact: CompactCodes, descending: boolean): Uint32Array {
  const { statuses, length: n } = compact;
  const starts = new Uint32Array(257);
  for (let i = 0; i < n; i++) {
    const bucket = descending ? 255 - (statuses[i] as number) : (statuses[i] as number);
    starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
  }
  for (let b = 1; b < 257; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const bucket = descending ? 255 - (statuses[i] as number) : (statuses[i] as number);
    order[starts[bucket] as number] = i;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  return order;
}

/**
 * A date column as sort keys: dates by their moment, then those that happened at an unknown time, then
 * those kept as text, then codes without one (so these come last ascending, first descending).
 */
function dateKeys(compact: CompactCodes, field: number): Float64Array {
  const column = compact[DATE_FIELDS[field] as (typeof DATE_FIELDS)[number]];
  const { dateKinds, length: n } = compact;
  const keys = new Float64Array(n);
  const shift = field * 2;
  for (let i = 0; i < n; i++) {
    const kind = ((dateKinds[i] as number) >> shift) & 3;
    keys[i] =
      kind === DATE_KIND.date
        ? (column[i] as number)
        : kind === DATE_KIND.unknownTime
          ? 1e300
          : kind === DATE_KIND.text
            ? 2e300
            : Number.POSITIVE_INFINITY;
  }
  return keys;
}

/** A stable LSD radix sort of positions by float keys, 16 bits a pass over their ordered bit patterns. */
function byKey(keys: Float64Array, descending: boolean): Uint32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer);
  // Bit patterns that sort as unsigned integers in the keys' order (reversed when descending).
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let hi = bits[i * 2 + 1] as number;
    let lo = bits[i * 2] as number;
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    if (descending) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    }
    high[i] = hi;
    low[i] = lo;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65_537);
  for (const [words, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const bucket = (((words[order[k] as number] as number) >>> shift) & 0xffff) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    if (counts[1 + (((words[0] as number) >>> shift) & 0xffff)] === n) continue; // one bucket: nothing moves
    for (let b = 1; b < 65_537; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    for (let k = 0; k < n; k++) {
      const position = order[k] as number;
      const bucket = ((words[position] as number) >>> shift) & 0xffff;
      spare[counts[bucket] as number] = position;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** A stable MSD radix sort of the codes' bytes; equal codes stay in Altcraft's order. */
function byCode(compact: CompactCodes): Uint32Array {
  const { codeBytes: bytes, codeStarts: starts, length: n } = compact;
  const order = identity(n);
  const spare = new Uint32Array(n);
  const counts = new Uint32Array(258);
  // Buckets still to sort: [from, to) at byte `depth`, three numbers each.
  const stack: number[] = [0, n, 0];
  // The byte at `depth` of a code, 0 past its end and byte + 1 otherwise, so shorter codes come first.
  const byteAt = (position: number, depth: number): number => {
    const at = (starts[position] as number) + depth;
    return at < (starts[position + 1] as number) ? (bytes[at] as number) + 1 : 0;
  };
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const to = stack.pop() as number;
    const from = stack.pop() as number;
    if (to - from < SMALL) {
      insertionSort(order, from, to, (a, b) => compareFrom(compact, a, b, depth));
      continue;
    }
    counts.fill(0);
    for (let k = from; k < to; k++) {
      const bucket = byteAt(order[k] as number, depth) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    const first = byteAt(order[from] as number, depth);
    if (counts[first + 1] === to - from) {
      // Every code shares this byte: nothing moves; all ended means they are equal, already in order.
      if (first !== 0) stack.push(from, to, depth + 1);
      continue;
    }
    for (let b = 1; b < 258; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    for (let k = from; k < to; k++) {
      const position = order[k] as number;
      const bucket = byteAt(position, depth);
      spare[from + (counts[bucket] as number)] = position;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    order.set(spare.subarray(from, to), from);
    // counts[b] now ends bucket b; bucket 0 (codes that ended) is finished.
    for (let b = 1; b < 257; b++) {
      const start = from + (counts[b - 1] as number);
      const end = from + (counts[b] as number);
      if (end - start > 1) stack.push(start, end, depth + 1);
    }
  }
  return order;
}

function compareFrom(compact: CompactCodes, a: number, b: number, depth: number): number {
  const { codeBytes: bytes, codeStarts: starts } = compact;
  let x = (starts[a] as number) + depth;
  let y = (starts[b] as number) + depth;
  const xEnd = starts[a + 1] as number;
  const yEnd = starts[b + 1] as number;
  for (; x < xEnd && y < yEnd; x++, y++) {
    const difference = (bytes[x] as number) - (bytes[y] as number);
    if (difference !== 0) return difference;
  }
  return xEnd - x - (yEnd - y) || a - b;
}

function insertionSort(
  order: Uint32Array,
  from: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  for (let k = from + 1; k < to; k++) {
    const position = order[k] as number;
    let j = k - 1;
    while (j >= from && compare(order[j] as number, position) > 0) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = position;
  }
}

function sameCode(compact: CompactCodes, a: number, b: number): boolean {
  const { codeBytes: bytes, codeStarts: starts } = compact;
  const length = (starts[a + 1] as number) - (starts[a] as number);
  if (length !== (starts[b + 1] as number) - (starts[b] as number)) return false;
  return (
    bytes.compare(
      bytes,
      starts[b] as number,
      starts[b + 1] as number,
      starts[a] as number,
      starts[a + 1] as number,
    ) === 0
  );
}

/** The ascending order backwards, except that equal codes keep Altcraft's order. */
function reversedKeepingTies(ascending: Uint32Array, same: (a: number, b: number) => boolean): Uint32Array {
  const n = ascending.length;
  const order = new Uint32Array(n);
  let out = 0;
  let end = n;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && same(ascending[start - 1] as number, ascending[end - 1] as number)) start--;
    for (let k = start; k < end; k++) order[out++] = ascending[k] as number;
    end = start;
  }
  return order;
}
