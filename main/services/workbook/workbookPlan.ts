// Everything known before the first byte is written: which codes each program exports (all, or those
// the filter shows), their counts per status, the longest code (for the column width), how many of their
// dates Excel cannot hold, and the sheet names. The Summary sheet comes first in the file, so it has to
// be worked out up front.

import {
  emptyCounts,
  isFiltered,
  matchesFilter,
  statusOf,
  type CodeFilter,
  type PromoCode,
  type StatusCounts,
} from '../../../app/promoCode';
import type { ExcelCalendar } from './excelCalendar';
import { planSheetNames } from './sheetNames';

/** Codes by position: an array, or a list that makes each code when asked, so a million need not exist at once. */
export interface CodeList {
  readonly length: number;
  at(index: number): PromoCode | undefined;
}

export interface ProgramCodes {
  loyaltyId: number;
  name: string | null;
  codes: CodeList;
}

export interface PlannedProgram {
  loyaltyId: number;
  name: string | null;
  rows: number;
  counts: StatusCounts;
  longestCode: number;
  /** Dates outside Excel's calendar (written as text); counted only when planned with a calendar. */
  datesAsText: number;
  sheetNames: string[];
  /** The i-th exported code; no copy of the codes is made, only an index list when filtered. */
  codeAt(index: number): PromoCode;
}

export function planWorkbook(
  programs: readonly ProgramCodes[],
  filter: CodeFilter | null,
  rowsPerSheet: number,
  calendar?: ExcelCalendar,
): PlannedProgram[] {
  const selected = programs.map((program) => selectCodes(program, filter, calendar));
  const names = planSheetNames(
    selected.map((program) => ({ loyaltyId: program.loyaltyId, name: program.name, rows: program.rows })),
    rowsPerSheet,
  );
  return selected.map((program, index) => ({ ...program, sheetNames: names[index] ?? [] }));
}

function selectCodes(
  program: ProgramCodes,
  filter: CodeFilter | null,
  calendar: ExcelCalendar | undefined,
): Omit<PlannedProgram, 'sheetNames'> {
  const { codes } = program;
  const counts = emptyCounts();
  let longestCode = 0;
  let datesAsText = 0;
  const outside = (epochMs: number | boolean | null): number =>
    typeof epochMs === 'number' && calendar !== undefined && !calendar.holds(epochMs) ? 1 : 0;
  const keep = !isFiltered(filter);
  const picked = keep ? null : new Uint32Array(codes.length);
  let rows = 0;
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes.at(index) as PromoCode;
    if (picked !== null) {
      if (!matchesFilter(code, filter as CodeFilter)) continue;
      picked[rows] = index;
    }
    rows += 1;
    counts[statusOf(code)] += 1;
    if (code.code.length > longestCode) longestCode = code.code.length;
    if (calendar !== undefined) {
      datesAsText +=
        outside(code.attached) + outside(code.activated) + outside(code.expireDate) + outside(code.expired);
    }
  }
  const codeAt =
    picked === null
      ? (index: number): PromoCode => codes.at(index) as PromoCode
      : (index: number): PromoCode => codes.at(picked[index] as number) as PromoCode;
  return { loyaltyId: program.loyaltyId, name: program.name, rows, counts, longestCode, datesAsText, codeAt };
}
