// Exports loyalty programs' promo codes to one .xlsx in the fixed layout of issue 4, streamed sheet by
// sheet and saved atomically. Plain Node: it runs the same in the main process, a worker thread, the CLI
// and tests.

import type { CodeFilter, CodeStatus, StatusCounts } from '../../../app/promoCode';
import { saveAtomically, throwIfCancelled } from './atomicSave';
import { excelCalendar } from './excelCalendar';
import { createLocalClock } from './localClock';
import { writeProgramSheets } from './programSheets';
import { writeSummarySheet } from './summarySheet';
import { XlsxPackage } from './xlsxPackage';
import { planWorkbook, type ProgramCodes } from './workbookPlan';
import { MAX_DATA_ROWS_PER_SHEET, SUMMARY_SHEET, type WorkbookLanguage } from './workbookLayout';
import { writeChangesSheets } from '../review/changesSheet';
import type { ChangedCodes } from '../review/compareExports';

/** What the file's properties name as its maker. */
const APP_NAME = 'Promo Exporter';

export interface ExportProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export interface WorkbookRequest {
  target: string;
  /** The connection's host; anything more (a path, a query) is cut off before it is written. */
  host: string;
  programs: readonly ProgramCodes[];
  /** When given, only the codes it shows are exported; Summary says which filter it was. */
  filter: CodeFilter | null;
  /** Only these statuses are exported (the command line's --status); Summary names them. */
  statuses?: readonly CodeStatus[] | null;
  exportedAt: Date;
  /** IANA name, e.g. `Europe/Moscow`; dates are written as wall-clock time there. */
  timeZone: string;
  appVersion: string;
  language: WorkbookLanguage;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Tests lower this to see sheets split without writing a million rows. */
  rowsPerSheet?: number;
  /** A comparison's changed codes, written after the programs on a `Changes` sheet. */
  changes?: ChangedCodes;
}

export interface WrittenProgram {
  loyaltyId: number;
  sheetNames: string[];
  rows: number;
  counts: StatusCounts;
}

export interface WorkbookResult {
  path: string;
  sheets: WrittenProgram[];
  rows: number;
  /** The `Changes` sheets, when changes were asked for. */
  changesSheets?: string[];
}

export async function writeWorkbook(request: WorkbookRequest): Promise<WorkbookResult> {
  throwIfCancelled(request.signal);
  const clock = createLocalClock(request.timeZone);
  const rowsPerSheet = Math.min(request.rowsPerSheet ?? MAX_DATA_ROWS_PER_SHEET, MAX_DATA_ROWS_PER_SHEET);
  const calendar = excelCalendar(clock);
  const selection = { filter: request.filter, statuses: request.statuses ?? null };
  const programs = planWorkbook(request.programs, selection, rowsPerSheet, calendar);
  const rowsTotal = programs.reduce((sum, program) => sum + program.rows, 0) + (request.changes?.length ?? 0);
  let changesSheets: string[] | undefined;

  await saveAtomically(
    request.target,
    async (output, signal) => {
      const book = new XlsxPackage(output, {
        appName: APP_NAME,
        appVersion: request.appVersion,
        createdAt: request.exportedAt,
      });
      writeSummarySheet(book, { ...request, timeZone: clock.timeZone }, programs, calendar);
      let rowsWritten = 0;
      request.onProgress?.({ rowsWritten, rowsTotal });
      for (const program of programs) {
        await writeProgramSheets(program, {
          book,
          calendar,
          language: request.language,
          rowsPerSheet,
          signal,
          onRows: (rows) => {
            rowsWritten += rows;
            request.onProgress?.({ rowsWritten, rowsTotal });
          },
        });
      }
      if (request.changes !== undefined) {
        changesSheets = await writeChangesSheets(request.changes, {
          book,
          calendar,
          language: request.language,
          signal,
          taken: [SUMMARY_SHEET, ...programs.flatMap((program) => program.sheetNames)],
          rowsPerSheet,
          onRows: (rows) => {
            rowsWritten += rows;
            request.onProgress?.({ rowsWritten, rowsTotal });
          },
        });
      }
      await book.finish(signal);
    },
    request.signal,
  );

  return {
    path: request.target,
    sheets: programs.map(({ loyaltyId, sheetNames, rows, counts }) => ({
      loyaltyId,
      sheetNames,
      rows,
      counts,
    })),
    rows: rowsTotal - (request.changes?.length ?? 0),
    ...(changesSheets === undefined ? {} : { changesSheets }),
  };
}
