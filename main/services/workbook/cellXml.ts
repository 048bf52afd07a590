// How cells are written in a sheet's XML. Text is a real string, never `t="str"` (ECMA-376 keeps that for
// a formula's cached result): codes go inline (`t="inlineStr"`), since there may be a million different
// ones and a shared-string table would hold them all in memory until the end; labels and status words,
// a few dozen strings repeated on every row, go through the shared-string table (`t="s"`).
//
// Text is ST_Xstring in both forms, as Excel writes it: `_xHHHH_` for characters XML cannot hold, and
// `_x005F_` before a literal `_xHHHH_`, so readers that decode the escapes (Excel, LibreOffice) get the
// text back byte for byte. `xml:space="preserve"` keeps whitespace that readers would otherwise trim.

/** A string in the workbook's shared-string table, by its index. */
export interface SharedText {
  readonly shared: number;
}

/** A number, inline text, shared text, or null for no cell at all. */
export type CellValue = number | string | SharedText | null;

/* eslint-disable no-control-regex -- matching the control characters is the point */
const NEEDS_XSTRING_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g;
const NEEDS_ANY_ESCAPE = /[&<>"]|_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/;
/* eslint-enable no-control-regex */
const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Whitespace a reader may trim or collapse unless told to keep it (tab, line breaks, no-break spaces…). */
const WHITESPACE = /\s/;

/** Text as the content of a `<t>` element: ST_Xstring escapes, then XML escapes. */
export function textXml(text: string): string {
  if (!NEEDS_ANY_ESCAPE.test(text)) return text;
  return escapeXml(
    text.replace(
      NEEDS_XSTRING_ESCAPE,
      (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    ),
  );
}

/** A `<t>` element holding the text, keeping its whitespace. */
export function tElement(text: string): string {
  return WHITESPACE.test(text) ? `<t xml:space="preserve">${textXml(text)}</t>` : `<t>${textXml(text)}</t>`;
}

/** XML's special characters in text or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (char) => XML_ENTITIES[char] as string);
}

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

const FIRST_COLUMNS = Array.from({ length: 26 }, (_, index) => columnName(index));

/**
 * One `<row>`: `values[i]` goes in column i with style `styles[i]` (0 is the default style and is left
 * out); null leaves the cell out. This runs for every code, so it builds one string and nothing else.
 */
export function rowXml(rowNumber: number, values: readonly CellValue[], styles: readonly number[]): string {
  let cells = '';
  for (let column = 0; column < values.length; column += 1) {
    const value = values[column];
    if (value === null || value === undefined) continue;
    const style = styles[column] ? ` s="${styles[column]}"` : '';
    const ref = `${FIRST_COLUMNS[column] ?? columnName(column)}${rowNumber}`;
    if (typeof value === 'number') cells += `<c r="${ref}"${style}><v>${value}</v></c>`;
    else if (typeof value === 'string')
      cells += `<c r="${ref}"${style} t="inlineStr"><is>${tElement(value)}</is></c>`;
    else cells += `<c r="${ref}"${style} t="s"><v>${value.shared}</v></c>`;
  }
  return `<row r="${rowNumber}">${cells}</row>`;
}
