// Writes one loyalty program's codes: the header, then one row per code, continuing on the next planned
// sheet whenever a sheet is full. This is the loop that runs a million times, so it allocates little.

import { statusOf, type PromoCode } from '../../../app/promoCode';
import { escapeSharedString, needsSharedString } from './excelText';
import type { LocalClock } from './localClock';
import { BOLD_STYLE, NO_STYLE, TEXT_STYLE, dateStyle, type StreamingBook } from './streamingBook';
import type { PlannedProgram } from './workbookPlan';
import { DATE_TIME_FORMAT, STATUS_WORDS, headerRow, type WorkbookLanguage } from './workbookLayout';

/** How often the loop checks for cancel, waits for the zip and reports progress. */
const ROWS_PER_CHECK = 2_000;
/** Rows rendered into one string before it goes to the sheet's stream. */
const ROWS_PER_WRITE = 200;
const PROGRESS_EVERY = 20_000;
const DATE_WIDTH = DATE_TIME_FORMAT.length + 2;

const DATE_STYLE = dateStyle(DATE_TIME_FORMAT);
const ROW_STYLES = [TEXT_STYLE, NO_STYLE, DATE_STYLE, DATE_STYLE, DATE_STYLE, DATE_STYLE];
const HEADER_STYLES = ROW_STYLES.map(() => BOLD_STYLE);

export interface ProgramSheetsContext {
  book: StreamingBook;
  clock: LocalClock;
  language: WorkbookLanguage;
  rowsPerSheet: number;
  signal: AbortSignal;
  /** Called with the number of rows just written. */
  onRows: (rows: number) => void;
}

export async function writeProgramSheets(
  program: PlannedProgram,
  context: ProgramSheetsContext,
): Promise<void> {
  const { book, clock, language, rowsPerSheet, signal } = context;
  const header = headerRow(language);
  const statusWords = STATUS_WORDS[language];
  const widths = [
    Math.min(80, Math.max(program.longestCode, header[0]?.length ?? 0) + 2),
    Math.max(...Object.values(statusWords).map((word) => word.length), header[1]?.length ?? 0) + 2,
    ...header.slice(2).map((label) => Math.max(DATE_WIDTH, label.length + 2)),
  ];
  const values: (string | number | null)[] = [null, null, null, null, null, null];
  const date = (epochMs: number | null): number | null => (epochMs === null ? null : clock.serial(epochMs));

  const styleIds = ROW_STYLES.map((style, column) => book.styleId(style, column < 2 ? 'string' : 'number'));

  let position = 0;
  for (const sheetName of program.sheetNames) {
    const rows = Math.min(rowsPerSheet, program.rows - position);
    const sheet = book.addSheet(sheetName, {
      widths,
      columnStyles: ROW_STYLES,
      frozenHeader: true,
      autoFilter: `A1:F${rows + 1}`,
    });
    book.writeRow(sheet, 1, header, HEADER_STYLES, header.some(needsSharedString));

    let xml = '';
    let xmlRows = 0;
    const flush = (lastRowNumber: number) => {
      if (xmlRows === 0) return;
      book.writeRowsXml(sheet, lastRowNumber, xml);
      xml = '';
      xmlRows = 0;
    };
    for (let index = 0; index < rows; index += 1) {
      const code: PromoCode = program.codeAt(position + index);
      const rowNumber = index + 2;
      values[0] = code.code;
      values[1] = statusWords[statusOf(code)];
      values[2] = date(code.attached);
      values[3] = date(code.activated);
      values[4] = date(code.expireDate);
      values[5] = typeof code.expired === 'number' ? clock.serial(code.expired) : null;
      if (needsSharedString(code.code)) {
        // The rare code at risk goes through exceljs's own row, to the shared-string table.
        flush(rowNumber - 1);
        values[0] = escapeSharedString(code.code);
        book.writeRow(sheet, rowNumber, values, ROW_STYLES, true);
      } else {
        xml += rowXml(rowNumber, values, styleIds);
        xmlRows += 1;
        if (xmlRows === ROWS_PER_WRITE) flush(rowNumber);
      }

      if ((index + 1) % ROWS_PER_CHECK === 0) {
        flush(rowNumber);
        if ((index + 1) % PROGRESS_EVERY === 0) context.onRows(PROGRESS_EVERY);
        await book.waitForZip(sheet, signal);
      }
    }
    flush(rows + 1);
    context.onRows(rows % PROGRESS_EVERY);
    book.commitSheet(sheet);
    position += rows;
  }
}

const COLUMN_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const XML_SPECIAL = /[&<>"']/;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * One row as exceljs's RowXform and CellXform render it (4.4.0): strings inline as `t="str"`, numbers
 * as they print, cells without a value left out, `spans` over the cells present. Only for strings that
 * need no shared-string table (see excelText.ts), so XML's five special characters are all to escape.
 */
export function rowXml(
  rowNumber: number,
  values: readonly (string | number | null)[],
  styleIds: readonly number[],
): string {
  let cells = '';
  let last = 0;
  for (let column = 0; column < values.length; column += 1) {
    const value = values[column];
    if (value === null || value === undefined) continue;
    last = column + 1;
    const style = styleIds[column] ? ` s="${styleIds[column]}"` : '';
    const ref = `${COLUMN_LETTERS[column]}${rowNumber}`;
    cells +=
      typeof value === 'number'
        ? `<c r="${ref}"${style}><v>${value}</v></c>`
        : `<c r="${ref}"${style} t="str"><v>${XML_SPECIAL.test(value) ? value.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string) : value}</v></c>`;
  }
  return `<row r="${rowNumber}" spans="1:${last}" x14ac:dyDescent="0.25">${cells}</row>`;
}
