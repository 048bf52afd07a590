// `summary` and `diff`: saved exports reviewed from the command line, with the app's own reader (every
// limit and refusal as in the app) and its own comparison. The JSON shapes are part of the command
// line's contract (issue 13): add fields, never rename them.
import { basename, resolve } from 'node:path';
import { version } from '../../package.json';
import { isAppError } from '../../app/appError';
import type { ProgramChanges, StatusChange } from '../../app/codeChanges';
import { CODE_STATUSES, type StatusCounts } from '../../app/promoCode';
import { changedCodes, compareExports } from '../services/review/compareExports';
import { readWorkbook, type ReadWorkbookResult } from '../services/workbookReader';
import type { DiffOptions, SummaryOptions } from './reviewArgs';
import { UnreadableInput } from './exitCodes';
import { aboutFile, checkTarget } from './outputTarget';
import { progressOn, type Progress } from './progress';
import type { Terminal } from './terminal';

export interface SummaryJson {
  file: string;
  programs: { loyaltyId: number | null; name: string; total: number; counts: StatusCounts }[];
}

export interface DiffJson {
  programs: ProgramChanges[];
}

export async function summarise(terminal: Terminal, options: SummaryOptions): Promise<void> {
  const progress = progressOn(terminal.stderr);
  const file = resolve(options.file);
  const read = await readInput(options.file, terminal.signal, progress);
  const summary: SummaryJson = {
    file,
    programs: read.programs.map(({ loyaltyId, name, codes }) => ({
      loyaltyId,
      name,
      total: codes.length,
      counts: { ...codes.counts },
    })),
  };
  if (options.json) {
    terminal.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const lines = [file];
  for (const program of summary.programs) {
    const counts = CODE_STATUSES.map((status) => `${count(program.counts[status])} ${status}`).join(', ');
    lines.push(`  ${programLabel(program)}: ${count(program.total)} codes (${counts})`);
  }
  terminal.stdout.write(`${lines.join('\n')}\n`);
}

export async function diff(terminal: Terminal, options: DiffOptions): Promise<void> {
  const progress = progressOn(terminal.stderr);
  const out = options.out === null ? null : { ...options.out, path: resolve(options.out.path) };
  if (out !== null) await checkTarget(out.path);
  const older = await readInput(options.older, terminal.signal, progress);
  const newer = await readInput(options.newer, terminal.signal, progress);
  const compared = compareExports(older.programs, newer.programs);
  const result: DiffJson = { programs: compared.map((program) => program.summary) };

  if (out !== null) {
    // Loaded only for --out: the spreadsheet writer takes a while to load.
    const { writeChangesFile } = await import('../services/review/writeChanges');
    try {
      const written = await writeChangesFile({
        target: out.path,
        format: out.format,
        changes: changedCodes(compared),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
        language: 'en',
        appVersion: version,
        signal: terminal.signal,
        onProgress: ({ rowsWritten, rowsTotal }) =>
          progress.show(`Writing ${out.path}: ${count(rowsWritten)} of ${count(rowsTotal)} changed codes`),
      });
      progress.note(`Saved ${out.path} (${count(written.rows)} changed codes).`);
    } catch (error) {
      throw aboutFile(error, out.path);
    } finally {
      progress.clear();
    }
  }
  if (options.json) {
    terminal.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  terminal.stdout.write(`${result.programs.map(describeChanges).join('\n')}\n`);
}

async function readInput(path: string, signal: AbortSignal, progress: Progress): Promise<ReadWorkbookResult> {
  const name = basename(path);
  try {
    return await readWorkbook(resolve(path), {
      signal,
      onProgress: ({ bytesRead, bytesTotal }) =>
        progress.show(
          `Reading ${name}: ${bytesTotal === 0 ? 100 : Math.floor((bytesRead / bytesTotal) * 100)}%`,
        ),
    });
  } catch (error) {
    if (!isAppError(error) || error.code === 'cancelled') throw error;
    throw new UnreadableInput(path, error);
  } finally {
    progress.clear();
  }
}

function describeChanges(program: ProgramChanges): string {
  const label = programLabel(program);
  const sizes =
    program.before === program.after
      ? `${count(program.after)} codes`
      : `${count(program.before)} → ${count(program.after)} codes`;
  const parts: string[] = [];
  if (program.added > 0) parts.push(`${count(program.added)} added`);
  if (program.removed > 0) parts.push(`${count(program.removed)} removed`);
  parts.push(...program.statusChanges.map(describeStatusChange));
  return `${label}: ${sizes}, ${parts.length === 0 ? 'no changes' : parts.join(', ')}`;
}

function describeStatusChange({ from, to, count: n }: StatusChange): string {
  return `${count(n)} ${from} → ${to}`;
}

function programLabel(program: { loyaltyId: number | null; name: string }): string {
  return program.loyaltyId === null ? program.name : `${program.name} (loyalty ID ${program.loyaltyId})`;
}

function count(n: number): string {
  return n.toLocaleString('en');
}
