// The parts of an .xlsx around its sheets: the package's index and relationships, the workbook with its
// sheet list and defined names, the four cell styles the layout uses, and the document properties.
// Small and fixed, so they are written out here rather than built by a library: what goes in is exactly
// what spreadsheet programs need, and nothing claims to be what it is not.

import { escapeXml } from './cellXml';
import { DATE_TIME_FORMAT } from './workbookLayout';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_TYPES = 'application/vnd.openxmlformats-officedocument';

/** Cell styles by their index in styles.xml's `cellXfs`. */
export const STYLE = { plain: 0, bold: 1, date: 2, text: 3 } as const;

export interface PackageSheet {
  name: string;
  /** The range its filter buttons cover (`A1:F51`), if it has them. */
  autoFilter?: string;
}

export interface AboutTheFile {
  appName: string;
  appVersion: string;
  createdAt: Date;
}

export function sheetPath(index: number): string {
  return `xl/worksheets/sheet${index + 1}.xml`;
}

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/${sheetPath(index)}" ContentType="${OFFICE_TYPES}.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE_TYPES}.spreadsheetml.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${OFFICE_TYPES}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE_TYPES}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${OFFICE_TYPES}.extended-properties+xml"/>` +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

/** Sheets are rId1…rIdN, in order; styles and shared strings follow them. */
export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  ).join('');
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    sheets +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

/**
 * The sheet list, and for each sheet with filter buttons the hidden name `_xlnm._FilterDatabase` over
 * its range, as Excel itself writes it: LibreOffice shows a sheet's filter buttons only with that name.
 */
export function workbookXml(sheets: readonly PackageSheet[]): string {
  const list = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('');
  const names = sheets
    .flatMap((sheet, index) =>
      sheet.autoFilter === undefined
        ? []
        : [
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
              `${escapeXml(absoluteRange(sheet.name, sheet.autoFilter))}</definedName>`,
          ],
    )
    .join('');
  return (
    XML_DECLARATION +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<workbookPr/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (names === '' ? '' : `<definedNames>${names}</definedNames>`) +
    '<calcPr calcId="171027"/>' +
    '</workbook>'
  );
}

/** `'It''s'!$A$1:$F$51`: the sheet name always quoted, its apostrophes doubled. */
export function absoluteRange(sheetName: string, range: string): string {
  const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
}

/** Four cell formats, in STYLE's order: plain, bold (headers, labels), date-time, and text (`@`). */
export function stylesXml(): string {
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const xf = (numFmtId: number, fontId: number, apply: string) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`;
  return (
    XML_DECLARATION +
    `<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(DATE_TIME_FORMAT)}"/></numFmts>` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4">' +
    xf(0, 0, '') +
    xf(0, 1, ' applyFont="1"') +
    xf(164, 0, ' applyNumberFormat="1"') +
    xf(49, 0, ' applyNumberFormat="1"') +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/>' +
    '</styleSheet>'
  );
}

/**
 * Which program wrote the file, and its sheets. `AppVersion` is left out: the standard wants Office's
 * `XX.YYYY` there, so the version goes with the name, as LibreOffice writes its own.
 */
export function appXml(about: AboutTheFile, sheetNames: readonly string[]): string {
  const titles = sheetNames.map((name) => `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`).join('');
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${escapeXml(generator(about))}</Application>` +
    '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant">' +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant>` +
    '</vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}

/** Who made the file and when. */
export function coreXml(about: AboutTheFile): string {
  const when = about.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(about.appName)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(about.appName)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** `Promo Exporter/0.1.0`. */
export function generator(about: AboutTheFile): string {
  return `${about.appName}/${about.appVersion}`;
}
