// Writes one loyalty program's codes: the header, then one row per code, continuing on the next planned
// sheet whenever a sheet is full. This is the loop that runs a million times, so it allocates little.

import { CODE_STATUSES, DATE_FIELDS } from '../../../app/promoCode';
import { codeTextAt, DATE_KIND } from '../codes/compactCodes';
import { rowXml, type CellValue } from './cellXml';
import { timestampText, type ExcelCalendar } from './excelCalendar';
import { STYLE } from './packageParts';
import type { XlsxPackage } from './xlsxPackage';
import type { PlannedProgram } from './workbookPlan';
import { DATE_TIME_FORMAT, STATUS_WORDS, headerRow, type WorkbookLanguage } from './workbookLayout';

/** How often the loop checks for cancel, waits for the zip and reports progress. */
const ROWS_PER_CHECK = 2_000;
/** Rows rendered into one string before it goes to the sheet's stream. */
const ROWS_PER_WRITE = 200;
const PROGRESS_EVERY = 20_000;
const DATE_WIDTH = DATE_TIME_FORMAT.length + 2;
const COLUMNS = 6;

const ROW_STYLES = [STYLE.text, STYLE.plain, STYLE.date, STYLE.date, STYLE.date, STYLE.date];
const HEADER_STYLES = ROW_STYLES.map(() => STYLE.bold);

export interface ProgramSheetsContext {
  book: XlsxPackage;
  calendar: ExcelCalendar;
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
  const { book, calendar, language, rowsPerSheet, signal } = context;
  const header = headerRow(language);
  const statusWords = STATUS_WORDS[language];
  const widths = [
    Math.min(80, Math.max(program.longestCode, header[0]?.length ?? 0) + 2),
    Math.max(...Object.values(statusWords).map((word) => word.length), header[1]?.length ?? 0) + 2,
    ...header.slice(2).map((label) => Math.max(DATE_WIDTH, label.length + 2)),
  ];
  const values: CellValue[] = [null, null, null, null, null, null];
  const styles = [...ROW_STYLES];
  const { compact, positions } = program;
  const { statuses, dateKinds, texts } = compact;
  const words = CODE_STATUSES.map((status) => statusWords[status]);
  const dates = DATE_FIELDS.map((field) => compact[field]);
  /**
   * A date cell; the timestamp as text when Excel has no such date, the value as Altcraft sent it when
   * it is not a date (the plan counted both); empty when not set or when it happened at an unknown time.
   */
  const date = (i: number, kinds: number, field: number): void => {
    const column = field + 2;
    const kind = (kinds >> (field * 2)) & 3;
    styles[column] = STYLE.date;
    if (kind === DATE_KIND.date) {
      const epochMs = (dates[field] as Float64Array)[i] as number;
      const serial = calendar.serial(epochMs);
      values[column] = serial ?? timestampText(epochMs);
      if (serial === null) styles[column] = STYLE.text;
    } else if (kind === DATE_KIND.text) {
      values[column] = texts.get(i * 4 + field) ?? '';
      styles[column] = STYLE.text;
    } else {
      values[column] = null;
    }
  };

  let position = 0;
  for (const sheetName of program.sheetNames) {
    const rows = Math.min(rowsPerSheet, program.rows - position);
    const sheet = book.addSheet(sheetName, {
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
    for (let index = 0; index < rows; index += 1) {
      const i = positions === null ? position + index : (positions[position + index] as number);
      const rowNumber = index + 2;
      values[0] = codeTextAt(compact, i);
      values[1] = book.strings.cell(words[statuses[i] as number] as string);
      const kinds = dateKinds[i] as number;
      date(i, kinds, 0);
      date(i, kinds, 1);
      date(i, kinds, 2);
      date(i, kinds, 3);
      xml += rowXml(rowNumber, values, styles);
      if ((index + 1) % ROWS_PER_WRITE === 0) {
        sheet.write(xml);
        xml = '';
      }
      if ((index + 1) % ROWS_PER_CHECK === 0) {
        if ((index + 1) % PROGRESS_EVERY === 0) context.onRows(PROGRESS_EVERY);
        await sheet.ready(signal);
      }
    }
    if (xml !== '') sheet.write(xml);
    context.onRows(rows % PROGRESS_EVERY);
    sheet.close();
    position += rows;
  }
}
