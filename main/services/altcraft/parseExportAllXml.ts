// The XML form of export_all (`format: "xml"`), turned into the same raw shape JSON.parse gives, so
// one validation loop serves both. The app asks for JSON; this exists for answers that come back as
// XML anyway and for the simulator's tests. Altcraft's XML is flat (`<data>` per code, leaf
// elements inside), so a scanner is enough: no general XML parser.

export interface RawXmlAnswer {
  data: Record<string, string>[];
  error?: string;
  error_text?: string;
}

const DATA = /<data>([\s\S]*?)<\/data>|<data\s*\/>/g;
const FIELD = /<([A-Za-z_][\w.-]*)\s*>([\s\S]*?)<\/\1\s*>|<([A-Za-z_][\w.-]*)\s*\/>/g;
const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

export function looksLikeAltcraftXml(body: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?<xml[\s>]/i.test(body.slice(0, 256));
}

/** Whether the XML ended before its closing `</xml>`: the connection was cut, not a bad answer. */
export function xmlLooksCutOff(body: string): boolean {
  return !/<\/xml>\s*$/i.test(body.slice(-64));
}

export function parseExportAllXml(body: string): RawXmlAnswer {
  const answer: RawXmlAnswer = { data: [] };
  let lastDataEnd = 0;
  for (const match of body.matchAll(DATA)) {
    const fields: Record<string, string> = {};
    for (const field of (match[1] ?? '').matchAll(FIELD)) {
      const name = field[1] ?? field[3];
      if (name !== undefined) fields[name] = xmlText(field[2] ?? '');
    }
    answer.data.push(fields);
    lastDataEnd = (match.index ?? 0) + match[0].length;
  }
  // `error` and `error_text` follow the data at the top level; codes cannot contain a raw `<`.
  const tail = body.slice(lastDataEnd);
  const error = /<error>([\s\S]*?)<\/error>/.exec(tail)?.[1];
  const errorText = /<error_text>([\s\S]*?)<\/error_text>/.exec(tail)?.[1];
  if (error !== undefined) answer.error = xmlText(error).trim();
  if (errorText !== undefined) answer.error_text = xmlText(errorText);
  return answer;
}

function xmlText(raw: string): string {
  if (!raw.includes('&') && !raw.includes('<![CDATA[')) return raw;
  // CDATA content is literal; entities are decoded only outside it.
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(CDATA)) {
    out += decodeEntities(raw.slice(last, match.index)) + (match[1] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  return out + decodeEntities(raw.slice(last));
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    switch (name.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const point =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(point) && point >= 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}
