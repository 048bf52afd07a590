// The `Changes` sheet: the changed codes of a comparison, on a workbook being written (a workbook of
// changes alone, or an export that carries them beside its codes). Continues on `Changes (2)` and so on
// past Excel's row limit, like a program's sheets.
import type { ChangedCode } from '../../../app/codeChanges';
import { escapeSharedString, needsSharedString } from '../workbook/excelText';
import type { LocalClock } from '../workbook/localClock';
import { BOLD_STYLE, NO_STYLE, TEXT_STYLE, dateStyle, type StreamingBook } from '../workbook/streamingBook';
import {
  DATE_TIME_FORMAT,
  MAX_DATA_ROWS_PER_SHEET,
  STATUS_WORDS,
  type WorkbookLanguage,
} from '../workbook/workbookLayout';
import { CHANGES_SHEET, changesHeader } from './changesLayout';
import type { ChangedCodes } from './compareExports';

const DATE_STYLE = dateStyle(DATE_TIME_FORMAT);
const ROW_STYLES = [TEXT_STYLE, NO_STYLE, NO_STYLE, NO_STYLE, DATE_STYLE, DATE_STYLE, DATE_STYLE, DATE_STYLE];
const ROWS_PER_CHECK = 2_000;

export interface ChangesSheetContext {
  book: StreamingBook;
  clock: LocalClock;
  language: WorkbookLanguage;
  signal: AbortSignal;
  /** Called with the number of rows just written. */
  onRows?: (rows: number) => void;
  /** Tests lower this to see the sheet continue without writing a million rows. */
  rowsPerSheet?: number;
}

/** Writes the sheets and answers their names. */
export async function writeChangesSheets(
  changes: ChangedCodes,
  context: ChangesSheetContext,
): Promise<string[]> {
  const { book, clock, language, signal } = context;
  const rowsPerSheet = Math.min(context.rowsPerSheet ?? MAX_DATA_ROWS_PER_SHEET, MAX_DATA_ROWS_PER_SHEET);
  const header = changesHeader(language);
  const words = STATUS_WORDS[language];
  const date = (epochMs: number | null): number | null => (epochMs === null ? null : clock.serial(epochMs));
  const sheetCount = Math.max(1, Math.ceil(changes.length / rowsPerSheet));
  const names: string[] = [];
  let longestCode = header[0]?.length ?? 4;
  let longestProgram = header[1]?.length ?? 7;
  for (let i = 0; i < Math.min(changes.length, 10_000); i += 1) {
    const change = changes.at(i);
    longestCode = Math.max(longestCode, change.code.length);
    longestProgram = Math.max(longestProgram, change.program.length);
  }
  const widths = [
    Math.min(80, longestCode + 2),
    Math.min(60, longestProgram + 2),
    ...header.slice(2, 4).map((label) => label.length + 4),
    ...header.slice(4).map((label) => Math.max(DATE_TIME_FORMAT.length + 2, label.length + 2)),
  ];

  let index = 0;
  for (let sheetNumber = 1; sheetNumber <= sheetCount; sheetNumber += 1) {
    const name = sheetNumber === 1 ? CHANGES_SHEET : `${CHANGES_SHEET} (${sheetNumber})`;
    names.push(name);
    const rows = Math.min(rowsPerSheet, changes.length - index);
    const sheet = book.addSheet(name, {
      widths,
      columnStyles: ROW_STYLES,
      frozenHeader: true,
      autoFilter: `A1:H${rows + 1}`,
    });
    writeTextRow(
      book,
      sheet,
      1,
      header,
      header.map(() => BOLD_STYLE),
    );
    for (let row = 0; row < rows; row += 1, index += 1) {
      const change: ChangedCode = changes.at(index);
      writeTextRow(
        book,
        sheet,
        row + 2,
        [
          change.code,
          change.program,
          change.statusBefore === null ? null : words[change.statusBefore],
          change.statusAfter === null ? null : words[change.statusAfter],
          date(change.attached),
          date(change.activated),
          date(change.expireDate),
          typeof change.expired === 'number' ? date(change.expired) : null,
        ],
        ROW_STYLES,
      );
      if ((row + 1) % ROWS_PER_CHECK === 0) {
        context.onRows?.(ROWS_PER_CHECK);
        await book.waitForZip(sheet, signal);
      }
    }
    context.onRows?.(rows % ROWS_PER_CHECK);
    book.commitSheet(sheet);
  }
  return names;
}

/** A row whose texts survive byte for byte: the few at risk go through the shared-string table. */
function writeTextRow(
  book: StreamingBook,
  sheet: ReturnType<StreamingBook['addSheet']>,
  rowNumber: number,
  values: (string | number | null)[],
  styles: typeof ROW_STYLES,
): void {
  const shared = values.some((value) => typeof value === 'string' && needsSharedString(value));
  const written = shared
    ? values.map((value) => (typeof value === 'string' ? escapeSharedString(value) : value))
    : values;
  book.writeRow(sheet, rowNumber, written, styles, shared);
}
