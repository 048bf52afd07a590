// The Summary sheet: where the codes came from (host only, never the token), when, in which time zone,
// by which app version, with which filter, and per program its ID, name, counts and sheet names. The
// reader uses the program table to map sheet names back to loyalty IDs.

import { CODE_STATUSES, type CodeFilter, type CodeStatus } from '../../../app/promoCode';
import { escapeSharedString, needsSharedString } from './excelText';
import type { LocalClock } from './localClock';
import { BOLD_STYLE, NO_STYLE, dateStyle, type StreamingBook } from './streamingBook';
import type { PlannedProgram } from './workbookPlan';
import {
  DATE_TIME_FORMAT,
  STATUS_WORDS,
  SUMMARY_LABELS,
  SUMMARY_SHEET,
  type WorkbookLanguage,
} from './workbookLayout';

export interface SummaryFacts {
  host: string;
  exportedAt: Date;
  timeZone: string;
  appVersion: string;
  filter: CodeFilter | null;
  /** Statuses kept when several were chosen (the command line's --status); Summary names them. */
  statuses?: readonly CodeStatus[] | null;
  language: WorkbookLanguage;
}

const DATE_STYLE = dateStyle(DATE_TIME_FORMAT);

export function writeSummarySheet(
  book: StreamingBook,
  facts: SummaryFacts,
  programs: readonly PlannedProgram[],
  clock: LocalClock,
): void {
  const labels = SUMMARY_LABELS[facts.language];
  const statusWords = STATUS_WORDS[facts.language];
  const longestName = Math.max(0, ...programs.map((program) => program.name?.length ?? 0));
  const sheet = book.addSheet(SUMMARY_SHEET, {
    widths: [20, Math.min(60, Math.max(24, longestName + 2)), 10, 12, 12, 12, 12, 24],
  });
  let rowNumber = 0;
  const write = (values: (string | number | null)[], styles: (typeof NO_STYLE)[]): void => {
    const shared = values.some((value) => typeof value === 'string' && needsSharedString(value));
    const written = shared
      ? values.map((value) => (typeof value === 'string' ? escapeSharedString(value) : value))
      : values;
    rowNumber += 1;
    book.writeRow(sheet, rowNumber, written, styles, shared);
  };

  write([labels.host, hostOnly(facts.host)], [BOLD_STYLE, NO_STYLE]);
  write([labels.exportedAt, clock.serial(facts.exportedAt.getTime())], [BOLD_STYLE, DATE_STYLE]);
  write([labels.timeZone, facts.timeZone], [BOLD_STYLE, NO_STYLE]);
  write([labels.appVersion, facts.appVersion], [BOLD_STYLE, NO_STYLE]);
  write(
    [labels.filter, describeFilter(facts.filter, facts.language, facts.statuses ?? null)],
    [BOLD_STYLE, NO_STYLE],
  );
  rowNumber += 1; // a blank row before the program table

  const header = [
    labels.loyaltyId,
    labels.name,
    labels.total,
    ...CODE_STATUSES.map((s) => statusWords[s]),
    labels.sheets,
  ];
  write(
    header,
    header.map(() => BOLD_STYLE),
  );
  for (const program of programs) {
    const values = [
      program.loyaltyId,
      program.name,
      program.rows,
      ...CODE_STATUSES.map((status) => program.counts[status]),
      ...program.sheetNames,
    ];
    write(
      values,
      values.map(() => NO_STYLE),
    );
  }
  book.commitSheet(sheet);
}

/** Just the host (and port) of whatever the connection was given, so no path, query or token leaks in. */
export function hostOnly(host: string): string {
  const trimmed = host.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).host || trimmed;
  } catch {
    return trimmed.replace(/[/?#@].*$/, '');
  }
}

export function describeFilter(
  filter: CodeFilter | null,
  language: WorkbookLanguage,
  statuses: readonly CodeStatus[] | null = null,
): string {
  const labels = SUMMARY_LABELS[language];
  const parts: string[] = [];
  const chosen = statuses ?? (filter?.status != null ? [filter.status] : []);
  if (chosen.length > 0)
    parts.push(`${labels.filterStatus}: ${chosen.map((s) => STATUS_WORDS[language][s]).join(', ')}`);
  if (filter !== null && filter.search !== '') parts.push(`${labels.filterSearch}: "${filter.search}"`);
  return parts.length === 0 ? labels.noFilter : parts.join('; ');
}
