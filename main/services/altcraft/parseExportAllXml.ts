// The XML form of export_all (`format: "xml"`), turned into the same raw shape JSON.parse gives, so
// one validation loop serves both. The app asks for JSON; this exists for answers that come back as
// XML anyway and for the simulator's tests. Altcraft's XML is flat (`<data>` per code, leaf
// elements inside), so a scanner is enough: no general XML parser. The scanner only moves forward
// (indexOf and per-name queues of closing tags, never a lazy regex retried from every `<`), so a
// hostile or broken body costs time in proportion to its length, never its square.

export interface RawXmlAnswer {
  data: Record<string, string>[];
  error?: string;
  error_text?: string;
}

const DATA_OPEN = /<data\s*(\/?)>/g;
const TAG_OPEN = /<([A-Za-z_][\w.-]*)\s*(\/?)>/g;
const TAG_CLOSE = /<\/([A-Za-z_][\w.-]*)\s*>/g;
const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;

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
  let closesLeft = true; // once one <data> has no </data> after it, no later one can have
  DATA_OPEN.lastIndex = 0;
  for (let open = DATA_OPEN.exec(body); open !== null; open = DATA_OPEN.exec(body)) {
    if (open[1] === '/') {
      answer.data.push({});
      lastDataEnd = DATA_OPEN.lastIndex;
      continue;
    }
    const close = closesLeft ? body.indexOf('</data>', DATA_OPEN.lastIndex) : -1;
    if (close === -1) {
      closesLeft = false;
      continue;
    }
    answer.data.push(fieldsOf(body.slice(DATA_OPEN.lastIndex, close)));
    lastDataEnd = close + '</data>'.length;
    DATA_OPEN.lastIndex = lastDataEnd;
  }
  // `error` and `error_text` follow the data at the top level; codes cannot contain a raw `<`.
  const tail = body.slice(lastDataEnd);
  const error = elementText(tail, 'error');
  const errorText = elementText(tail, 'error_text');
  if (error !== undefined) answer.error = xmlText(error).trim();
  if (errorText !== undefined) answer.error_text = xmlText(errorText);
  return answer;
}

/** The leaf elements of one `<data>`: each opening tag with the first closing tag of its name after it. */
function fieldsOf(block: string): Record<string, string> {
  const closes = new Map<string, { start: number; end: number }[]>();
  TAG_CLOSE.lastIndex = 0;
  for (let m = TAG_CLOSE.exec(block); m !== null; m = TAG_CLOSE.exec(block)) {
    const name = m[1] as string;
    const list = closes.get(name) ?? [];
    list.push({ start: m.index, end: TAG_CLOSE.lastIndex });
    closes.set(name, list);
  }
  const next = new Map<string, number>(); // per name: the first closing tag not yet passed
  const fields: Record<string, string> = {};
  TAG_OPEN.lastIndex = 0;
  for (let m = TAG_OPEN.exec(block); m !== null; m = TAG_OPEN.exec(block)) {
    const name = m[1] as string;
    if (m[2] === '/') {
      fields[name] = '';
      continue;
    }
    const list = closes.get(name) ?? [];
    let i = next.get(name) ?? 0;
    while (i < list.length && (list[i] as { start: number }).start < TAG_OPEN.lastIndex) i++;
    next.set(name, i);
    const close = list[i];
    if (close === undefined) continue; // never closed: not a field
    fields[name] = xmlText(block.slice(TAG_OPEN.lastIndex, close.start));
    TAG_OPEN.lastIndex = close.end;
  }
  return fields;
}

/** The text of the first `<name>…</name>`, or undefined. */
function elementText(text: string, name: string): string | undefined {
  const start = text.indexOf(`<${name}>`);
  if (start === -1) return undefined;
  const from = start + name.length + 2;
  const end = text.indexOf(`</${name}>`, from);
  return end === -1 ? undefined : text.slice(from, end);
}

function xmlText(raw: string): string {
  if (!raw.includes('&') && !raw.includes('<![CDATA[')) return raw;
  // CDATA content is literal; entities are decoded only outside it.
  let out = '';
  let last = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', last);
    if (start === -1) break;
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) break; // an unclosed CDATA is text like any other
    out += decodeEntities(raw.slice(last, start)) + raw.slice(start + 9, end);
    last = end + 3;
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
