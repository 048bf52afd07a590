// A worksheet's XML around its rows, in the element order ECMA-376 prescribes (Excel refuses others).
// `<dimension>` comes first and so must be known before the first row: the plan knows every sheet's size.

import { columnName, escapeXml } from './cellXml';

export interface SheetLayout {
  /** Rows and columns the sheet uses, for `<dimension>`; at least 1 × 1. */
  rows: number;
  columns: number;
  /** Character widths, one per column from A. */
  widths: readonly number[];
  /** Each column's style for cells left empty (0: none). */
  columnStyles?: readonly number[];
  /** Keep row 1 in view while scrolling. */
  frozenHeader?: boolean;
  /** Filter buttons over rows 1… `rows` of every column. */
  autoFilter?: boolean;
}

const WORKSHEET_OPEN =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** `A1:F51`: the sheet's whole used range. */
export function usedRange(layout: Pick<SheetLayout, 'rows' | 'columns'>): string {
  const lastCell = `${columnName(Math.max(1, layout.columns) - 1)}${Math.max(1, layout.rows)}`;
  return lastCell === 'A1' ? 'A1' : `A1:${lastCell}`;
}

/** Everything before the first row, ending with `<sheetData>`. */
export function sheetHead(layout: SheetLayout, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const view =
    layout.frozenHeader === true
      ? `<sheetView${tab} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
      : `<sheetView${tab} workbookViewId="0"/>`;
  const cols = layout.widths
    .map((width, index) => {
      const style = layout.columnStyles?.[index] ?? 0;
      return `<col min="${index + 1}" max="${index + 1}" width="${width}"${style === 0 ? '' : ` style="${style}"`} customWidth="1"/>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    WORKSHEET_OPEN +
    `<dimension ref="${usedRange(layout)}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    '<sheetData>'
  );
}

/** Everything after the last row. */
export function sheetTail(layout: SheetLayout): string {
  const filter = layout.autoFilter === true ? `<autoFilter ref="${escapeXml(usedRange(layout))}"/>` : '';
  return (
    '</sheetData>' +
    filter +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}
