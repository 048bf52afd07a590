// The Summary sheet: where the codes came from (host only, never the token), when, in which time zone,
// by which app version, with which filter, and per program its ID, name, counts and sheet names. The
// reader uses the program table to map sheet names back to loyalty IDs. All its text is shared strings:
// it is short, and labels repeat on every program sheet's header.

import { CODE_STATUSES, type CodeFilter, type CodeStatus } from '../../../app/promoCode';
import { rowXml, type CellValue } from './cellXml';
import type { ExcelCalendar } from './excelCalendar';
import { STYLE } from './packageParts';
import type { XlsxPackage } from './xlsxPackage';
import type { PlannedProgram } from './workbookPlan';
import {
  COLUMN_LABELS,
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

export function writeSummarySheet(
  book: XlsxPackage,
  facts: SummaryFacts,
  programs: readonly PlannedProgram[],
  calendar: ExcelCalendar,
): void {
  const labels = SUMMARY_LABELS[facts.language];
  const statusWords = STATUS_WORDS[facts.language];
  const text = (value: string | null): CellValue => (value === null ? null : book.strings.cell(value));
  const rows: { values: CellValue[]; styles: number[] }[] = [];
  const fact = (label: string, value: CellValue, style: number = STYLE.plain): void => {
    rows.push({ values: [text(label), value], styles: [STYLE.bold, style] });
  };

  fact(labels.host, text(hostOnly(facts.host)));
  fact(labels.exportedAt, calendar.serial(facts.exportedAt.getTime()), STYLE.date);
  fact(labels.timeZone, text(facts.timeZone));
  fact(labels.appVersion, text(facts.appVersion));
  fact(
    labels.filter,
    text(describeFilter(facts.filter, facts.language, facts.statuses ?? null, facts.timeZone)),
  );
  const datesAsText = programs.reduce((sum, program) => sum + program.datesAsText, 0);
  if (datesAsText > 0) {
    rows.push({
      values: [text(labels.datesAsText), datesAsText, text(labels.datesAsTextNote)],
      styles: [STYLE.bold],
    });
  }
  const columns = COLUMN_LABELS[facts.language];
  for (const program of programs) {
    if (program.keptAsText.length === 0) continue;
    const where = program.keptAsText
      .map((kept) => `${columns[kept.field]} ×${kept.count} (${labels.firstAt} ${kept.firstCell})`)
      .join(', ');
    const count = program.keptAsText.reduce((sum, kept) => sum + kept.count, 0);
    const name = program.name ?? String(program.loyaltyId);
    rows.push({
      values: [text(labels.keptAsText), count, text(`${labels.keptAsTextNote}. ${name}: ${where}`)],
      styles: [STYLE.bold],
    });
  }
  rows.push({ values: [], styles: [] }); // a blank row before the program table

  const header = [
    labels.loyaltyId,
    labels.name,
    labels.total,
    ...CODE_STATUSES.map((s) => statusWords[s]),
    labels.sheets,
  ];
  rows.push({ values: header.map(text), styles: header.map(() => STYLE.bold) });
  for (const program of programs) {
    rows.push({
      values: [
        program.loyaltyId,
        text(program.name),
        program.rows,
        ...CODE_STATUSES.map((status) => program.counts[status]),
        ...program.sheetNames.map(text),
      ],
      styles: [],
    });
  }

  const longestName = Math.max(0, ...programs.map((program) => program.name?.length ?? 0));
  const sheet = book.addSheet(SUMMARY_SHEET, {
    rows: rows.length,
    columns: Math.max(...rows.map((row) => row.values.length)),
    widths: [20, Math.min(60, Math.max(24, longestName + 2)), 10, 12, 12, 12, 12, 24],
  });
  rows.forEach((row, index) => {
    if (row.values.length > 0) sheet.write(rowXml(index + 1, row.values, row.styles));
  });
  sheet.close();
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
  timeZone?: string,
): string {
  const labels = SUMMARY_LABELS[language];
  const parts: string[] = [];
  const chosen = statuses ?? (filter?.status != null ? [filter.status] : []);
  if (chosen.length > 0)
    parts.push(`${labels.filterStatus}: ${chosen.map((s) => STATUS_WORDS[language][s]).join(', ')}`);
  if (filter !== null && filter.search !== '') parts.push(`${labels.filterSearch}: "${filter.search}"`);
  const expiry = filter?.expiresBetween;
  if (expiry != null) {
    const when = (ms: number) => localMinute(ms, timeZone);
    parts.push(`${labels.filterExpiring} ${when(expiry.from)} – ${when(expiry.to)}`);
  }
  return parts.length === 0 ? labels.noFilter : parts.join('; ');
}

/** yyyy-mm-dd hh:mm in the export's time zone, as the dates in the sheets read. */
function localMinute(ms: number, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    ...(timeZone === undefined ? {} : { timeZone }),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
