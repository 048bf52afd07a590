// Two exports compared program by program. Programs are matched by loyalty ID (which Summary says),
// else by name (the sheet's, when there is no Summary); a program only one side has counts as all
// added or all removed. The changed codes are then listed, a window at a time, from the positions
// the comparison found: nothing is copied.

import type { ChangeKind, ChangedCode, ProgramChanges } from '../../../app/codeChanges';
import { CODE_STATUSES, type CodeStatus } from '../../../app/promoCode';
import { promoCodeAt, type CompactCodes } from '../codes/compactCodes';
import { nameKey } from '../workbook/sheetNames';
import { compareCodes, NO_CODES, type CodeChanges } from './compareCodes';

/** A program as an export holds it. */
export interface ExportedCodes {
  loyaltyId: number | null;
  name: string;
  codes: CompactCodes;
}

export interface ComparedProgram {
  summary: ProgramChanges;
  before: CompactCodes | null;
  after: CompactCodes | null;
  changes: CodeChanges;
}

export function compareExports(
  before: readonly ExportedCodes[],
  after: readonly ExportedCodes[],
): ComparedProgram[] {
  const unmatched = new Set(before);
  const take = (found: ExportedCodes | undefined) => {
    if (found !== undefined) unmatched.delete(found);
    return found;
  };
  const pairs = after.map((program) => ({ program, earlier: undefined as ExportedCodes | undefined }));
  // IDs first, so a renamed program still meets its earlier self; then names for what is left.
  for (const pair of pairs) {
    const id = pair.program.loyaltyId;
    if (id !== null) pair.earlier = take([...unmatched].find((p) => p.loyaltyId === id));
  }
  for (const pair of pairs) {
    if (pair.earlier !== undefined) continue;
    const key = nameKey(pair.program.name);
    pair.earlier = take(
      [...unmatched].find(
        (p) =>
          nameKey(p.name) === key &&
          (p.loyaltyId === null || pair.program.loyaltyId === null || p.loyaltyId === pair.program.loyaltyId),
      ),
    );
  }
  return [
    ...pairs.map(({ program, earlier }) => comparedProgram(earlier ?? null, program)),
    ...[...unmatched].map((program) => comparedProgram(program, null)),
  ];
}

/** One program compared; either side may be missing. */
export function comparedProgram(before: ExportedCodes | null, after: ExportedCodes | null): ComparedProgram {
  const changes = compareCodes(before?.codes ?? NO_CODES, after?.codes ?? NO_CODES);
  const named = after ?? before;
  return {
    summary: {
      loyaltyId: after?.loyaltyId ?? before?.loyaltyId ?? null,
      name: named?.name ?? '',
      before: before?.codes.length ?? 0,
      after: after?.codes.length ?? 0,
      added: changes.added.length,
      removed: changes.removed.length,
      statusChanges: changes.statusChanges,
    },
    before: before?.codes ?? null,
    after: after?.codes ?? null,
    changes,
  };
}

/** The changed codes of compared programs, made one at a time when asked for. */
export interface ChangedCodes {
  readonly length: number;
  at(index: number): ChangedCode;
}

/** Which of the changes to list: a program (by its place in the comparison) and a kind, or all. */
export interface ChangeFilter {
  program: number | null;
  kind: ChangeKind | null;
}

/**
 * Each program's changes in the newer export's order (status changes and added codes as they stand
 * there), then the codes it no longer has.
 */
export function changedCodes(
  programs: readonly ComparedProgram[],
  filter: ChangeFilter = { program: null, kind: null },
): ChangedCodes {
  const parts = programs.flatMap((program, index) =>
    filter.program === null || filter.program === index ? [changeOrder(program, filter.kind)] : [],
  );
  const starts: number[] = [];
  let length = 0;
  for (const part of parts) {
    starts.push(length);
    length += part.kinds.length;
  }
  return {
    length,
    at(index) {
      let p = parts.length - 1;
      while (p > 0 && (starts[p] as number) > index) p -= 1;
      const part = parts[p];
      if (part === undefined || index < 0 || index >= length) throw new RangeError(`no change ${index}`);
      return part.at(index - (starts[p] as number));
    },
  };
}

const KIND_ADDED = 0;
const KIND_STATUS = 1;
const KIND_REMOVED = 2;
const KINDS: ChangeKind[] = ['added', 'status', 'removed'];

function changeOrder(program: ComparedProgram, kind: ChangeKind | null) {
  const { changes, summary } = program;
  const wanted = (k: number) => kind === null || KINDS[k] === kind;
  const kinds: number[] = [];
  const positions: number[] = [];
  const others: number[] = [];
  let a = 0;
  let s = 0;
  // Merge added and status-changed codes by their place in the newer export.
  while (a < changes.added.length || s < changes.changedAfter.length) {
    const nextAdded = changes.added[a] ?? Number.POSITIVE_INFINITY;
    const nextChanged = changes.changedAfter[s] ?? Number.POSITIVE_INFINITY;
    if (nextAdded < nextChanged) {
      if (wanted(KIND_ADDED)) {
        kinds.push(KIND_ADDED);
        positions.push(nextAdded);
        others.push(-1);
      }
      a += 1;
    } else {
      if (wanted(KIND_STATUS)) {
        kinds.push(KIND_STATUS);
        positions.push(nextChanged);
        others.push(changes.changedBefore[s] as number);
      }
      s += 1;
    }
  }
  if (wanted(KIND_REMOVED)) {
    for (const i of changes.removed) {
      kinds.push(KIND_REMOVED);
      positions.push(i);
      others.push(-1);
    }
  }
  const statusOfAt = (codes: CompactCodes | null, i: number): CodeStatus | null =>
    codes === null || i < 0 ? null : (CODE_STATUSES[codes.statuses[i] as number] as CodeStatus);
  return {
    kinds,
    at(index: number): ChangedCode {
      const k = kinds[index] as number;
      const position = positions[index] as number;
      const removed = k === KIND_REMOVED;
      const source = (removed ? program.before : program.after) as CompactCodes;
      const code = promoCodeAt(source, position);
      return {
        loyaltyId: summary.loyaltyId,
        program: summary.name,
        code: code.code,
        kind: KINDS[k] as ChangeKind,
        statusBefore: removed
          ? statusOfAt(program.before, position)
          : statusOfAt(program.before, others[index] as number),
        statusAfter: removed ? null : statusOfAt(program.after, position),
        attached: code.attached,
        activated: code.activated,
        expireDate: code.expireDate,
        expired: code.expired,
      };
    },
  };
}
