// Opens a workbook for offline review: one this app exported, or one a person edited and saved again in
// Excel or LibreOffice. The package is read part by part (zipPackage.ts) with every limit checked before
// memory is spent, the sheets streamed row by row (sheetRows.ts) into compact columns, continuation
// sheets (`Spring (2)`) joined to their program, and sheets mapped to loyalty IDs through Summary.
// Dates are read as wall-clock time in the zone Summary names (the one they were written in), unless
// the caller gives one; failing both, the computer's. Summary is read first, wherever it stands.

import { AppError, cancelledError, isAppError } from '../../../app/appError';
import type { PromoCode } from '../../../app/promoCode';
import { CompactCodesBuilder, type CompactCodes } from '../codes/compactCodes';
import { createLocalClock, isTimeZone, machineTimeZone, type LocalClock } from '../workbook/localClock';
import { nameKey } from '../workbook/sheetNames';
import { COLUMN_LABELS, STATUS_WORDS, SUMMARY_SHEET, type ColumnLabels } from '../workbook/workbookLayout';
import { changesHeader } from '../review/changesLayout';
import { readDateStyles } from './cellStyles';
import { codeText, instantOf, type CellValue } from './readCells';
import { SummaryCollector, programOfSheet, type SummaryProgram } from './readSummary';
import { readSharedStrings } from './sharedStrings';
import { readSheetRows, type SheetContext } from './sheetRows';
import { unreadable } from './unreadable';
import { findWorkbookParts, type SheetPart } from './workbookParts';
import { openZipPackage, type ZipPackage } from './zipPackage';

export interface ReadProgram {
  loyaltyId: number | null;
  name: string;
  codes: CompactCodes;
}

export interface ReadWorkbookResult {
  programs: ReadProgram[];
  /** When Summary says the codes were exported; null when it does not say. */
  exportedAt: number | null;
}

/** How far the reading is: bytes of the sheets (and shared strings) unpacked so far, of all of them. */
export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
}

