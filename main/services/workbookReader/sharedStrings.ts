// The shared-string table Excel and LibreOffice put text cells in (our own writer does too, for some
// codes): each `<si>` is plain text (`<t>`) or rich text (runs of `<r><t>`), with phonetic guides
// (`<rPh>`) that are not part of the text.

import { decodeExcelText } from './readCells';
import { READ_LIMITS } from './readLimits';
import { unreadable } from './unreadable';
import { parseXmlPart } from './xmlPart';
import type { ZipPackage } from './zipPackage';

export async function readSharedStrings(
  zip: ZipPackage,
  part: string,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void },
): Promise<string[]> {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  await parseXmlPart(
    await zip.text(part, options),
    part,
    {
      open(name) {
        if (name === 'si') {
          if (strings.length === READ_LIMITS.sharedStrings) {
            throw unreadable('over-limit', `${part} holds more than ${READ_LIMITS.sharedStrings} strings`);
          }
          inItem = true;
          text = '';
        } else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && inItem && phonetic === 0) inText = true;
      },
      text(chunk) {
        if (!inText) return;
        text += chunk;
        if (text.length > READ_LIMITS.cellChars) {
          throw unreadable(
            'over-limit',
            `${part} holds a text longer than ${READ_LIMITS.cellChars} characters`,
          );
        }
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') {
          inItem = false;
          strings.push(decodeExcelText(text));
        }
      },
    },
    options.signal,
  );
  return strings;
}
