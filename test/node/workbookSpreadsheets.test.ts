// What three spreadsheet programs nobody here wrote make of an exported workbook (issue 15): LibreOffice
// through its own API, Gnumeric's ssconvert and openpyxl. Filter buttons, text that stays text, dates
// at the edges of Excel's calendar, and properties that tell the truth.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import { openZipPackage } from '../../main/services/workbookReader/zipPackage';
import { readBack } from '../support/readBack';
import {
  GNUMERIC_TYPE,
  NO_SSCONVERT_REASON,
  readWithGnumeric,
  ssconvert,
  type GnumericBook,
} from '../readers/gnumeric';
import { hostileCodes, wallText } from '../readers/hostileInputs';
import {
  NO_SOFFICE_REASON,
  hasPythonUno,
  inspectWithLibreOffice,
  soffice,
  type LibreOfficeBook,
} from '../readers/libreOffice';
import { dumpWorkbook, hasOpenpyxl, type DumpedSheet } from '../readers/openpyxl';

const TIME_ZONE = 'Europe/Moscow';
const APP_VERSION = '3.2.1';
const noOpenpyxl = !(await hasOpenpyxl());
const noLibreOffice = soffice === null || !hasPythonUno();
const noGnumeric = ssconvert === null;
if (noLibreOffice)
  console.warn(`Skipping the LibreOffice checks: ${NO_SOFFICE_REASON}, or python3-uno is missing.`);
if (noGnumeric) console.warn(`Skipping the Gnumeric checks: ${NO_SSCONVERT_REASON}.`);

const codes = hostileCodes();

/**
 * Instants around the ends of Excel's calendar, in Moscow time (+02:30:17 local mean time in 1900, +03:00
 * at the end of 9999): whether Excel can hold the wall-clock time, and which one it is.
 */
const EDGES: { at: string; wall: string | null }[] = [
  { at: '1899-12-31T21:29:42Z', wall: null }, // 1899-12-31 23:59:59: before the calendar
  { at: '1899-12-31T21:29:43Z', wall: '1900-01-01 00:00:00' }, // serial 1
  { at: '1900-02-28T12:00:00Z', wall: '1900-02-28 14:30:17' }, // the day before the phantom 29th
  { at: '1900-02-28T21:29:43Z', wall: '1900-03-01 00:00:00' }, // serial 61
  { at: '1970-01-01T00:00:00Z', wall: '1970-01-01 03:00:00' },
  { at: '9999-12-31T20:59:59Z', wall: '9999-12-31 23:59:59' }, // the last second
  { at: '9999-12-31T21:00:00Z', wall: null }, // 10000-01-01 00:00:00: after it
  { at: '9999-12-31T23:59:59Z', wall: null }, // the example
];
const edgeCodes: PromoCode[] = EDGES.map(({ at }, index) => ({
  code: `EDGE-${index}`,
  attached: Date.parse(at),
  activated: null,
  expireDate: null,
  // one "expired" date past the end, to see the Expired column take text too
  expired: index === EDGES.length - 1 ? Date.parse(at) : null,
}));
const DATES_AS_TEXT = EDGES.filter((edge) => edge.wall === null).length + 1;

/** How a code is stored: ST_Xstring escapes, which Excel and LibreOffice decode and Gnumeric shows as is. */
// eslint-disable-next-line no-control-regex -- the characters XML cannot hold are the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const stored = (code: string): string =>
  code
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
/** LibreOffice 7.4 decodes the escapes of control characters below U+0020 only, so DEL stays escaped. */
const shownByLibreOffice = (code: string): string => code.replace('\u007f', '_x007F_');

let folder: string;
let target: string;
let parts: Map<string, string>;
let openpyxl: DumpedSheet[];
let libreOffice: LibreOfficeBook;
let gnumeric: GnumericBook;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'workbook-spreadsheets-'));
  target = join(folder, 'codes.xlsx');
  await writeWorkbook({
    target,
    host: 'ru.altkraft.com',
    programs: [
      { loyaltyId: 5, name: 'Hostile', codes },
      { loyaltyId: 6, name: "Calendar's edges", codes: edgeCodes },
      { loyaltyId: 7, name: null, codes: [] },
    ],
    filter: null,
    exportedAt: new Date(Date.UTC(2024, 2, 10, 12, 0, 0)),
    timeZone: TIME_ZONE,
    appVersion: APP_VERSION,
    language: 'en',
  });
  const zip = await openZipPackage(target);
  try {
    parts = new Map(
      await Promise.all(zip.names.map(async (name) => [name, await text(await zip.text(name))] as const)),
    );
  } finally {
    zip.close();
  }
  [openpyxl, libreOffice, gnumeric] = await Promise.all([
    noOpenpyxl ? ([] as DumpedSheet[]) : dumpWorkbook(target),
    noLibreOffice ? ({} as LibreOfficeBook) : inspectWithLibreOffice(target),
    noGnumeric ? ({} as GnumericBook) : readWithGnumeric(target, join(folder, 'gnumeric')),
  ]);
}, 600_000);
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const CODE_SHEETS = ['Hostile', "Calendar's edges", 'Loyalty 7'];
const SHEETS = ['Summary', ...CODE_SHEETS];
const FILTERS = ['A1:F' + String(codes.length + 1), 'A1:F' + String(edgeCodes.length + 1), 'A1:F1'];

