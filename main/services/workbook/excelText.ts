// Keeping text byte for byte in an .xlsx. exceljs's streaming writer puts strings inline as
// `<c t="str"><v>…</v></c>`, which is fast and needs no string table, but measured with LibreOffice:
// surrounding whitespace there is trimmed, and `_xHHHH_` escapes are not decoded. Worse, exceljs drops
// control characters, and its own reader decodes XML entities twice in such cells ("&amp;lt;" comes back
// as "<"). The few strings at risk go through the shared-string table instead, written as
// `<t xml:space="preserve">`, with the escapes Excel itself uses (ECMA-376 ST_Xstring):
// `_xHHHH_` for characters XML cannot hold, and `_x005F_` before a literal `_xHHHH_`.

/* eslint-disable no-control-regex -- matching the control characters is the point */
const AT_RISK = /^\s|\s$|_x[0-9A-Fa-f]{4}_|&[a-zA-Z#0-9]*;|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/;
const NEEDS_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

/** Whether the string must go through the shared-string table to survive unchanged. */
export function needsSharedString(text: string): boolean {
  return AT_RISK.test(text);
}

/** ST_Xstring escaping, for strings that go through the shared-string table. */
export function escapeSharedString(text: string): string {
  return text.replace(
    NEEDS_ESCAPE,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
