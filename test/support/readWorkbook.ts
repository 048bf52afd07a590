// Reads a workbook with Debian's python3-openpyxl: a reader that did not write it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's Python, which python3-openpyxl installs into (a python3 earlier on PATH may lack it). */
export const DEBIAN_PYTHON = process.env.OPENPYXL_PYTHON ?? '/usr/bin/python3';

const SCRIPT = `
import json, sys, datetime
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(values_only=True):
        values = [v.isoformat() if isinstance(v, datetime.datetime) else v for v in row]
        # read-only mode pads every row to the width the sheet declares: keep only what was written
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    out[ws.title] = rows
print(json.dumps(out))
`;

/** Every sheet's rows as openpyxl sees them (dates as ISO strings), without empty cells at the end. */
export async function readWithOpenpyxl(path: string): Promise<Record<string, unknown[][]>> {
  const { stdout } = await run(DEBIAN_PYTHON, ['-c', SCRIPT, path], { maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, unknown[][]>;
}