describe('filter buttons', () => {
  it.skipIf(noLibreOffice)('LibreOffice shows them over every codes sheet, and none on Summary', () => {
    expect(
      libreOffice.sheets.map(({ name, autoFilter, filterRange }) => ({ name, autoFilter, filterRange })),
    ).toEqual([
      { name: 'Summary', autoFilter: false, filterRange: null },
      ...CODE_SHEETS.map((name, index) => ({ name, autoFilter: true, filterRange: FILTERS[index] })),
    ]);
  });

  it.skipIf(noGnumeric || noOpenpyxl)('Gnumeric and openpyxl find the same filter ranges', () => {
    expect(gnumeric.sheets.map((sheet) => sheet.filters)).toEqual([[], ...FILTERS.map((range) => [range])]);
    expect(openpyxl.map((sheet) => sheet.auto_filter)).toEqual([null, ...FILTERS]);
  });

  it('defines the hidden name _xlnm._FilterDatabase for each, on its own sheet, as Excel does', () => {
    const names = [...(parts.get('xl/workbook.xml') ?? '').matchAll(/<definedName ([^>]*)>([^<]*)</g)];
    expect(names.map(([, attributes, range]) => `${attributes} ${range}`)).toEqual([
      `name="_xlnm._FilterDatabase" localSheetId="1" hidden="1" 'Hostile'!$A$1:$F$${codes.length + 1}`,
      `name="_xlnm._FilterDatabase" localSheetId="2" hidden="1" 'Calendar''s edges'!$A$1:$F$${edgeCodes.length + 1}`,
      `name="_xlnm._FilterDatabase" localSheetId="3" hidden="1" 'Loyalty 7'!$A$1:$F$1`,
    ]);
  });
});

