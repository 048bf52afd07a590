// Runs test/readers/dump_workbook.py (Debian's python3-openpyxl): a reader that did not write the file.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./dump_workbook.py', import.meta.url));
const MAKE_SCRIPT = fileURLToPath(new URL('./make_workbook.py', import.meta.url));
/** Debian's interpreter: a pyenv `python3` earlier on PATH may not have openpyxl. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface DumpedCell {
  /** Python type: str, datetime, int, float, bool, None */
  t: string;
  v: string | number | boolean | null;
  fmt: string;
  bold: boolean;
}

export interface DumpedSheet {
  name: string;
  freeze_panes: string | null;
  auto_filter: string | null;
  /** The used range the sheet's `<dimension>` declares, as openpyxl's read-only mode reads it. */
  dimension: string | null;
  max_row: number;
  column_widths: Record<string, number>;
  rows: DumpedCell[][];
}

export interface DigestedSheet {
  name: string;
  header: unknown[];
  rows: number;
  not_text: number;
  sha256: string;
}

export async function hasOpenpyxl(): Promise<boolean> {
  return run(PYTHON, ['-c', 'import openpyxl']).then(
    () => true,
    () => false,
  );
}

export async function dumpWorkbook(path: string): Promise<DumpedSheet[]> {
  const { stdout } = await run(PYTHON, [SCRIPT, path], { maxBuffer: 512 * 1024 * 1024 });
  return (JSON.parse(stdout) as { sheets: DumpedSheet[] }).sheets;
}

export async function digestWorkbook(path: string): Promise<DigestedSheet[]> {
  const { stdout } = await run(PYTHON, [SCRIPT, '--digest', path], { maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as { sheets: DigestedSheet[] }).sheets;
}

export type MadeCell = null | string | number | { datetime: string; format?: string };

/** A workbook written by openpyxl, as a person's spreadsheet would save it. */
export async function makeWorkbook(
  path: string,
  sheets: { name: string; rows: MadeCell[][] }[],
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(PYTHON, [MAKE_SCRIPT, path], (error) => (error ? reject(error) : resolve()));
    child.stdin?.end(JSON.stringify({ sheets }));
  });
}
