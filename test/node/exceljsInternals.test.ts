// The workbook reader drives exceljs's private part parsers (workbookSheets.ts). exceljs is pinned to an
// exact version for that reason; this test says plainly what broke if an upgrade changes them.
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../main/services/workbook';
import { READER_INTERNALS, partReader } from '../../main/services/workbook/workbookSheets';
import { openZip, type ZipArchive } from '../../main/services/workbook/zipArchive';

const require = createRequire(import.meta.url);
const installed = (require('exceljs/package.json') as { version: string }).version;
const BROKEN = (what: string) =>
  `exceljs ${installed}: ${what}. main/services/workbook/workbookSheets.ts relies on it: ` +
  'keep exceljs at the version package.json pins, or adapt workbookSheets.ts to the new one.';

let folder: string;
let zip: ZipArchive;
const part = async (name: string): Promise<Readable> => (await zip.open(name)).setEncoding('utf8');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'exceljs-internals-'));
  const target = join(folder, 'codes.xlsx');
  await writeWorkbook({
    target,
    host: 'h',
    programs: [
      {
        loyaltyId: 1,
        name: 'Spring',
        codes: [
          { code: ' A&B', attached: Date.UTC(2024, 0, 1), activated: null, expireDate: null, expired: null },
        ],
      },
    ],
    filter: null,
    exportedAt: new Date(Date.UTC(2024, 0, 2)),
    timeZone: 'UTC',
    appVersion: '1',
    language: 'en',
  });
  zip = await openZip(target);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the exceljs internals the workbook reader relies on', () => {
  it('is the exact exceljs version package.json pins', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const pinned = manifest.dependencies.exceljs;
    expect(pinned, 'package.json must pin exceljs to an exact version (no ^ or ~)').toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    expect(
      installed,
      `node_modules holds exceljs ${installed}, package.json pins ${pinned}: run npm ci`,
    ).toBe(pinned);
  });

  it('still has every private part parser workbookSheets.ts calls', () => {
    const reader = partReader(join(folder, 'codes.xlsx')) as unknown as Record<string, unknown>;
    for (const name of READER_INTERNALS) {
      expect(typeof reader[name], BROKEN(`WorkbookReader.${name} is no longer a function`)).toBe('function');
    }
  });

  it('parses each part as workbookSheets.ts expects', async () => {
    const reader = partReader(join(folder, 'codes.xlsx'));

    await reader._parseRels(await part('xl/_rels/workbook.xml.rels'));
    const relationships = reader.workbookRels ?? [];
    expect(
      relationships.map(({ Type }) => Type.split('/').at(-1)),
      BROKEN('_parseRels no longer leaves the relationships on workbookRels as {Id, Type, Target}'),
    ).toEqual(expect.arrayContaining(['worksheet', 'sharedStrings', 'styles']));

    await reader._parseWorkbook(await part('xl/workbook.xml'));
    const sheets = reader.model?.sheets ?? [];
    expect(
      sheets.map(({ name, id }) => ({ name, id })),
      BROKEN('_parseWorkbook no longer leaves the sheets on model.sheets as {name, id, rId}'),
    ).toEqual([
      { name: 'Summary', id: 1 },
      { name: 'Spring', id: 2 },
    ]);
    const spring = relationships.find((rel) => rel.Id === sheets[1]?.rId)?.Target;
    expect(spring, BROKEN("a sheet's rId no longer names its relationship")).toMatch(/^worksheets\/.+\.xml$/);

    const strings = reader._parseSharedStrings(await part('xl/sharedStrings.xml'));
    expect(typeof strings.next, BROKEN('_parseSharedStrings no longer returns an async generator')).toBe(
      'function',
    );
    while ((await strings.next()).done !== true);

    const styled = reader._parseStyles(await part('xl/styles.xml'));
    expect(styled, BROKEN('_parseStyles no longer returns a promise')).toBeInstanceOf(Promise);
    await styled;

    const [emitted] = reader._parseWorksheet(await part(`xl/${spring ?? ''}`), '2');
    expect(
      typeof emitted?.value[Symbol.asyncIterator],
      BROKEN('_parseWorksheet no longer yields {value: a streaming WorksheetReader}'),
    ).toBe('function');
    const rows: unknown[][] = [];
    for await (const row of emitted?.value ?? []) rows.push(row.values);
    // Row values start at index 1 (column A); shared strings come from the cache _parseSharedStrings filled.
    expect(rows[0]?.slice(1, 3), BROKEN('worksheet rows no longer carry values by column, from 1')).toEqual([
      'Code',
      'Status',
    ]);
    expect(rows[1]?.[1], BROKEN('codes no longer read as text')).toBe(' A&B');
    expect(rows[1]?.[3], BROKEN('date cells no longer read as Date')).toEqual(new Date(Date.UTC(2024, 0, 1)));
  });
});
