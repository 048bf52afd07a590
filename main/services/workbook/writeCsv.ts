// Exports one loyalty program's codes as CSV, saved atomically like the workbook: UTF-8 with a byte-order
// mark (so Excel reads Cyrillic right), CRLF line ends and RFC 4180 quoting, with the workbook's columns,
// status words and `yyyy-mm-dd hh:mm:ss` local times. Fields are separated by a comma, a semicolon or a
// tab, as the person chose (see app/csvDelimiter.ts).
//
// CSV injection (OWASP "CSV Injection"): a spreadsheet opening the file runs a field it takes for a
// formula (csvFormulaGuard.ts says which codes). Such fields get a single quote `'` put in front and are
// wrapped in double quotes, as OWASP advises, so `=1+2` is written as `"'=1+2"`. This changes those codes
// in the file; the README says so. Only codes can start that way: labels, status words and dates cannot.

import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { CsvDelimiter } from '../../../app/csvDelimiter';
import { CODE_STATUSES, type CodeFilter, type CodeStatus, type StatusCounts } from '../../../app/promoCode';
import { codeTextAt, DATE_KIND } from '../codes/compactCodes';
import { saveAtomically, throwIfCancelled } from './atomicSave';
import { looksLikeFormula } from './csvFormulaGuard';
import { createLocalClock, type LocalClock } from './localClock';
import type { ExportProgress } from './writeWorkbook';
import { planWorkbook, type PlannedProgram, type ProgramCodes } from './workbookPlan';
import { STATUS_WORDS, headerRow, type WorkbookLanguage } from './workbookLayout';

export interface CsvRequest {
  target: string;
  program: ProgramCodes;
  filter: CodeFilter | null;
  /** Only these statuses are exported (the command line's --status). */
  statuses?: readonly CodeStatus[] | null;
  timeZone: string;
  language: WorkbookLanguage;
  /** Between fields; a comma unless chosen otherwise. */
  delimiter?: CsvDelimiter;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface CsvResult {
  path: string;
  rows: number;
  counts: StatusCounts;
}

const BOM = '\ufeff';
const CRLF = '\r\n';
const CHUNK_CHARS = 256 * 1024;
const PROGRESS_EVERY = 20_000;

export async function writeCsv(request: CsvRequest): Promise<CsvResult> {
  throwIfCancelled(request.signal);
  const clock = createLocalClock(request.timeZone);
  const selection = { filter: request.filter, statuses: request.statuses ?? null };
  const [program] = planWorkbook([request.program], selection, Number.MAX_SAFE_INTEGER);
  if (program === undefined) throw new Error('planWorkbook returned no program');
  await saveAtomically(
    request.target,
    (output, signal) => writeRows(output, program, clock, request, signal),
    request.signal,
  );
  return { path: request.target, rows: program.rows, counts: program.counts };
}

async function writeRows(
  output: Writable,
  program: PlannedProgram,
  clock: LocalClock,
  request: CsvRequest,
  signal: AbortSignal,
): Promise<void> {
  const words = CODE_STATUSES.map((status) => STATUS_WORDS[request.language][status]);
  const { compact, positions } = program;
  const { statuses, dateKinds, texts } = compact;
  const dates = [compact.attached, compact.activated, compact.expireDate, compact.expired];
  /** A local time; a value kept as text guarded like a code (it is text Altcraft sent); else empty. */
  const date = (i: number, kinds: number, field: number): string => {
    const kind = (kinds >> (field * 2)) & 3;
    if (kind === DATE_KIND.date) return clock.text((dates[field] as Float64Array)[i] as number);
    if (kind === DATE_KIND.text) return codeField(texts.get(i * 4 + field) ?? '');
    return '';
  };
  const to = request.delimiter ?? ',';
  let chunk = BOM + headerRow(request.language).map(csvField).join(to) + CRLF;
  request.onProgress?.({ rowsWritten: 0, rowsTotal: program.rows });

  for (let index = 0; index < program.rows; index += 1) {
    const i = positions === null ? index : (positions[index] as number);
    const kinds = dateKinds[i] as number;
    chunk += `${codeField(codeTextAt(compact, i))}${to}${words[statuses[i] as number]}${to}${date(i, kinds, 0)}${to}${date(i, kinds, 1)}${to}${date(i, kinds, 2)}${to}${date(i, kinds, 3)}${CRLF}`;
    if (chunk.length >= CHUNK_CHARS) {
      await write(output, chunk, signal);
      chunk = '';
    }
    if ((index + 1) % PROGRESS_EVERY === 0)
      request.onProgress?.({ rowsWritten: index + 1, rowsTotal: program.rows });
  }
  await write(output, chunk, signal);
  request.onProgress?.({ rowsWritten: program.rows, rowsTotal: program.rows });
  output.end();
}

async function write(output: Writable, text: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  if (!output.write(text, 'utf8')) await once(output, 'drain', { signal });
}

/** A code as a CSV field; OWASP: a leading `'` and quotes keep a spreadsheet from running it. */
export function codeField(code: string): string {
  return looksLikeFormula(code) ? quoted(`'${code}`) : csvField(code);
}

/**
 * RFC 4180: quote a field holding a quote, a line break or any of the separators (whichever was chosen,
 * so a file stays readable if opened with another), and, for Excel, edge spaces.
 */
export function csvField(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? quoted(value) : value;
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
