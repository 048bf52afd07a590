// Opens a workbook for offline review: one this app exported, or one a person edited and saved again in
// Excel or LibreOffice. Streams it with exceljs's reader (a file may hold a million rows; see
// workbookSheets.ts for how and why it is driven part by part), joins
// continuation sheets (`Spring (2)`) to their program, and maps sheets to loyalty IDs through Summary.
// Dates are read as wall-clock time in the zone Summary names (the one they were written in), unless
// the caller gives one; failing both, the computer's. Summary is the first sheet in what we write, and
// LibreOffice and Excel keep sheet order, so it is known before the first code is read.

import { AppError, isAppError } from '../../../app/appError';
import type { PromoCode } from '../../../app/promoCode';
import { NotAZipError } from './zipArchive';
import { createLocalClock, isTimeZone, machineTimeZone, type LocalClock } from './localClock';
import { codeText, instantOf, type CellValue } from './readCells';
import { SummaryCollector, programOfSheet, type SummaryProgram } from './readSummary';
import { nameKey } from './sheetNames';
import { NotAWorkbookError, workbookSheets, type WorkbookSheet } from './workbookSheets';
import { COLUMN_LABELS, STATUS_WORDS, SUMMARY_SHEET, type ColumnLabels } from './workbookLayout';

export interface ReadProgram {
  loyaltyId: number | null;
  name: string;
  codes: PromoCode[];
}

export interface ReadWorkbookOptions {
  /** IANA zone the dates' wall-clock times are read in; by default Summary's, else the computer's. */
  timeZone?: string;
  signal?: AbortSignal;
}

type Column = keyof ColumnLabels;
type HeaderColumns = Partial<Record<Column, number>> & { code: number };

interface ProgramBeingRead extends ReadProgram {
  firstSheet: string;
  listed: SummaryProgram | undefined;
}

