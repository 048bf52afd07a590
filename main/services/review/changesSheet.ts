// The `Changes` sheet: the changed codes of a comparison, on a workbook being written (a workbook of
// changes alone, or an export that carries them beside its codes). Continues on `Changes (2)` and so on
// past Excel's row limit, like a program's sheets.
import type { ChangedCode } from '../../../app/codeChanges';
import type { CodeDate } from '../../../app/promoCode';
import { rowXml, type CellValue } from '../workbook/cellXml';
import { timestampText, type ExcelCalendar } from '../workbook/excelCalendar';
import { STYLE } from '../workbook/packageParts';
import { nameKey } from '../workbook/sheetNames';
import type { XlsxPackage } from '../workbook/xlsxPackage';
import {
  DATE_TIME_FORMAT,
  MAX_DATA_ROWS_PER_SHEET,
  STATUS_WORDS,
  type WorkbookLanguage,
} from '../workbook/workbookLayout';
import { CHANGES_SHEET, changesHeader } from './changesLayout';
import type { ChangedCodes } from './compareExports';

const ROW_STYLES = [
  STYLE.text,
  STYLE.plain,
  STYLE.plain,
  STYLE.plain,
  STYLE.date,
  STYLE.date,
  STYLE.date,
  STYLE.date,
];
const HEADER_STYLES = ROW_STYLES.map(() => STYLE.bold);
const COLUMNS = ROW_STYLES.length;
const ROWS_PER_CHECK = 2_000;
const ROWS_PER_WRITE = 200;

export interface ChangesSheetContext {
  book: XlsxPackage;
  calendar: ExcelCalendar;
  language: WorkbookLanguage;
  signal: AbortSignal;
  /** Called with the number of rows just written. */
  onRows?: (rows: number) => void;
  /** Tests lower this to see the sheet continue without writing a million rows. */
  rowsPerSheet?: number;
  /** Sheet names the workbook already has: a program called "Changes" keeps its name. */
  taken?: readonly string[];
}

/** Writes the sheets and answers their names. */
export async function writeChangesSheets(
  changes: ChangedCodes,
  context: ChangesSheetContext,
): Promise<string[]> {
  const { book, calendar, language, signal } = context;
  const rowsPerSheet = Math.min(context.rowsPerSheet ?? MAX_DATA_ROWS_PER_SHEET, MAX_DATA_ROWS_PER_SHEET);
  const header = changesHeader(language);
  const words = STATUS_WORDS[language];
  const sheetCount = Math.max(1, Math.ceil(changes.length / rowsPerSheet));
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
  const values: CellValue[] = new Array<CellValue>(COLUMNS).fill(null);
  const styles = [...ROW_STYLES];
  /**
   * A date cell; the timestamp as text when Excel has no such date, a value that is not a date as
   * Altcraft sent it; empty when not set or when it happened at an unknown time.
   */
  const date = (column: number, value: CodeDate): void => {
    if (typeof value === 'string') {
      values[column] = value;
      styles[column] = STYLE.text;
      return;
    }
    const serial = typeof value === 'number' ? calendar.serial(value) : null;
    const asText = typeof value === 'number' && serial === null;
    values[column] = asText ? timestampText(value) : serial;
    styles[column] = asText ? STYLE.text : STYLE.date;
  };
  const word = (status: ChangedCode['statusBefore']): CellValue =>
    status === null ? null : book.strings.cell(words[status]);

  const taken = new Set((context.taken ?? []).map(nameKey));
  let suffix = 1;
  const freeName = (): string => {
    for (;;) {
      const name = suffix === 1 ? CHANGES_SHEET : `${CHANGES_SHEET} (${suffix})`;
      suffix += 1;
      if (!taken.has(nameKey(name))) return name;
    }
  };

  const names: string[] = [];
  let index = 0;
  for (let sheetNumber = 1; sheetNumber <= sheetCount; sheetNumber += 1) {
    const name = freeName();
    names.push(name);
    const rows = Math.min(rowsPerSheet, changes.length - index);
    const sheet = book.addSheet(name, {
      rows: rows + 1,
      columns: COLUMNS,
      widths,
      columnStyles: ROW_STYLES,
      frozenHeader: true,
      autoFilter: true,
    });
    sheet.write(
      rowXml(
        1,
        header.map((label) => book.strings.cell(label)),
        HEADER_STYLES,
      ),
    );
    let xml = '';
    for (let row = 0; row < rows; row += 1, index += 1) {
      const change = changes.at(index);
      values[0] = change.code;
      values[1] = change.program;
      values[2] = word(change.statusBefore);
      values[3] = word(change.statusAfter);
      date(4, change.attached);
      date(5, change.activated);
      date(6, change.expireDate);
      date(7, change.expired);
      xml += rowXml(row + 2, values, styles);
      if ((row + 1) % ROWS_PER_WRITE === 0) {
        sheet.write(xml);
        xml = '';
      }
      if ((row + 1) % ROWS_PER_CHECK === 0) {
        context.onRows?.(ROWS_PER_CHECK);
        await sheet.ready(signal);
      }
    }
    if (xml !== '') sheet.write(xml);
    context.onRows?.(rows % ROWS_PER_CHECK);
    sheet.close();
  }
  return names;
}
