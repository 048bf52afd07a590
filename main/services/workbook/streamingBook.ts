// The few exceljs streaming-writer internals this app leans on, in one place (exceljs 4.4.0):
//
// Styles. exceljs's style manager (StylesXform.addStyleModel) remembers a style *object* in a WeakMap and
// otherwise serialises it to XML and looks that string up. Every Cell and Row it creates gets a fresh
// `{}` style (Cell merges row and column styles into a new object), so as commonly used every cell misses
// the WeakMap, is serialised, and is then added to the WeakMap. A --cpu-prof of 300,000 rows with date
// styles put addStyleModel (11%), _addStyle (4%), the style XML rendering under it (~15%) and GC (10%) at
// the top. Giving every row and cell one of a few shared, frozen style objects makes every lookup a
// WeakMap hit: 1,000,000 rows took 40.5 s as commonly written, 15.5 s so, and 14.1 s with no styles at
// all (on a busy 2-core machine). What remains is exceljs building each row's XML.
//
// Backpressure. Each sheet is a StreamBuf that archiver pipes into a PassThrough, but StreamBuf ignores
// the return value of write(), so a fast loop piles the whole sheet's XML up in memory. `waitForZip`
// waits for that PassThrough to drain whenever a few MB are queued.
//
// Shared strings. `useSharedStrings` may be switched per row (exceljs reads it when a row is committed),
// so only the strings that need it (see excelText.ts) go into the table.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

type Style = Partial<ExcelJS.Style>;

export const NO_STYLE: Style = Object.freeze({}) as Style;
export const TEXT_STYLE: Style = Object.freeze({ numFmt: '@' });
export const BOLD_STYLE: Style = Object.freeze({
  font: Object.freeze({ name: 'Calibri', size: 11, family: 2, bold: true }),
});

export function dateStyle(format: string): Style {
  return Object.freeze({ numFmt: format });
}

/** What exceljs's WorksheetWriter has beyond its published types. */
interface SheetInternals {
  useSharedStrings: boolean;
  stream: { pipes?: PipeTarget[] };
}

/** WorksheetWriter's row bookkeeping (lib/stream/xlsx/worksheet-writer.js). */
interface RowInternals {
  startedData: boolean;
  _rows: unknown[];
  _rowZero: number;
  stream: { write(text: string): void };
}

interface StyleManager {
  addStyleModel(style: Style, cellType: ExcelJS.ValueType): number;
}

interface PipeTarget extends NodeJS.EventEmitter {
  _writableState?: { length: number };
}

/** Pause production once this much sheet XML waits to be compressed. */
const QUEUED_BYTES_LIMIT = 4 * 1024 * 1024;

export type StreamingSheet = ExcelJS.Worksheet;

export interface SheetOptions {
  widths: readonly number[];
  columnStyles?: readonly Style[];
  frozenHeader?: boolean;
  /** e.g. `A1:F100` */
  autoFilter?: string;
}

export class StreamingBook {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private failure: unknown;

  constructor(output: Writable) {
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    // archiver reports its failures as events; keep them for the next check instead of crashing.
    const zip = (this.writer as unknown as { zip: NodeJS.EventEmitter }).zip;
    zip.on('error', (error: unknown) => {
      this.failure ??= error;
    });
  }

  addSheet(name: string, options: SheetOptions): StreamingSheet {
    const sheet = this.writer.addWorksheet(name, {
      views:
        options.frozenHeader === true ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }] : [],
      ...(options.autoFilter === undefined ? {} : { autoFilter: options.autoFilter }),
    });
    sheet.columns = options.widths.map((width, index) => {
      const style = options.columnStyles?.[index];
      return style === undefined || style === NO_STYLE ? { width } : { width, style };
    });
    return sheet;
  }

  /** Writes one row of values (null leaves the cell out) with one shared style per cell. */
  writeRow(
    sheet: StreamingSheet,
    rowNumber: number,
    values: readonly (string | number | null)[],
    styles: readonly Style[],
    sharedStrings = false,
  ): void {
    const row = sheet.getRow(rowNumber);
    (row as unknown as { style: Style }).style = NO_STYLE;
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const cell = row.getCell(index + 1);
      cell.value = value;
      cell.style = styles[index] ?? NO_STYLE;
    }
    const internals = sheet as unknown as SheetInternals;
    if (sharedStrings) internals.useSharedStrings = true;
    row.commit();
    if (sharedStrings) internals.useSharedStrings = false;
  }

  /** The style index exceljs gives a cell of this type with this shared style (it caches per object). */
  styleId(style: Style, type: 'string' | 'number'): number {
    const styles = (this.writer as unknown as { styles: StyleManager }).styles;
    return styles.addStyleModel(
      style,
      type === 'string' ? ExcelJS.ValueType.String : ExcelJS.ValueType.Number,
    );
  }

  /**
   * Appends rows already rendered as `<row>` XML, exactly as exceljs's row commit would write them, to
   * the sheet's stream, so a million rows skip exceljs's per-row Row, Cell and model objects (the
   * profile's top cost once styles were shared). At least one row (the header) must have gone through
   * writeRow first, so the sheet has opened its sheetData; writeRow may follow for later rows.
   */
  writeRowsXml(sheet: StreamingSheet, lastRowNumber: number, xml: string): void {
    const internals = sheet as unknown as RowInternals;
    if (!internals.startedData || internals._rows.length > 0) {
      throw new Error('writeRowsXml needs every earlier row committed through writeRow');
    }
    internals.stream.write(xml);
    internals._rowZero = lastRowNumber + 1;
  }

  /** Waits while the sheet's XML is queued faster than it is compressed; throws if the zip failed. */
  async waitForZip(sheet: StreamingSheet, signal: AbortSignal): Promise<void> {
    this.throwIfFailed(signal);
    const target = (sheet as unknown as SheetInternals).stream.pipes?.[0];
    const queued = target?._writableState?.length;
    if (target === undefined || queued === undefined || queued < QUEUED_BYTES_LIMIT) {
      // Yield to the event loop anyway, so a cancel (a message, in the code worker) is seen promptly.
      await new Promise((resolve) => setImmediate(resolve));
      this.throwIfFailed(signal);
      return;
    }
    await once(target, 'drain', { signal }).catch(() => undefined);
    this.throwIfFailed(signal);
  }

  commitSheet(sheet: StreamingSheet): void {
    sheet.commit();
  }

  async commit(signal: AbortSignal): Promise<void> {
    this.throwIfFailed(signal);
    await this.writer.commit();
    this.throwIfFailed(signal);
  }

  private throwIfFailed(signal: AbortSignal): void {
    if (signal.aborted) throw signal.reason;
    if (this.failure !== undefined) throw this.failure;
  }
}
