// A program's codes in the order the page sorts them by: a column and a direction, with ties kept
// in Altcraft's order. Sorted as positions (indexes into the compact columns), never as objects.
import type { CodeSort } from '../../../app/codeView';
import type { CompactCodes } from './compactCodes';

/** The positions 0…n-1 in the sort's order; Altcraft's own order when the sort is null. */
export function sortedPositions(compact: CompactCodes, sort: CodeSort): Uint32Array {
  const order = Uint32Array.from({ length: compact.length }, (_, i) => i);
  if (sort !== null) {
    const sign = sort.direction === 'asc' ? 1 : -1;
    const compare = comparatorFor(compact, sort.column);
    // Ties keep Altcraft's order, whichever the direction.
    order.sort((a, b) => sign * compare(a, b) || a - b);
  }
  return order;
}

function comparatorFor(
  compact: CompactCodes,
  column: NonNullable<CodeSort>['column'],
): (a: number, b: number) => number {
  if (column === 'code') {
    const codes = compact.codes;
    return (a, b) => {
      const x = codes[a] as string;
      const y = codes[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  if (column === 'status') {
    const statuses = compact.statuses;
    return (a, b) => (statuses[a] as number) - (statuses[b] as number);
  }
  const dates = compact[column];
  // Codes without a date (NaN) come last in ascending order.
  const when = (i: number): number => {
    const value = dates[i] as number;
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  return (a, b) => {
    const x = when(a);
    const y = when(b);
    return x === y ? 0 : x < y ? -1 : 1;
  };
}
