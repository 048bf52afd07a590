// Everything known before the first byte is written: which codes each program exports (all, or those
// the filter shows), their counts per status, the longest code (for the column width), how many of their
// dates Excel cannot hold, how many values are kept as text and where, and the sheet names. The Summary
// sheet comes first in the file, so it has to be worked out up front. Codes are read where they are held
// (the compact columns), never copied: a filtered export keeps only a list of positions.

import {
  CODE_STATUSES,
  DATE_FIELDS,
  emptyCounts,
  matchesFilter,
  type CodeFilter,
  type CodeStatus,
  type DateField,
  type PromoCode,
  type StatusCounts,
} from '../../../app/promoCode';
import { compactCodes, DATE_KIND, promoCodeAt, type CompactCodes } from '../codes/compactCodes';
import type { ExcelCalendar } from './excelCalendar';
import { planSheetNames } from './sheetNames';

/** Codes by position: an array, or a list that makes each code when asked (small programs, tests). */
export interface CodeList {
  readonly length: number;
  at(index: number): PromoCode | undefined;
}

/** Codes where the code worker holds them, with the positions the filter shows when it already knows them. */
export interface CompactList {
  readonly compact: CompactCodes;
  /** The codes the request's filter shows, in order, found with the worker's search index. */
  readonly filtered?: Uint32Array;
}

export interface ProgramCodes {
  loyaltyId: number;
  name: string | null;
  codes: CodeList | CompactList;
}

/** Which codes go out: those a filter shows, and of those the statuses chosen (the command line's --status). */
export interface Selection {
  filter: CodeFilter | null;
  statuses?: readonly CodeStatus[] | null;
}

/** Values kept as text in one date column: how many, and the cell of the first one (`'Spring'!D7`). */
export interface KeptAsText {
  field: DateField;
  count: number;
  firstRow: number;
  firstCell: string;
}

export interface PlannedProgram {
  loyaltyId: number;
  name: string | null;
  rows: number;
  counts: StatusCounts;
  longestCode: number;
  /** Dates outside Excel's calendar (written as text); counted only when planned with a calendar. */
  datesAsText: number;
  /** Values that are not dates, kept as text, per date column that has any. */
  keptAsText: KeptAsText[];
  sheetNames: string[];
  /** The codes, and which of them are exported in order (null: all). */
  compact: CompactCodes;
  positions: Uint32Array | null;
}

export function planWorkbook(
  programs: readonly ProgramCodes[],
  selection: Selection,
  rowsPerSheet: number,
  calendar?: ExcelCalendar,
): PlannedProgram[] {
  const selected = programs.map((program) => selectCodes(program, selection, calendar));
  const names = planSheetNames(
    selected.map((program) => ({ loyaltyId: program.loyaltyId, name: program.name, rows: program.rows })),
    rowsPerSheet,
  );
  return selected.map((program, index) => {
    const sheetNames = names[index] ?? [];
    const keptAsText = program.keptAsText.map((kept) => {
      const sheet = sheetNames[Math.floor(kept.firstRow / rowsPerSheet)] ?? '';
      const column = String.fromCharCode(0x43 + DATE_FIELDS.indexOf(kept.field)); // C, D, E, F
      const row = (kept.firstRow % rowsPerSheet) + 2;
      return { ...kept, firstCell: `'${sheet.replace(/'/g, "''")}'!${column}${row}` };
    });
    return { ...program, keptAsText, sheetNames };
  });
}

/** The exported code at `index` of a planned program, as a PromoCode (for writers that want objects). */
export function plannedCodeAt(program: PlannedProgram, index: number): PromoCode {
  return promoCodeAt(
    program.compact,
    program.positions === null ? index : (program.positions[index] as number),
  );
}

function compactOf(codes: CodeList | CompactList): CompactCodes {
  if ('compact' in codes) return codes.compact;
  return compactCodes(Array.from({ length: codes.length }, (_, index) => codes.at(index) as PromoCode));
}

