// `export`: resolve where from, check where to, fetch every program, then write the workbook or CSV
// and, with --json, print what was written. Progress goes to standard error on a terminal only.
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { createAltcraftClient } from '../services/altcraft/client';
import type { ExportOptions } from './cliArgs';
import { resolveSource } from './exportSource';
import { localIsoTime } from './exportSummary';
import type { ExportSummary } from './exportSummary';
import { fetchPrograms } from './fetchPrograms';
import { checkTarget } from './outputTarget';
import { progressOn } from './progress';
import type { Terminal } from './terminal';

/** Runs the export; the token it uses goes into `secrets`, so no line printed can ever hold it. */
export async function exportCodes(
  terminal: Terminal,
  options: ExportOptions,
  secrets: string[],
): Promise<void> {
  const target = resolve(options.out);
  const source = await resolveSource(options.source, terminal);
  secrets.push(source.token);
  await checkTarget(target);

  const progress = progressOn(terminal.stderr);
  const client = createAltcraftClient({
    onRetry: ({ waitMs, error }) =>
      progress.show(`${error.message} Trying again in ${Math.ceil(waitMs / 1000)} s…`, true),
  });
  const fetched = await fetchPrograms({
    client,
    host: source.host,
    token: source.token,
    loyaltyIds: options.loyaltyIds,
    signal: terminal.signal,
    progress,
  });

  const exportedAt = new Date();
  // An unknown TZ leaves Intl without a zone; Node then keeps UTC, and so does the file.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const programs = fetched.map((program) => ({
    ...program,
    name: options.names.get(program.loyaltyId) ?? source.savedNames.get(program.loyaltyId) ?? null,
  }));
  // Loaded only now: the spreadsheet library takes a while, and a failed download never needs it.
  const { writeExport } = await import('./writeExport');
  const written = await writeExport({
    target,
    csv: options.csv,
    delimiter: options.delimiter,
    host: source.host,
    programs,
    statuses: options.statuses,
    exportedAt,
    timeZone,
    appVersion: version,
    signal: terminal.signal,
    progress,
  });

  const rows = written.programs.reduce((sum, program) => sum + program.rows, 0);
  progress.note(`Saved ${target} (${rows.toLocaleString('en')} codes).`);
  if (!options.json) return;
  const summary: ExportSummary = {
    file: target,
    format: options.csv ? 'csv' : 'xlsx',
    host: source.host,
    connection: source.connectionName,
    exportedAt: localIsoTime(exportedAt),
    timeZone,
    statuses: options.statuses,
    sheets: written.sheets,
    programs: written.programs.map((program, index) => ({
      loyaltyId: program.loyaltyId,
      name: programs[index]?.name ?? null,
      sheets: program.sheets,
      fetched: programs[index]?.codes.length ?? 0,
      rows: program.rows,
      counts: program.counts,
    })),
    rows,
  };
  terminal.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
