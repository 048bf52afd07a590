// One XML part, streamed through saxes (a maintained SAX parser that never expands entities of its
// own or fetches anything). A DOCTYPE is refused outright: Excel and LibreOffice never write one, and
// it is the door to entity expansion (billion laughs) and external entities (XXE).

import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { unreadable } from './unreadable';

export interface XmlHandlers {
  /** `name` without its namespace prefix (`x:row` and `row` alike); attributes as written. */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export async function parseXmlPart(
  source: Readable,
  partName: string,
  handlers: XmlHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw unreadable('damaged', `${partName} declares a DOCTYPE, which no spreadsheet writes`);
  });
  parser.on('error', (error) => {
    throw unreadable('damaged', `${partName} is not well-formed XML: ${error.message}`, error);
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  const { text, close } = handlers;
  if (text !== undefined) parser.on('text', text);
  if (close !== undefined) parser.on('closetag', (tag) => close(localName(tag.name)));

  try {
    for await (const chunk of source) {
      signal?.throwIfAborted();
      parser.write(chunk as string);
    }
    parser.close();
  } finally {
    // Whatever stopped the parse (a refusal, a cancel, the caller having read enough), unpack no more.
    source.destroy();
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever prefix it was written with (`r:id`, `ns1:id`). */
export function prefixedAttribute(
  attributes: Readonly<Record<string, string>>,
  local: string,
): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    const colon = name.indexOf(':');
    if (colon >= 0 && name.slice(colon + 1) === local) return value;
  }
  return undefined;
}
