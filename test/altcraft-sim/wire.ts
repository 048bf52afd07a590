// How the simulator writes Altcraft's answers: success bodies in JSON or XML produced as ~64 KiB
// chunks from a code iterator (so a million codes never sit in memory as one string), error bodies,
// and a writer that respects backpressure and stops when the client goes away.
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { SimCode } from './programs';

export type Format = 'json' | 'xml';

export const CHUNK_CHARS = 64 * 1024;
export const SUCCESS_TEXT = 'Successful operation';

export function* bodyChunks(codes: Iterable<SimCode>, format: Format): Generator<string> {
  const xml = format === 'xml';
  let buffer = xml ? '<xml>' : '{"data":[';
  let first = true;
  for (const code of codes) {
    if (xml) buffer += `<data>${xmlFields(code)}</data>`;
    else buffer += (first ? '' : ',') + JSON.stringify(code);
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield (
    buffer +
    (xml
      ? `<error>0</error><error_text>${SUCCESS_TEXT}</error_text></xml>`
      : `],"error":0,"error_text":"${SUCCESS_TEXT}"}`)
  );
}

export function errorBody(format: Format, error: number, errorText: string): string {
  if (format === 'xml')
    return `<xml><error>${error}</error><error_text>${escapeXml(errorText)}</error_text></xml>`;
  return JSON.stringify({ error, error_text: errorText });
}

export function contentType(format: Format): string {
  return format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8';
}

export function byteLength(chunks: Iterable<string>): number {
  let total = 0;
  for (const chunk of chunks) total += Buffer.byteLength(chunk);
  return total;
}

/** Writes the chunks, waiting for the socket to drain; `pauseMs` spaces them out (the slow drip). */
export async function writeChunks(res: ServerResponse, chunks: Iterable<string>, pauseMs = 0): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drainOrClose(res);
    if (pauseMs > 0) await delay(pauseMs);
  }
  if (!res.destroyed) res.end();
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function xmlFields(code: SimCode): string {
  let out = '';
  for (const [name, value] of Object.entries(code)) {
    if (value === undefined || value === null) continue;
    const text =
      typeof value === 'object'
        ? xmlFields(value as SimCode)
        : escapeXml(String(value as string | number | boolean));
    out += `<${name}>${text}</${name}>`;
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => XML_ENTITIES[char] ?? char);
}
