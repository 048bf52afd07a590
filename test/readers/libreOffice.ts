// LibreOffice headless as an independent reader (and re-saver) of the workbooks we write.

import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
    } catch {
      // try the next name
    }
  }
  return null;
}

export const soffice = findSoffice();
export const NO_SOFFICE_REASON = 'LibreOffice (soffice) is not installed on this machine';

/**
 * CSV export filter: comma, double quotes, UTF-8, quote all text cells, cell contents as shown (so dates
 * come out in their number format), every sheet to its own `<file>-<sheet>.csv` (the trailing -1).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1';

async function convert(input: string, target: string, outDir: string): Promise<void> {
  if (soffice === null) throw new Error(NO_SOFFICE_REASON);
  // Its own profile per run, so conversions in parallel test files do not fight over one.
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        target,
        '--outdir',
        outDir,
        input,
      ],
      { timeout: 300_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Every sheet as a CSV file, keyed by sheet name. */
export async function sheetsAsCsv(input: string, outDir: string): Promise<Map<string, string>> {
  await convert(input, CSV_FILTER, outDir);
  const prefix = `${basename(input, extname(input))}-`;
  const files = (await readdir(outDir)).filter((name) => name.startsWith(prefix) && name.endsWith('.csv'));
  return new Map(files.map((name) => [name.slice(prefix.length, -4), join(outDir, name)]));
}

/** The workbook opened and saved again as .xlsx by LibreOffice, as a person editing it would. */
export async function resavedByLibreOffice(input: string, outDir: string): Promise<string> {
  await convert(input, 'xlsx:Calc MS Excel 2007 XML', outDir);
  return join(outDir, `${basename(input, extname(input))}.xlsx`);
}

export interface LibreOfficeCell {
  /** How LibreOffice holds it: TEXT, VALUE, EMPTY or FORMULA. */
  type: 'TEXT' | 'VALUE' | 'EMPTY' | 'FORMULA';
  /** What the cell shows, its number format applied. */
  text: string;
  value: number;
  /** Its number format code, such as `@` or `YYYY-MM-DD HH:MM:SS`. */
  format: string;
}

export interface LibreOfficeBook {
  /** docProps/app.xml's Application, as LibreOffice shows it under File ▸ Properties. */
  generator: string;
  author: string;
  sheets: {
    name: string;
    /** Whether the sheet shows filter buttons. */
    autoFilter: boolean;
    filterRange: string | null;
    rows: LibreOfficeCell[][];
  }[];
}

const PYTHON = '/usr/bin/python3';
const INSPECT = new URL('./lo_inspect.py', import.meta.url).pathname;

/** Debian's python3-uno, to open files in LibreOffice through its API. */
export function hasPythonUno(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import uno'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The file as LibreOffice itself holds it once opened, through its UNO API (test/readers/lo_inspect.py):
 * cell types, shown text, number formats, filter buttons, document properties. For a CSV file,
 * `csvOptions` are LibreOffice's CSV import options (separator, quote, character set…).
 */
export async function inspectWithLibreOffice(input: string, csvOptions?: string): Promise<LibreOfficeBook> {
  const [book] = await inspectAllWithLibreOffice([{ path: input, csvOptions }]);
  if (book === undefined) throw new Error(`LibreOffice gave nothing for ${input}`);
  return book;
}

/** Several files in one LibreOffice: starting it takes far longer than opening a file. */
export async function inspectAllWithLibreOffice(
  files: readonly { path: string; csvOptions?: string | undefined }[],
): Promise<LibreOfficeBook[]> {
  if (soffice === null) throw new Error(NO_SOFFICE_REASON);
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      PYTHON,
      [INSPECT, '--many'],
      { timeout: 600_000, maxBuffer: 256 * 1024 * 1024 },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
    child.stdin?.end(
      JSON.stringify(files.map(({ path, csvOptions }) => ({ path, csvOptions: csvOptions ?? null }))),
    );
  });
  return JSON.parse(stdout) as LibreOfficeBook[];
}
