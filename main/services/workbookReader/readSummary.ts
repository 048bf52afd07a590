// Reads back what the Summary sheet says: when the codes were exported, the time zone the dates were
// written in, and which sheets hold which loyalty program (so `Spring (2)` joins `Spring`, and names
// map to IDs). Either language.

import { codeText, type CellValue } from './readCells';
import { nameKey } from '../workbook/sheetNames';
import { SUMMARY_LABELS, SUMMARY_SHEETS_FIRST_COLUMN } from '../workbook/workbookLayout';

export interface SummaryProgram {
  loyaltyId: number | null;
  name: string;
  sheetNames: string[];
}

export interface SummaryContent {
  /** The export time's cell, read once the time zone is known. */
  exportedAt: CellValue;
  timeZone: string | null;
  programs: SummaryProgram[];
}

const labelsOf = (pick: (labels: (typeof SUMMARY_LABELS)['en']) => string): Set<string> =>
  new Set(Object.values(SUMMARY_LABELS).map((labels) => pick(labels).toLowerCase()));

const EXPORTED_AT_LABELS = labelsOf((labels) => labels.exportedAt);
const TIME_ZONE_LABELS = labelsOf((labels) => labels.timeZone);
const LOYALTY_ID_LABELS = labelsOf((labels) => labels.loyaltyId);

/** Collects Summary rows as they stream by; `values` are by column number (index 1 = column A). */
export class SummaryCollector {
  private inTable = false;
  readonly content: SummaryContent = { exportedAt: null, timeZone: null, programs: [] };

  addRow(values: readonly CellValue[]): void {
    const first = codeText(values[1]).trim();
    if (!this.inTable) {
      const label = first.toLowerCase();
      if (TIME_ZONE_LABELS.has(label)) this.content.timeZone = codeText(values[2]).trim() || null;
      else if (EXPORTED_AT_LABELS.has(label)) this.content.exportedAt = values[2];
      else if (LOYALTY_ID_LABELS.has(label)) this.inTable = true;
      return;
    }
    const sheetNames: string[] = [];
    for (let column = SUMMARY_SHEETS_FIRST_COLUMN; column < values.length; column += 1) {
      const name = codeText(values[column]);
      if (name !== '') sheetNames.push(name);
    }
    if (first === '' && sheetNames.length === 0) return;
    const id = Number(first);
    this.content.programs.push({
      loyaltyId: first !== '' && Number.isSafeInteger(id) ? id : null,
      name: codeText(values[2]),
      sheetNames,
    });
  }
}

/** The Summary program a sheet belongs to, if Summary lists it. */
export function programOfSheet(summary: SummaryContent, sheetName: string): SummaryProgram | undefined {
  const key = nameKey(sheetName);
  return summary.programs.find((program) => program.sheetNames.some((name) => nameKey(name) === key));
}
