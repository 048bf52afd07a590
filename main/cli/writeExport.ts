// Writes what was fetched: one workbook (Summary, then a sheet per program) or one CSV file, with the
// app's own writers, which save atomically: a failure leaves no file, and a file already there intact.
// Loaded only once every program has been fetched: the spreadsheet library takes a while to load.
import type { CsvDelimiter } from '../../app/csvDelimiter';
import type { CodeFilter, CodeStatus, StatusCounts } from '../../app/promoCode';
import { writeCsv, writeWorkbook } from '../services/workbook';
import type { ExportProgress } from '../services/workbook';
import { UsageError } from './exitCodes';
import type { FetchedProgram } from './fetchPrograms';
import { aboutFile } from './outputTarget';
import type { Progress } from './progress';

export interface WriteRequest {
  target: string;
  csv: boolean;
  delimiter: CsvDelimiter;
  host: string;
  programs: readonly (FetchedProgram & { name: string | null })[];
  statuses: readonly CodeStatus[] | null;
  exportedAt: Date;
  timeZone: string;
  appVersion: string;
  signal: AbortSignal;
  progress: Progress;
}

export interface WrittenExport {
  /** Every sheet in the workbook, Summary first; empty for CSV. */
  sheets: string[];
  programs: { loyaltyId: number; sheets: string[]; rows: number; counts: StatusCounts }[];
}

export async function writeExport(request: WriteRequest): Promise<WrittenExport> {
  const { target, progress, signal } = request;
  const filter = workbookFilter(request.statuses);
  const programs = request.programs.map(({ loyaltyId, name, codes }) => ({
    loyaltyId,
    name,
    // The writers read the columns where they are; statuses not chosen are skipped as they write.
    codes: { compact: codes },
  }));
  const onProgress = ({ rowsWritten, rowsTotal }: ExportProgress) => {
    const percent = rowsTotal === 0 ? 100 : Math.floor((rowsWritten / rowsTotal) * 100);
    progress.show(
      `Writing ${target}: ${percent}% (${rowsWritten.toLocaleString('en')} of ${rowsTotal.toLocaleString('en')} codes)`,
    );
  };
  try {
    if (request.csv) {
      const [program] = programs;
      if (program === undefined) throw new UsageError('--csv needs one --loyalty-id.');
      const result = await writeCsv({
        target,
        program,
        filter,
        statuses: request.statuses,
        timeZone: request.timeZone,
        language: 'en',
        delimiter: request.delimiter,
        signal,
        onProgress,
      });
      return {
        sheets: [],
        programs: [{ loyaltyId: program.loyaltyId, sheets: [], rows: result.rows, counts: result.counts }],
      };
    }
    const result = await writeWorkbook({
      target,
      host: request.host,
      programs,
      filter,
      statuses: request.statuses,
      exportedAt: request.exportedAt,
      timeZone: request.timeZone,
      appVersion: request.appVersion,
      language: 'en',
      signal,
      onProgress,
    });
    return {
      sheets: ['Summary', ...result.sheets.flatMap((sheet) => sheet.sheetNames)],
      programs: result.sheets.map(({ loyaltyId, sheetNames, rows, counts }) => ({
        loyaltyId,
        sheets: sheetNames,
        rows,
        counts,
      })),
    };
  } catch (error) {
    throw aboutFile(error, target);
  } finally {
    progress.clear();
  }
}

/**
 * The writers' filter holds one status, so the Summary can name it. Several statuses go to the writers
 * as `statuses`; the Summary then names them (see the report on issue 5).
 */
function workbookFilter(statuses: readonly CodeStatus[] | null): CodeFilter | null {
  if (statuses === null || statuses.length !== 1) return null;
  return { status: statuses[0] ?? null, search: '' };
}
