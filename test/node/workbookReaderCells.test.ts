// The cell forms spreadsheets write, each in a workbook made in the test: shared strings with rich
// text and phonetic guides, inline strings, custom date formats, the 1904 date system, ISO date cells,
// prefixed namespaces. Each must read back as the code and dates it stands for.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { readWorkbook } from '../../main/services/workbookReader';
import { isDateFormat } from '../../main/services/workbookReader/cellStyles';
import { partName } from '../../main/services/workbookReader/workbookParts';
import { craftZip, sheetXml, workbookParts } from '../readers/craftZip';
import { promoCodes } from '../support/readBack';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'reader-cells-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;Code &quot;0"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>
</styleSheet>`;

const SHARED = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>Code</t></si><si><t xml:space="preserve">Attached</t></si>
<si><r><rPr><b/></rPr><t>RICH-</t></r><r><t>CODE</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
<si><t>under_x005F_score_x000D_</t></si></sst>`;

async function workbookFile(
  name: string,
  sheet: string,
  options: { date1904?: boolean } = {},
): Promise<string> {
  const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
    options.date1904 === true ? '<workbookPr date1904="1"/>' : ''
  }<sheets><sheet name="Codes" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Codes!$A$1:$B$3</definedName></definedNames></workbook>`;
  const parts = workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }], workbook);
  const rels = parts.find((part) => part.name === 'xl/_rels/workbook.xml.rels');
  if (rels !== undefined) {
    rels.data = String(rels.data).replace(
      '</Relationships>',
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
    );
  }
  const path = join(folder, name);
  await writeFile(
    path,
    craftZip([
      ...parts,
      { name: 'xl/styles.xml', data: STYLES },
      { name: 'xl/sharedStrings.xml', data: SHARED },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]),
  );
  return path;
}

async function firstProgram(path: string): Promise<PromoCode[]> {
  const [program] = (await readWorkbook(path, { timeZone: 'UTC' })).programs;
  if (program === undefined) throw new Error('no program read');
  return promoCodes(program.codes);
}

describe('cells as spreadsheets write them', () => {
  it('reads shared, rich, inline, numeric and escaped codes, and dates in every form', async () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45292.5</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="3"><v>45292.25</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> spaced </t></is></c><c r="B4" t="d"><v>2024-01-01T06:00:00</v></c></row>' +
      '<row r="5"><c r="A5" s="2"><v>7</v></c><c r="B5" t="str"><v>2024-01-01 07:00:00</v></c></row>' +
      '<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" t="inlineStr"><is><t>0999-12-31 23:59:59</t></is></c></row>' +
      '<row r="7"><c r="A7" t="e"><v>#N/A</v></c></row>' +
      '<row r="9"><c t="str"><f>"F"&amp;"X"</f><v>FX</v></c></row>' +
      // Dates outside Excel's calendar, written as text the way Altcraft sends them
      '<row r="10"><c t="inlineStr"><is><t>FAR</t></is></c><c t="inlineStr"><is><t>+010000-01-01T00:00:00Z</t></is></c></row>' +
      '<row r="11"><c t="inlineStr"><is><t>OLD</t></is></c><c t="inlineStr"><is><t>1850-06-01T12:00:00.250Z</t></is></c></row>';
    const path = await workbookFile(
      'forms.xlsx',
      sheetXml(rows).replace('<sheetData>', '<dimension ref="A1:B9"/><sheetData>'),
    );
    const codes = await firstProgram(path);
    const at = (iso: string) => Date.parse(`${iso}Z`);
    const year999 = new Date(0);
    year999.setUTCFullYear(999, 11, 31);
    year999.setUTCHours(23, 59, 59);
    expect(codes.map((code) => [code.code, code.attached])).toEqual([
      ['RICH-CODE', at('2024-01-01T12:00:00')],
      ['under_score\r', at('2024-01-01T06:00:00')],
      [' spaced ', at('2024-01-01T06:00:00')],
      ['7', at('2024-01-01T07:00:00')],
      ['TRUE', year999.getTime()],
      ['#N/A', null],
      ['FX', null],
      ['FAR', Date.parse('+010000-01-01T00:00:00Z')],
      ['OLD', Date.parse('1850-06-01T12:00:00.250Z')],
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const rows =
      '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' +
      '<row><c t="inlineStr"><is><t>X</t></is></c><c s="1"><v>0</v></c></row>';
    const path = await workbookFile('1904.xlsx', sheetXml(rows), { date1904: true });
    expect((await firstProgram(path))[0]?.attached).toBe(Date.UTC(1904, 0, 1));
  });

  it('reads sheets whose elements carry a namespace prefix', async () => {
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>Code</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>PREFIXED</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const codes = await firstProgram(await workbookFile('prefixed.xlsx', sheet));
    expect(codes.map((code) => code.code)).toEqual(['PREFIXED']);
  });
});

describe('what counts as a date format', () => {
  it.each([
    ['yyyy-mm-dd hh:mm:ss', true],
    ['dd/mm/yyyy\\ hh:mm', true],
    ['[$-409]d-mmm-yy', true],
    ['[h]:mm', true],
    ['"Code "0', false],
    ['0.00', false],
    ['[Red]0;[Blue]-0', false],
    ['General', false],
    ['@', false],
  ])('%s is a date: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('relationship targets', () => {
  it.each([
    ['xl', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl', '../customXml/item1.xml', 'customXml/item1.xml'],
    ['xl', 'worksheets/sheet%201.xml', 'xl/worksheets/sheet 1.xml'],
    ['xl', '../../etc/passwd', null],
    ['xl', '/../etc/passwd', null],
  ])('from %s, %s is %s', (folder, target, expected) => {
    expect(partName(folder, target)).toBe(expected);
  });
});
