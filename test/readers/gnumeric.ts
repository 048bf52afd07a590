// Gnumeric's ssconvert (Debian package gnumeric) as a third independent reader of the workbooks we write:
// its own .xlsx importer, shared with neither LibreOffice nor openpyxl.

import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './csvRows';

const run = promisify(execFile);

function findSsconvert(): string | null {
  try {
    return execFileSync('which', ['ssconvert'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const ssconvert = findSsconvert();
export const NO_SSCONVERT_REASON =
  "Gnumeric's ssconvert is not installed on this machine (apt-get install gnumeric)";

/** Gnumeric's value types (gnumeric's value.h). */
export const GNUMERIC_TYPE = { empty: 10, boolean: 20, float: 40, error: 50, string: 60 } as const;

export interface GnumericSheet {
  name: string;
  /** Ranges with filter buttons, such as `A1:F51`. */
  filters: string[];
  /** Each cell's value type (GNUMERIC_TYPE) and stored value, by `row,column` from 0. */
  cells: Map<string, { type: number; value: string }>;
  /** Every cell as Gnumeric shows it (its number format applied), row by row. */
  shown: string[][];
}

export interface GnumericBook {
  creator: string | null;
  sheets: GnumericSheet[];
}

/** The workbook as Gnumeric reads it: its own file format for types and filters, CSV for what it shows. */
export async function readWithGnumeric(input: string, outDir: string): Promise<GnumericBook> {
  if (ssconvert === null) throw new Error(NO_SSCONVERT_REASON);
  await mkdir(outDir, { recursive: true });
  const native = join(outDir, 'book.gnumeric');
  await run(ssconvert, ['--export-type=Gnumeric_XmlIO:sax', input, native], {
    timeout: 300_000,
  });
  await run(
    ssconvert,
    [
      '-S',
      '--export-type=Gnumeric_stf:stf_assistant',
      '--export-options=format=preserve separator=, quoting-mode=always',
      input,
      join(outDir, 'sheet.csv'),
    ],
    { timeout: 300_000 },
  );
  const xml = gunzipSync(await readFile(native)).toString('utf8');
  const csvFiles = (await readdir(outDir)).filter((name) => name.startsWith('sheet.csv.'));
  const shown = new Map<number, string[][]>();
  for (const name of csvFiles) {
    shown.set(Number(name.slice('sheet.csv.'.length)), parseCsv(await readFile(join(outDir, name), 'utf8')));
  }
  const sheets = xml
    .split('<gnm:Sheet ')
    .slice(1)
    .map((sheetXml, index) => ({ ...parseSheet(sheetXml), shown: shown.get(index) ?? [] }));
  return { creator: /<dc:creator>([^<]*)</.exec(xml)?.[1] ?? null, sheets };
}

function parseSheet(xml: string): Omit<GnumericSheet, 'shown'> {
  const name = decode(/<gnm:Name>([^<]*)<\/gnm:Name>/.exec(xml)?.[1] ?? '');
  const filters = [...xml.matchAll(/<gnm:Filter Area="([^"]*)"/g)].map((match) => match[1] ?? '');
  const cells = new Map<string, { type: number; value: string }>();
  for (const match of xml.matchAll(
    /<gnm:Cell Row="(\d+)" Col="(\d+)"(?: ValueType="(\d+)")?[^>]*?(?:\/>|>([^<]*)<\/gnm:Cell>)/g,
  )) {
    const [, row, column, type, value] = match;
    cells.set(`${row},${column}`, { type: Number(type ?? 0), value: decode(value ?? '') });
  }
  return { name, filters, cells };
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()] ?? '';
  });
}