const EXPIRED_WORDS = new Set(Object.values(STATUS_WORDS).map((words) => words.expired.toLowerCase()));
const CONTINUATION = /^(.*) \((\d+)\)$/;
const ID_IN_NAME = /(?:^Loyalty | #)(\d+)(?:-\d+)?$/;
const ROWS_PER_CHECK = 5_000;

export async function readWorkbook(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<{ programs: ReadProgram[] }> {
  const summary = new SummaryCollector();
  const programs: ProgramBeingRead[] = [];
  let clock: LocalClock | undefined;
  try {
    for await (const sheet of workbookSheets(path)) {
      if (options.signal?.aborted === true) throw cancelledError();
      if (nameKey(sheet.name) === nameKey(SUMMARY_SHEET)) {
        for await (const row of sheet) summary.addRow(row.values);
        continue;
      }
      clock ??= createLocalClock(chooseTimeZone(options.timeZone, summary.content.timeZone));
      await readProgramSheet(sheet, programs, summary, clock, options.signal);
    }
  } catch (error) {
    throw readFailure(path, error);
  }
  if (programs.length === 0) throw notAWorkbook('no sheet starts with the Code, Status, … header row');
  return { programs: programs.map(({ loyaltyId, name, codes }) => ({ loyaltyId, name, codes })) };
}

async function readProgramSheet(
  sheet: WorkbookSheet,
  programs: ProgramBeingRead[],
  summary: SummaryCollector,
  clock: LocalClock,
  signal: AbortSignal | undefined,
): Promise<void> {
  let columns: HeaderColumns | null = null;
  let program: ProgramBeingRead | undefined;
  let rowsRead = 0;
  for await (const row of sheet) {
    rowsRead += 1;
    if (rowsRead % ROWS_PER_CHECK === 0 && signal?.aborted === true) throw cancelledError();
    if (columns === null) {
      // Only the first row may be the header; a sheet without it is not one of ours (notes, say).
      columns = rowsRead === 1 ? headerColumns(row.values) : null;
      if (columns === null) return;
      program = programFor(sheet.name, programs, summary);
      continue;
    }
    const code = codeOf(row.values, columns, clock);
    if (code !== null) program?.codes.push(code);
  }
  if (signal?.aborted === true) throw cancelledError();
}

function codeOf(values: CellValue[], columns: HeaderColumns, clock: LocalClock): PromoCode | null {
  const at = (column: Column): CellValue => {
    const index = columns[column];
    return index === undefined ? undefined : values[index];
  };
  const codeCell = at('code');
  if (
    (codeCell === undefined || codeCell === null) &&
    values.every((value) => value === undefined || value === null)
  ) {
    return null;
  }
  const expiredDate = instantOf(at('expired'), clock);
  const status = codeText(at('status')).trim().toLowerCase();
  return {
    code: codeText(codeCell),
    attached: instantOf(at('attached'), clock),
    activated: instantOf(at('activated'), clock),
    expireDate: instantOf(at('expireDate'), clock),
    // The workbook leaves Expired empty for Altcraft's `true`; the status column still says so.
    expired: expiredDate ?? (EXPIRED_WORDS.has(status) ? true : null),
  };
}

function headerColumns(values: readonly CellValue[]): HeaderColumns | null {
  const found: Partial<Record<Column, number>> = {};
  values.forEach((value, index) => {
    const label = codeText(value).trim().toLowerCase();
    for (const labels of Object.values(COLUMN_LABELS)) {
      for (const [column, text] of Object.entries(labels) as [Column, string][]) {
        if (text.toLowerCase() === label && found[column] === undefined) found[column] = index;
      }
    }
  });
  return found.code === undefined ? null : { ...found, code: found.code };
}

function programFor(
  sheetName: string,
  programs: ProgramBeingRead[],
  summary: SummaryCollector,
): ProgramBeingRead {
  const listed = programOfSheet(summary.content, sheetName);
  let program =
    listed === undefined ? continuedProgram(sheetName, programs) : programs.find((p) => p.listed === listed);
  if (program === undefined) {
    const idInName = ID_IN_NAME.exec(sheetName)?.[1];
    program = {
      loyaltyId: listed?.loyaltyId ?? (idInName === undefined ? null : Number(idInName)),
      name: listed?.name || sheetName,
      codes: [],
      firstSheet: sheetName,
      listed,
    };
    programs.push(program);
  }
  return program;
}

/** `<name> (2)` continues the latest program whose first sheet starts with `<name>` (names may be cut to 31). */
function continuedProgram(
  sheetName: string,
  programs: readonly ProgramBeingRead[],
): ProgramBeingRead | undefined {
  const match = CONTINUATION.exec(sheetName);
  if (match === null || Number(match[2]) < 2) return undefined;
  const base = nameKey(match[1] ?? '');
  return programs.findLast(
    (program) => program.listed === undefined && nameKey(program.firstSheet).startsWith(base),
  );
}

function chooseTimeZone(given: string | undefined, fromSummary: string | null): string {
  if (given !== undefined) return given;
  if (fromSummary !== null && isTimeZone(fromSummary)) return fromSummary;
  return machineTimeZone();
}

function cancelledError(): AppError {
  return new AppError({ code: 'cancelled', message: 'Opening the workbook was cancelled.' });
}

function notAWorkbook(detail: string, cause?: unknown): AppError {
  return new AppError(
    {
      code: 'not-a-workbook',
      message:
        'This file is not a promo-code workbook. Open an .xlsx file exported by Promo Exporter (it may have been edited in Excel or LibreOffice).',
      detail,
    },
    { cause },
  );
}

function readFailure(path: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof NotAZipError) return notAWorkbook(`it is not a zip archive: ${error.message}`, error);
  if (error instanceof NotAWorkbookError) return notAWorkbook(error.message, error);
  const errno = (error as { code?: unknown } | null)?.code;
  const detail = `${path}: ${error instanceof Error ? error.message : String(error)}`;
  if (errno === 'ENOENT') {
    return new AppError({
      code: 'not-found',
      message: 'The file could not be found. It may have been moved or deleted.',
      detail,
    });
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    return new AppError({
      code: 'permission-denied',
      message: 'Promo Exporter is not allowed to open this file.',
      detail,
    });
  }
  if (errno === 'EISDIR') return notAWorkbook(`${path} is a folder`);
  // fs errors are E-codes; zlib's (Z_DATA_ERROR…) mean damaged contents, handled below.
  if (typeof errno === 'string' && errno.startsWith('E')) {
    return new AppError(
      { code: 'unexpected', message: 'The file could not be opened.', detail },
      { cause: error },
    );
  }
  // Anything exceljs or zlib stumbled over inside the file.
  return notAWorkbook(`it could not be read: ${detail}`, error);
}
