// Which codes a spreadsheet might run as a formula when it opens a CSV file (OWASP "CSV Injection"):
// those whose first visible character is `=`, `+`, `-` or `@`. Spreadsheets skip what cannot be seen
// before it, and some read full-width forms as the ASCII ones, so the check does too: leading whitespace
// of any kind (spaces, no-break spaces, ideographic spaces, line breaks), zero-width and other invisible
// characters (joiners, direction marks, a byte-order mark, control characters) are skipped, and the first
// visible character is folded by Unicode compatibility (NFKC: `＝＋－＠` and their small forms become
// `=+-@`). As OWASP lists, a code starting with a tab or a carriage return counts whatever follows, and a
// line feed is taken the same way. writeCsv puts a `'` in front of such codes.

const INVISIBLE_START = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]+/u;
const FORMULA_STARTS = new Set(['=', '+', '-', '@']);
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function looksLikeFormula(code: string): boolean {
  const first = code.charCodeAt(0);
  // Almost every code starts with a visible ASCII character: decide on it alone.
  if (first > 0x20 && first < 0x7f) return FORMULA_STARTS.has(code.charAt(0));
  if (first === TAB || first === CARRIAGE_RETURN || first === LINE_FEED) return true;
  const visible = code.replace(INVISIBLE_START, '');
  const char = visible.codePointAt(0);
  if (char === undefined) return false;
  return FORMULA_STARTS.has(String.fromCodePoint(char).normalize('NFKC').charAt(0));
}
