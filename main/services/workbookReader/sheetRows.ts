// A worksheet's rows, streamed: each row's cells as values, by column number (1 = A), handed to the
// caller as the row closes, so a million rows never exist at once. Cells are read as the spreadsheet
// meant them: shared and inline strings as text, numbers in a date style as dates, the rest as numbers,
// booleans or error words. Rows and columns past Excel's own limits are refused as they appear.

import type { Readable } from 'node:stream';
import { serialToWall } from '../workbook/excelCalendar';
import { decodeExcelText } from './readCells';
import type { CellValue } from './readCells';
import { READ_LIMITS } from './readLimits';
import { unreadable } from './unreadable';
import type { SheetPart } from './workbookParts';
import { parseXmlPart } from './xmlPart';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Answers false to stop reading the sheet (the rest of it is then not unpacked). */
export type RowHandler = (values: CellValue[], rowNumber: number) => boolean | void;

/** Days between the 1900 and 1904 date systems. */
const DAYS_1904 = 1462;
const A = 65;
const Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;

class StopReading extends Error {}

export async function readSheetRows(
  source: Readable,
  sheet: SheetPart,
  context: SheetContext,
  onRow: RowHandler,
  signal?: AbortSignal,
): Promise<void> {
  const { sharedStrings, dateStyles } = context;
  const dayShift = context.date1904 ? DAYS_1904 : 0;
  let rows = 0;
  let rowNumber = 0;
  let values: CellValue[] = [];
  let column = 0;
  let type = 'n';
  let style = 0;
  let capturing = false;
  let inline = false;
  let phonetic = 0;
  let text = '';

  const refuse = (what: string) =>
    unreadable('over-limit', `sheet "${sheet.name}" (${sheet.part}) has ${what}`);

  const cellValue = (): CellValue => {
    switch (type) {
      case 's': {
        const value = sharedStrings[Number(text)];
        if (value === undefined) {
          throw unreadable(
            'damaged',
            `sheet "${sheet.name}" refers to shared string ${text}, which is missing`,
          );
        }
        return value;
      }
      case 'str':
      case 'inlineStr':
        return decodeExcelText(text);
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
      case 'd':
        return text;
      default: {
        if (text === '') return null;
        const number = Number(text);
        if (Number.isNaN(number)) return text;
        return dateStyles[style] === true ? new Date(serialToWall(number + dayShift)) : number;
      }
    }
  };

  try {
    await parseXmlPart(
      source,
      sheet.part,
      {
        open(name, attributes) {
          switch (name) {
            case 'row': {
              rows += 1;
              const given = attributes.r;
              rowNumber = given === undefined ? rowNumber + 1 : Number(given);
              if (rows > READ_LIMITS.rowsPerSheet || !(rowNumber <= READ_LIMITS.rowsPerSheet)) {
                throw refuse(`more than ${READ_LIMITS.rowsPerSheet} rows`);
              }
              values = [];
              column = 0;
              return;
            }
            case 'c': {
              const ref = attributes.r;
              column = ref === undefined ? column + 1 : columnOf(ref);
              if (column > READ_LIMITS.columns || column < 1) {
                throw refuse(`a cell beyond column ${READ_LIMITS.columns}`);
              }
              type = attributes.t ?? 'n';
              style = attributes.s === undefined ? 0 : Number(attributes.s);
              text = '';
              inline = false;
              phonetic = 0;
              return;
            }
            case 'v':
              capturing = true;
              return;
            case 'is':
              inline = true;
              return;
            case 'rPh':
              phonetic += 1;
              return;
            case 't':
              capturing = inline && phonetic === 0;
              return;
          }
        },
        text(chunk) {
          if (!capturing) return;
          text += chunk;
          if (text.length > READ_LIMITS.cellChars) {
            throw refuse(`a cell longer than ${READ_LIMITS.cellChars} characters`);
          }
        },
        close(name) {
          switch (name) {
            case 'v':
            case 't':
              capturing = false;
              return;
            case 'rPh':
              phonetic -= 1;
              return;
            case 'c':
              values[column] = cellValue();
              return;
            case 'row':
              if (onRow(values, rowNumber) === false) throw new StopReading();
              return;
          }
        },
      },
      signal,
    );
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
    source.destroy();
  }
}

/** The column number of a cell reference: `C12` → 3, `AA7` → 27. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= A && c <= Z) column = column * 26 + (c - A + 1);
    else if (c >= LOWER_A && c <= LOWER_Z) column = column * 26 + (c - LOWER_A + 1);
    else break;
    if (column > READ_LIMITS.columns) return column;
  }
  return column;
}