export interface ReadWorkbookOptions {
  /** IANA zone the dates' wall-clock times are read in; by default Summary's, else the computer's. */
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

type Column = keyof ColumnLabels;
type HeaderColumns = Partial<Record<Column, number>> & { code: number };

interface ProgramBeingRead {
  loyaltyId: number | null;
  name: string;
  codes: CompactCodesBuilder;
  firstSheet: string;
  listed: SummaryProgram | undefined;
}

/** "Status before", in either language: only a `Changes` sheet has it. */
const CHANGES_ONLY_LABELS = new Set(
  (['en', 'ru'] as const).map((language) => (changesHeader(language)[2] ?? '').toLowerCase()),
);
const EXPIRED_WORDS = new Set(Object.values(STATUS_WORDS).map((words) => words.expired.toLowerCase()));
const CONTINUATION = /^(.*) \((\d+)\)$/;
const ID_IN_NAME = /(?:^Loyalty | #)(\d+)(?:-\d+)?$/;
/** Progress is reported about this many times over a whole workbook. */
const PROGRESS_STEPS = 200;

export async function readWorkbook(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<ReadWorkbookResult> {
  const { signal } = options;
  let zip: ZipPackage | undefined;
  try {
    signal?.throwIfAborted();
    zip = await openZipPackage(path);
    return await readPackage(zip, options);
  } catch (error) {
    throw readFailure(path, error, signal);
  } finally {
    zip?.close();
  }
}

async function readPackage(zip: ZipPackage, options: ReadWorkbookOptions): Promise<ReadWorkbookResult> {
  const { signal } = options;
  const parts = await findWorkbookParts(zip, signal);
  const { onBytes, bytesTotal } = progressCounter(zip, parts.sheets, parts.sharedStrings, options.onProgress);
  const reading = signal === undefined ? { onBytes } : { onBytes, signal };

  const context: SheetContext = {
    dateStyles: parts.styles === null ? [] : await readDateStyles(zip, parts.styles, signal),
    sharedStrings:
      parts.sharedStrings === null ? [] : await readSharedStrings(zip, parts.sharedStrings, reading),
    date1904: parts.date1904,
  };

  const summary = new SummaryCollector();
  const summarySheet = parts.sheets.find((sheet) => nameKey(sheet.name) === nameKey(SUMMARY_SHEET));
  if (summarySheet !== undefined) {
    await readSheetRows(
      await zip.text(summarySheet.part, reading),
      summarySheet,
      context,
      (values) => summary.addRow(values),
      signal,
    );
  }
  const clock = createLocalClock(chooseTimeZone(options.timeZone, summary.content.timeZone));

  const programs: ProgramBeingRead[] = [];
  for (const sheet of parts.sheets) {
    if (sheet === summarySheet) continue;
    await readProgramSheet(zip, sheet, { context, programs, summary, clock, reading });
  }
  if (programs.length === 0) {
    throw unreadable('no-code-column', 'no sheet starts with a header row that has a Code column');
  }
  options.onProgress?.({ bytesRead: bytesTotal, bytesTotal });
  return {
    programs: programs.map(({ loyaltyId, name, codes }) => ({ loyaltyId, name, codes: codes.finish() })),
    exportedAt: instantOf(summary.content.exportedAt, clock),
  };
}

interface SheetReading {
  context: SheetContext;
  programs: ProgramBeingRead[];
  summary: SummaryCollector;
  clock: LocalClock;
  reading: { onBytes: (bytes: number) => void; signal?: AbortSignal };
}

async function readProgramSheet(zip: ZipPackage, sheet: SheetPart, state: SheetReading): Promise<void> {
  let columns: HeaderColumns | null = null;
  let program: ProgramBeingRead | undefined;
  await readSheetRows(
    await zip.text(sheet.part, state.reading),
    sheet,
    state.context,
    (values) => {
      if (columns === null) {
        // Only the first row may be the header; a sheet without it is not one of ours (notes, say).
        columns = headerColumns(values);
        if (columns === null) return false;
        program = programFor(sheet.name, state.programs, state.summary);
        return true;
      }
      const code = codeOf(values, columns, state.clock);
      if (code !== null) program?.codes.push(code);
      return true;
    },
    state.reading.signal,
  );
}

function codeOf(values: CellValue[], columns: HeaderColumns, clock: LocalClock): PromoCode | null {
  const codeCell = values[columns.code];
  if ((codeCell === undefined || codeCell === null) && values.every((v) => v === undefined || v === null)) {
    return null;
  }
  // A date cell holding text that is no date is a value Altcraft sent that way: it reads back as that text.
  const dateOf = (column: number | undefined) => {
    const cell = cellAt(values, column);
    const instant = instantOf(cell, clock);
    return instant ?? (typeof cell === 'string' && cell.trim() !== '' ? ownCopy(cell) : null);
  };
  const expiredDate = dateOf(columns.expired);
  const status = codeText(cellAt(values, columns.status)).trim().toLowerCase();
  return {
    code: ownCopy(codeText(codeCell)),
    attached: dateOf(columns.attached),
    activated: dateOf(columns.activated),
    expireDate: dateOf(columns.expireDate),
    // The workbook leaves Expired empty for Altcraft's `true`; the status column still says so.
    expired: expiredDate ?? (EXPIRED_WORDS.has(status) ? true : null),
  };
}

function cellAt(values: readonly CellValue[], column: number | undefined): CellValue {
  return column === undefined ? undefined : values[column];
}

/**
 * The parser hands out text as slices of the chunk it came in; a kept slice would keep the whole
 * chunk alive, and a million of them the whole sheet. Slicing a joined string copies it first.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

function headerColumns(values: readonly CellValue[]): HeaderColumns | null {
  const found: Partial<Record<Column, number>> = {};
  let changesList = false;
  values.forEach((value, index) => {
    const label = codeText(value).trim().toLowerCase();
    if (CHANGES_ONLY_LABELS.has(label)) changesList = true;
    for (const labels of Object.values(COLUMN_LABELS)) {
      for (const [column, text] of Object.entries(labels) as [Column, string][]) {
        if (text.toLowerCase() === label && found[column] === undefined) found[column] = index;
      }
    }
  });
  // A list of changed codes (a `Changes` sheet) starts with Code too, but holds no program.
  return found.code === undefined || changesList ? null : { ...found, code: found.code };
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
      codes: new CompactCodesBuilder(),
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

/** Counts unpacked bytes of the parts that make up the reading, and reports them now and then. */
function progressCounter(
  zip: ZipPackage,
  sheets: readonly SheetPart[],
  sharedStrings: string | null,
  onProgress: ReadWorkbookOptions['onProgress'],
): { onBytes: (bytes: number) => void; bytesTotal: number } {
  const bytesTotal =
    sheets.reduce((sum, sheet) => sum + zip.declaredSize(sheet.part), 0) +
    (sharedStrings === null ? 0 : zip.declaredSize(sharedStrings));
  const step = Math.max(1, Math.floor(bytesTotal / PROGRESS_STEPS));
  let bytesRead = 0;
  let reported = 0;
  onProgress?.({ bytesRead: 0, bytesTotal });
  const onBytes = (bytes: number) => {
    bytesRead += bytes;
    if (bytesRead - reported < step) return;
    reported = bytesRead;
    onProgress?.({ bytesRead, bytesTotal });
  };
  return { onBytes, bytesTotal };
}

function readFailure(path: string, error: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted === true) return cancelledError('workbook-open');
  if (isAppError(error)) return error;
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
  if (errno === 'EISDIR') return unreadable('not-a-workbook', `${path} is a folder`);
  if (typeof errno === 'string' && errno.startsWith('E')) {
    return new AppError(
      { code: 'unexpected', message: 'The file could not be opened.', detail },
      { cause: error },
    );
  }
  // Anything else that stumbled inside the file.
  return unreadable('damaged', `it could not be read: ${detail}`, error);
}
