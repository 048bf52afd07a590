// Saves the changed codes of a comparison on their own: a workbook with the `Changes` sheet, or a CSV
// file with the same columns (and the same formula guard as every CSV the app writes). Saved atomically:
// a failure or a cancel leaves no file, and a file already there as it was.
import type { CodeDate } from '../../../app/promoCode';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { saveAtomically, throwIfCancelled } from '../workbook/atomicSave';
import { excelCalendar } from '../workbook/excelCalendar';
import { createLocalClock } from '../workbook/localClock';
import { codeField, csvField } from '../workbook/writeCsv';
import { XlsxPackage } from '../workbook/xlsxPackage';
import type { ExportProgress } from '../workbook/writeWorkbook';
import { STATUS_WORDS, type WorkbookLanguage } from '../workbook/workbookLayout';
import { changesHeader } from './changesLayout';
import { writeChangesSheets } from './changesSheet';
import type { ChangedCodes } from './compareExports';

export interface ChangesFileRequest {
  target: string;
  format: 'xlsx' | 'csv';
  changes: ChangedCodes;
  /** IANA name; dates are written as wall-clock time there. */
  timeZone: string;
  language: WorkbookLanguage;
  /** For the file's properties: which version of the app wrote it. */
  appVersion?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ChangesFileResult {
  path: string;
  rows: number;
  sheetNames: string[];
}

const CRLF = '\r\n';
const CHUNK_CHARS = 256 * 1024;

export async function writeChangesFile(request: ChangesFileRequest): Promise<ChangesFileResult> {
  throwIfCancelled(request.signal);
  const clock = createLocalClock(request.timeZone);
  const rowsTotal = request.changes.length;
  let rowsWritten = 0;
  const onRows = (rows: number) => {
    rowsWritten += rows;
    request.onProgress?.({ rowsWritten, rowsTotal });
  };
  request.onProgress?.({ rowsWritten, rowsTotal });
  const sheetNames = await saveAtomically(
    request.target,
    async (output, signal) => {
      if (request.format === 'csv') {
        await writeCsvRows(output, request, clock.text, signal, onRows);
        return [];
      }
      const book = new XlsxPackage(output, {
        appName: 'Promo Exporter',
        appVersion: request.appVersion ?? '',
        createdAt: new Date(),
      });
      const names = await writeChangesSheets(request.changes, {
        book,
        calendar: excelCalendar(clock),
        language: request.language,
        signal,
        onRows,
      });
      await book.finish(signal);
      return names;
    },
    request.signal,
  );
  return { path: request.target, rows: rowsTotal, sheetNames };
}

async function writeCsvRows(
  output: Writable,
  request: ChangesFileRequest,
  dateText: (epochMs: number) => string,
  signal: AbortSignal,
  onRows: (rows: number) => void,
): Promise<void> {
  const words = STATUS_WORDS[request.language];
  // A value that is not a date goes out as Altcraft sent it, guarded like a code (it is Altcraft's text).
  const date = (value: CodeDate): string =>
    typeof value === 'number' ? dateText(value) : typeof value === 'string' ? codeField(value) : '';
  let chunk = `\ufeff${changesHeader(request.language).map(csvField).join(',')}${CRLF}`;
  let pending = 0;
  for (let index = 0; index < request.changes.length; index += 1) {
    const change = request.changes.at(index);
    chunk += [
      codeField(change.code),
      codeField(change.program),
      change.statusBefore === null ? '' : words[change.statusBefore],
      change.statusAfter === null ? '' : words[change.statusAfter],
      date(change.attached),
      date(change.activated),
      date(change.expireDate),
      date(change.expired),
    ].join(',');
    chunk += CRLF;
    pending += 1;
    if (chunk.length >= CHUNK_CHARS) {
      await write(output, chunk, signal);
      onRows(pending);
      chunk = '';
      pending = 0;
    }
  }
  await write(output, chunk, signal);
  onRows(pending);
  output.end();
}

async function write(output: Writable, text: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  if (!output.write(text, 'utf8')) await once(output, 'drain', { signal });
}
