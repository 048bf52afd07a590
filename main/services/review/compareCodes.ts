// One program's codes compared, before and after: which codes are new, which are gone, and which
// changed status. Codes are matched by their text exactly; a code listed twice on one side is matched
// occurrence by occurrence, so counts always add up (before − removed + added = after).

import type { StatusChange } from '../../../app/codeChanges';
import { CODE_STATUSES, emptyCounts, type StatusCounts } from '../../../app/promoCode';

/** What comparing needs of a set of codes: their texts and statuses (CompactCodes and snapshots both fit). */
export interface CodeStates {
  readonly length: number;
  /** Code i as text. */
  codeAt(i: number): string;
  /** Each code's status as an index into CODE_STATUSES. */
  readonly statuses: Uint8Array;
}

export interface CodeChanges {
  /** Positions in `after` of the codes that are new there, in order. */
  added: Uint32Array;
  /** Positions in `before` of the codes that are gone, in order. */
  removed: Uint32Array;
  /** Positions (after, and the same code's before) of codes whose status changed, in `after`'s order. */
  changedAfter: Uint32Array;
  changedBefore: Uint32Array;
  statusChanges: StatusChange[];
  /** Per status, how many codes have it after and did not before: changed to it, or new with it. */
  reached: StatusCounts;
}

const NONE = 0xffffffff;

export function compareCodes(before: CodeStates, after: CodeStates): CodeChanges {
  const first = new Map<string, number>();
  // Later occurrences of a code, only for codes listed more than once (rare: kept out of the way).
  let repeats: Map<string, number[]> | null = null;
  for (let i = 0; i < before.length; i += 1) {
    const code = before.codeAt(i);
    if (!first.has(code)) first.set(code, i);
    else {
      repeats ??= new Map();
      const more = repeats.get(code);
      if (more === undefined) repeats.set(code, [i]);
      else more.push(i);
    }
  }

  const matchOf = new Uint32Array(after.length).fill(NONE);
  const matched = new Uint8Array(before.length);
  for (let j = 0; j < after.length; j += 1) {
    const code = after.codeAt(j);
    const i = first.get(code);
    if (i === undefined) continue;
    matchOf[j] = i;
    matched[i] = 1;
    const next = repeats?.get(code)?.shift();
    if (next === undefined) first.delete(code);
    else first.set(code, next);
  }

  const transitions = new Uint32Array(CODE_STATUSES.length * CODE_STATUSES.length);
  const reached = emptyCounts();
  const added: number[] = [];
  const changedAfter: number[] = [];
  const changedBefore: number[] = [];
  for (let j = 0; j < after.length; j += 1) {
    const to = after.statuses[j] as number;
    const i = matchOf[j] as number;
    if (i === NONE) {
      added.push(j);
      reached[CODE_STATUSES[to] as keyof StatusCounts] += 1;
      continue;
    }
    const from = before.statuses[i] as number;
    if (from === to) continue;
    changedAfter.push(j);
    changedBefore.push(i);
    transitions[from * CODE_STATUSES.length + to] =
      (transitions[from * CODE_STATUSES.length + to] as number) + 1;
    reached[CODE_STATUSES[to] as keyof StatusCounts] += 1;
  }
  const removed: number[] = [];
  for (let i = 0; i < before.length; i += 1) if (matched[i] === 0) removed.push(i);

  const statusChanges: StatusChange[] = [];
  CODE_STATUSES.forEach((from, f) =>
    CODE_STATUSES.forEach((to, t) => {
      const count = transitions[f * CODE_STATUSES.length + t] as number;
      if (count > 0) statusChanges.push({ from, to, count });
    }),
  );
  return {
    added: Uint32Array.from(added),
    removed: Uint32Array.from(removed),
    changedAfter: Uint32Array.from(changedAfter),
    changedBefore: Uint32Array.from(changedBefore),
    statusChanges,
    reached,
  };
}

/** No codes at all: one side of a program only one export has. */
export const NO_CODES: CodeStates = { length: 0, codeAt: () => '', statuses: new Uint8Array(0) };
