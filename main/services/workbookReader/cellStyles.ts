// Which cell styles show a number as a date. A spreadsheet stores a date as a plain number (days since
// 1900) and only its style's number format says it is one, so the reader needs this to tell a date
// from a code that happens to be numeric.

import { parseXmlPart } from './xmlPart';
import type { ZipPackage } from './zipPackage';
import { smallPart } from './workbookParts';

/** Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30, and the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** For each cell style (the `s` of a cell), whether it shows dates. */
export async function readDateStyles(
  zip: ZipPackage,
  part: string,
  signal?: AbortSignal,
): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parseXmlPart(
    await smallPart(zip, part, signal),
    part,
    {
      open(name, attributes) {
        if (name === 'numFmt') formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    signal,
  );
  return styleFormats.map((id) => {
    const custom = formats.get(id);
    return custom === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(custom);
  });
}

/**
 * A custom format shows a date when, once its quoted text, escaped characters and bracketed parts
 * (colours, locales; not elapsed time like `[h]`) are taken out, it still has a day, month, year,
 * hour or second in it.
 */
export function isDateFormat(format: string): boolean {
  const section = format.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (bare.includes('general')) return false;
  return /[dmyhs]/.test(bare.replace(/\[[hms]+\]/g, 'h'));
}