describe('text', () => {
  it('is stored as strings, never as a formula result without a formula (t="str")', () => {
    const sheets = [...parts.keys()].filter((name) => name.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(SHEETS.length);
    const kinds = new Set(
      sheets.flatMap((name) =>
        [...(parts.get(name) ?? '').matchAll(/<c [^>]*?(?: t="(\w+)")?>/g)].map((m) => m[1] ?? 'number'),
      ),
    );
    expect(kinds).toEqual(new Set(['s', 'inlineStr', 'number']));
    expect(parts.get('xl/worksheets/sheet2.xml')).not.toMatch(/<f>/);
  });

  it.skipIf(noLibreOffice)('reaches LibreOffice as text, every code exactly, edge spaces and all', () => {
    const rows = libreOffice.sheets[1]?.rows.slice(1) ?? [];
    expect(rows.map((row) => ({ type: row[0]?.type, text: row[0]?.text }))).toEqual(
      codes.map((code) => ({ type: 'TEXT', text: shownByLibreOffice(code.code) })),
    );
    expect(new Set(rows.map((row) => `${row[1]?.type} ${row[0]?.format}`))).toEqual(new Set(['TEXT @']));
  });

  it.skipIf(noGnumeric)('reaches Gnumeric as strings, as stored (it does not decode _xHHHH_ escapes)', () => {
    const sheet = gnumeric.sheets[1];
    const types = codes.map((_, index) => sheet?.cells.get(`${index + 1},0`)?.type);
    expect(new Set(types)).toEqual(new Set([GNUMERIC_TYPE.string]));
    expect(sheet?.shown.slice(1).map((row) => row[0])).toEqual(codes.map((code) => stored(code.code)));
  });

  it.skipIf(noOpenpyxl)('reaches openpyxl as str, every code exactly', () => {
    const rows = openpyxl[1]?.rows.slice(1) ?? [];
    expect(rows.map((row) => [row[0]?.t, row[0]?.v])).toEqual(codes.map((code) => ['str', code.code]));
  });
});

describe("dates at the edges of Excel's calendar", () => {
  it.skipIf(noOpenpyxl)(
    'are dates where Excel has them, counting its phantom 1900-02-29, and the timestamp as text elsewhere',
    () => {
      const rows = openpyxl[2]?.rows.slice(1) ?? [];
      expect(rows.map((row) => [row[2]?.t, row[2]?.v])).toEqual(
        EDGES.map(({ at, wall }) =>
          wall === null ? ['str', at] : ['datetime', `${wall.replace(' ', 'T')}.000000`],
        ),
      );
      expect(rows.map((row) => row[5]?.v ?? null)).toEqual(
        EDGES.map((_, i) => (i === EDGES.length - 1 ? EDGES[i]?.at : null)),
      );
    },
  );

  it.skipIf(noGnumeric)('show in Gnumeric as the same wall-clock times and texts', () => {
    const rows = gnumeric.sheets[2]?.shown.slice(1) ?? [];
    expect(rows.map((row) => row[2])).toEqual(EDGES.map(({ at, wall }) => wall ?? at));
    const types = EDGES.map((_, index) => gnumeric.sheets[2]?.cells.get(`${index + 1},2`)?.type);
    expect(types).toEqual(
      EDGES.map(({ wall }) => (wall === null ? GNUMERIC_TYPE.string : GNUMERIC_TYPE.float)),
    );
  });

  it.skipIf(noLibreOffice)(
    'show in LibreOffice a day early before 1900-03-01: it has no 1900-02-29 (a known difference from Excel)',
    () => {
      const dayBefore = (wall: string) => {
        const date = new Date(`${wall.replace(' ', 'T')}Z`);
        return date < new Date('1900-03-01T00:00:00Z') ? wallText(date.getTime() - 86_400_000, 'UTC') : wall;
      };
      const rows = libreOffice.sheets[2]?.rows.slice(1) ?? [];
      expect(rows.map((row) => [row[2]?.type, row[2]?.text])).toEqual(
        EDGES.map(({ at, wall }) => (wall === null ? ['TEXT', at] : ['VALUE', dayBefore(wall)])),
      );
    },
  );

  it.skipIf(noOpenpyxl)('are counted on the Summary sheet when some had to be written as text', () => {
    const summary = openpyxl[0]?.rows.map((row) => row.map((cell) => cell.v)) ?? [];
    expect(summary[5]?.slice(0, 3)).toEqual([
      'Dates as text',
      DATES_AS_TEXT,
      "outside Excel's calendar (1900–9999): written as Altcraft sent them, in UTC",
    ]);
    expect(summary[7]?.[0]).toBe('Loyalty ID');
  });

  it('are read back by the app as the instants they were', async () => {
    const { programs } = await readBack(target);
    expect(programs[1]?.codes).toEqual(edgeCodes);
  });
});

describe('properties', () => {
  it.skipIf(noLibreOffice || noGnumeric)(
    'name Promo Exporter and its version as the maker, not Microsoft Excel',
    () => {
      expect(libreOffice.generator).toBe(`Promo Exporter/${APP_VERSION}`);
      expect(libreOffice.author).toBe('Promo Exporter');
      expect(gnumeric.creator).toBe('Promo Exporter');
      expect(parts.get('docProps/app.xml')).not.toContain('Microsoft');
    },
  );

  it.skipIf(noOpenpyxl)(
    "declare each sheet's used range in <dimension>, which openpyxl's read-only mode relies on",
    () => {
      expect(openpyxl.map((sheet) => [sheet.name, sheet.dimension])).toEqual([
        ['Summary', 'A1:H11'],
        ['Hostile', `A1:F${codes.length + 1}`],
        ["Calendar's edges", `A1:F${edgeCodes.length + 1}`],
        ['Loyalty 7', 'A1:F1'],
      ]);
    },
  );

  it('count the shared strings right: every cell that uses one, and every entry', () => {
    const sst = parts.get('xl/sharedStrings.xml') ?? '';
    const references = [...parts.entries()]
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .reduce((sum, [, xml]) => sum + (xml.match(/ t="s"/g)?.length ?? 0), 0);
    expect(references).toBeGreaterThan(codes.length);
    expect(sst).toContain(`count="${references}"`);
    expect(sst).toContain(`uniqueCount="${sst.match(/<si>/g)?.length ?? -1}"`);
  });
});
