// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, no apostrophe at either end,
// unique ignoring case, and neither "Summary" (ours) nor "History" (reserved by Excel). A program too
// big for one sheet continues on `<name> (2)`, `<name> (3)`, ….

import { MAX_DATA_ROWS_PER_SHEET, MAX_SHEET_NAME_LENGTH, SUMMARY_SHEET } from './workbookLayout';

export interface SheetNameRequest {
  loyaltyId: number;
  name: string | null;
  rows: number;
}

const RESERVED = [SUMMARY_SHEET, 'History'];
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;

export function sheetCount(rows: number, rowsPerSheet = MAX_DATA_ROWS_PER_SHEET): number {
  return Math.max(1, Math.ceil(rows / rowsPerSheet));
}

/** The sheet names of each program, in order; `rowsPerSheet` is only lowered by tests. */
export function planSheetNames(
  programs: readonly SheetNameRequest[],
  rowsPerSheet = MAX_DATA_ROWS_PER_SHEET,
): string[][] {
  const taken = new Set(RESERVED.map(nameKey));
  return programs.map((program) => {
    const base = cleanName(program.name ?? '') || `Loyalty ${program.loyaltyId}`;
    const parts = sheetCount(program.rows, rowsPerSheet);
    for (let attempt = 0; ; attempt += 1) {
      // Clashes (two programs with one name) get the loyalty ID, then a counter, as a tag.
      const tag =
        attempt === 0 ? '' : attempt === 1 ? ` #${program.loyaltyId}` : ` #${program.loyaltyId}-${attempt}`;
      const names = Array.from({ length: parts }, (_, index) =>
        fitName(base, tag + (index === 0 ? '' : ` (${index + 1})`)),
      );
      const keys = names.map(nameKey);
      if (new Set(keys).size === keys.length && keys.every((key) => !taken.has(key))) {
        for (const key of keys) taken.add(key);
        return names;
      }
    }
  });
}

/** A user's program name made acceptable to Excel, or '' when nothing usable is left. */
export function cleanName(name: string): string {
  return trimEnds(name.replace(FORBIDDEN, '_'));
}

function fitName(base: string, suffix: string): string {
  const room = MAX_SHEET_NAME_LENGTH - suffix.length;
  let cut = base.slice(0, Math.max(0, room));
  // Never leave half of a surrogate pair (an emoji, say) at the cut.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return trimEnds(cut) + suffix;
}

function trimEnds(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, '');
}

/** Excel compares sheet names ignoring case. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}
