// What `export --json` prints on standard output: a stable, machine-readable account of the file
// written. Field names are part of the command line's contract (issue 5): add, never rename.
import type { CodeStatus, StatusCounts } from '../../app/promoCode';

export interface ExportSummary {
  file: string;
  format: 'xlsx' | 'csv';
  host: string;
  /** The saved connection's name, null with --base-url. */
  connection: string | null;
  /** Local time with its UTC offset, e.g. 2026-11-25T23:15:02+01:00. */
  exportedAt: string;
  timeZone: string;
  /** The statuses kept by --status, null when every code was exported. */
  statuses: CodeStatus[] | null;
  /** Every sheet of the workbook, Summary first; empty for CSV. */
  sheets: string[];
  programs: ProgramSummary[];
  /** Codes written, all programs together. */
  rows: number;
}

export interface ProgramSummary {
  loyaltyId: number;
  name: string | null;
  sheets: string[];
  /** Codes Altcraft sent. */
  fetched: number;
  /** Codes written (after --status). */
  rows: number;
  /** Of the codes written, how many have each status. */
  counts: StatusCounts;
}

/** ISO 8601 in the machine's time zone (TZ honoured), so a reader sees the wall-clock time of the run. */
export function localIsoTime(date: Date): string {
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}
