// The sheets of an .xlsx, in workbook order, each a streaming exceljs WorksheetReader.
//
// Why not `new WorkbookReader(path)` and iterate it, as exceljs documents (4.4.0)? Two bugs, both
// seen here with workbooks our writer made:
// - It reads the zip front to back, and sheets met before workbook.xml, styles and shared strings
//   (exceljs writes those last) are spilled to temp files meanwhile. Whilst it awaits a spill, unzipper
//   can end the entry stream early: parts after the sheets were silently never seen, so sheets came
//   back named `Sheet2` and a date cell crashed it ("reading 'model'").
// - It decodes each chunk of XML with TextDecoder on its own, so a Cyrillic or emoji character split
//   across two chunks turns into U+FFFD: a large sheet of Russian codes would come back damaged.
// So the parts are opened by name from the zip's directory in the order the parsing needs them, and
// decoded as UTF-8 streams (which carry split characters over). The parsing is still exceljs's own:
// WorkbookReader's part parsers and its streaming WorksheetReader.
//
// A third bug: WorksheetReader decodes XML entities again in text it has already decoded, so an inline
// string (`t="inlineStr"`, how codes are written) holding the text `&amp;` came back as `&`. Each
// reference to `&` in a sheet is doubled before it parses (see undoubleDecoding), so that the second
// decoding gives the text back.

import { posix } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openZip, type ZipArchive } from './zipArchive';

export interface SheetRow {
  values: unknown[];
}

export interface WorkbookSheet extends AsyncIterable<SheetRow> {
  name: string;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

/**
 * WorkbookReader's part parsers (exceljs 4.4.0 lib/stream/xlsx/workbook-reader.js): private, so exceljs
 * is pinned to an exact version in package.json, and test/node/exceljsInternals.test.ts checks that
 * each of these is still there and behaves as this file expects.
 */
export const READER_INTERNALS = [
  '_parseRels',
  '_parseWorkbook',
  '_parseSharedStrings',
  '_parseStyles',
  '_parseWorksheet',
] as const;

export interface ReaderInternals {
  workbookRels?: Relationship[];
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: WorkbookSheet }>;
}

export class NotAWorkbookError extends Error {
  override name = 'NotAWorkbookError';
}

/** exceljs's streaming reader, set up to have its parsers driven part by part. */
export function partReader(path: string): ReaderInternals {
  return new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
}

export async function* workbookSheets(path: string): AsyncGenerator<WorkbookSheet> {
  const zip = await openZip(path);
  const reader = partReader(path);

  const text = async (name: string): Promise<Readable> => (await zip.open(name)).setEncoding('utf8');
  await reader._parseRels(await text(need(zip, 'xl/_rels/workbook.xml.rels')));
  await reader._parseWorkbook(await text(need(zip, 'xl/workbook.xml')));
  const relationships = reader.workbookRels ?? [];
  const partOf = (type: string): string | undefined => {
    const target = relationships.find((rel) => rel.Type.endsWith(`/${type}`))?.Target;
    return target === undefined ? undefined : partPath(target);
  };

  const sharedStrings = partOf('sharedStrings');
  if (sharedStrings !== undefined && zip.has(sharedStrings)) {
    // 'cache' mode yields nothing: it keeps the table on the reader for the sheets
    const parsing = reader._parseSharedStrings(await text(sharedStrings));
    while ((await parsing.next()).done !== true);
  }
  const styles = partOf('styles');
  if (styles !== undefined && zip.has(styles)) await reader._parseStyles(await text(styles));

  for (const sheet of reader.model?.sheets ?? []) {
    const target = relationships.find((rel) => rel.Id === sheet.rId)?.Target;
    if (target === undefined || !zip.has(partPath(target))) continue;
    const xml = (await text(partPath(target))).pipe(undoubleDecoding());
    const [emitted] = reader._parseWorksheet(xml, String(sheet.id));
    if (emitted === undefined) continue;
    emitted.value.name = sheet.name;
    yield emitted.value;
  }
}

const AMPERSAND = /&(?:amp|#38|#x26);/gi;

/**
 * Turns each reference to `&` into `&amp;amp;`: the XML parser makes that `&amp;`, which exceljs's extra
 * decoding (it knows only the five named entities) turns back into the `&` the file holds. Other
 * characters need nothing: what the parser makes of `&lt;` holds no entity to decode again. A reference
 * cut between two chunks waits for the next.
 */
function undoubleDecoding(): Transform {
  let held = '';
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _encoding, done) {
      const text = held + chunk;
      const lastAmpersand = text.lastIndexOf('&');
      const cut = lastAmpersand >= 0 && !text.includes(';', lastAmpersand) ? lastAmpersand : text.length;
      held = text.slice(cut);
      done(null, text.slice(0, cut).replace(AMPERSAND, '&amp;amp;'));
    },
    flush(done) {
      done(null, held.replace(AMPERSAND, '&amp;amp;'));
    },
  });
}

/** Relationship targets are relative to `xl/`, or absolute from the package root. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

function need(zip: ZipArchive, name: string): string {
  if (!zip.has(name)) throw new NotAWorkbookError(`it has no ${name}`);
  return name;
}