function selectCodes(
  program: ProgramCodes,
  selection: Selection,
  calendar: ExcelCalendar | undefined,
): Omit<PlannedProgram, 'sheetNames'> {
  const compact = compactOf(program.codes);
  const filtered = 'compact' in program.codes ? program.codes.filtered : undefined;
  const positions =
    filtered === undefined ? chosenPositions(compact, selection) : keepStatuses(compact, filtered, selection);
  const rows = positions === null ? compact.length : positions.length;
  const byStatus = [0, 0, 0, 0];
  let longestBytes = 0;
  let datesAsText = 0;
  const textCounts = [0, 0, 0, 0];
  const textFirst = [-1, -1, -1, -1];
  const { statuses, dateKinds, codeStarts } = compact;
  const dates = DATE_FIELDS.map((field) => compact[field]);
  for (let row = 0; row < rows; row += 1) {
    const i = positions === null ? row : (positions[row] as number);
    const status = statuses[i] as number;
    byStatus[status] = (byStatus[status] as number) + 1;
    const bytes = (codeStarts[i + 1] as number) - (codeStarts[i] as number);
    if (bytes > longestBytes) longestBytes = bytes;
    const kinds = dateKinds[i] as number;
    if (kinds === 0) continue;
    for (let field = 0; field < 4; field += 1) {
      const kind = (kinds >> (field * 2)) & 3;
      if (kind === DATE_KIND.text) {
        if (textFirst[field] === -1) textFirst[field] = row;
        textCounts[field] = (textCounts[field] as number) + 1;
      } else if (kind === DATE_KIND.date && calendar !== undefined) {
        if (!calendar.holds((dates[field] as Float64Array)[i] as number)) datesAsText += 1;
      }
    }
  }
  const counts = emptyCounts();
  CODE_STATUSES.forEach((status, index) => (counts[status] = byStatus[index] ?? 0));
  const keptAsText = DATE_FIELDS.flatMap((field, index) =>
    (textCounts[index] as number) > 0
      ? [{ field, count: textCounts[index] as number, firstRow: textFirst[index] as number, firstCell: '' }]
      : [],
  );
  return {
    loyaltyId: program.loyaltyId,
    name: program.name,
    rows,
    counts,
    // Bytes, not characters: a width, where a few extra never matter.
    longestCode: longestBytes,
    datesAsText,
    keptAsText,
    compact,
    positions,
  };
}

/** The positions a selection keeps, in order; null when it keeps every code. */
function chosenPositions(compact: CompactCodes, selection: Selection): Uint32Array | null {
  const { filter } = selection;
  const statuses = selection.statuses ?? null;
  let allowed: Set<number> | null =
    statuses === null ? null : new Set(statuses.map((status) => CODE_STATUSES.indexOf(status)));
  if (filter?.status != null) {
    const only = CODE_STATUSES.indexOf(filter.status);
    allowed = allowed === null || allowed.has(only) ? new Set([only]) : new Set();
  }
  if (allowed !== null && allowed.size === CODE_STATUSES.length) allowed = null;
  const byStatusOnly = filter === null || onlyStatus(filter);
  if (allowed === null && byStatusOnly) return null;
  const n = compact.length;
  const picked = new Uint32Array(n);
  let rows = 0;
  for (let i = 0; i < n; i += 1) {
    if (allowed !== null && !allowed.has(compact.statuses[i] as number)) continue;
    if (!byStatusOnly && !matchesFilter(promoCodeAt(compact, i), filter as CodeFilter)) continue;
    picked[rows++] = i;
  }
  return picked.subarray(0, rows);
}

/** Positions already filtered, less the statuses not chosen. */
function keepStatuses(compact: CompactCodes, filtered: Uint32Array, selection: Selection): Uint32Array {
  const statuses = selection.statuses ?? null;
  if (statuses === null || statuses.length === CODE_STATUSES.length) return filtered;
  const allowed = new Set(statuses.map((status) => CODE_STATUSES.indexOf(status)));
  return filtered.filter((i) => allowed.has(compact.statuses[i] as number));
}

/** A filter that keeps codes by status alone (or keeps them all). */
function onlyStatus(filter: CodeFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) => key === 'status' || value === '' || value === null || value === undefined,
  );
}
