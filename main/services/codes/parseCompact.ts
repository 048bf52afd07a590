// parseExportAll for a million codes without a million-object JSON tree: the `data` list is cut into
// batches of whole entries, and each batch goes through parseExportAll itself, so every rule it has
// (dates, flags, Go's zero time, what counts as malformed) applies unchanged, while only one batch's
// objects exist at a time. Anything unusual (`"data": null`, a repeated key, a body that does not
// parse, a batch parseExportAll refuses) falls back to parseExportAll on the whole text, so the
// outcome, and every error's code and message, is exactly parseExportAll's.
import { parseExportAll } from '../altcraft/parseExportAll';
import type { CompactCodes } from './compactCodes';
import { CompactCodesBuilder, compactCodes } from './compactCodes';

/** About 20,000 entries of Altcraft's JSON. */
const BATCH_CHARS = 1 << 20;

export function parseExportAllCompact(text: string): CompactCodes {
  let fast: CompactCodes | null;
  try {
    fast = parseInBatches(text);
  } catch {
    fast = null;
  }
  return fast ?? compactCodes(parseExportAll(text));
}

/** The codes, or null when the body is not the plain shape this handles (the caller falls back). */
function parseInBatches(text: string): CompactCodes | null {
  const scan = new Scanner(text);
  if (scan.peek() === 0xfeff) scan.at += 1;
  scan.skipSpace();
  if (scan.next() !== 0x7b /* { */) return null;
  const others: string[] = [];
  const seen = new Set<string>();
  let codes: CompactCodes | null = null;
  scan.skipSpace();
  if (scan.peek() === 0x7d /* } */) return null;
  for (;;) {
    scan.skipSpace();
    const keyStart = scan.at;
    if (scan.peek() !== 0x22 /* " */) return null;
    scan.skipString();
    const key = text.slice(keyStart, scan.at);
    if (seen.has(key)) return null;
    seen.add(key);
    scan.skipSpace();
    if (scan.next() !== 0x3a /* : */) return null;
    scan.skipSpace();
    if (key === '"data"') {
      if (scan.peek() !== 0x5b /* [ */) return null;
      codes = readEntries(scan);
      if (codes === null) return null;
    } else {
      const valueStart = scan.at;
      scan.skipValue();
      others.push(`${key}:${text.slice(valueStart, scan.at)}`);
    }
    scan.skipSpace();
    const separator = scan.next();
    if (separator === 0x7d /* } */) break;
    if (separator !== 0x2c /* , */) return null;
  }
  scan.skipSpace();
  if (scan.at !== text.length || codes === null) return null;
  // The envelope without its codes: parseExportAll judges `error` and `error_text` as it always does.
  parseExportAll(`{${[...others, '"data":[]'].join(',')}}`);
  return codes;
}

/**
 * Reads the `data` list a batch at a time; null when an entry is not an object. A batch ends at the
 * first `},` after about a megabyte, found with indexOf rather than a character loop. That `},` may sit
 * inside a code; then the batch does not parse (its text ends inside a string) and the caller falls
 * back, so a wrong cut can cost time but never a wrong code. The last stretch is walked entry by entry.
 */
function readEntries(scan: Scanner): CompactCodes | null {
  const text = scan.text;
  const builder = new CompactCodesBuilder(entriesAbout(text, scan.at));
  const take = (from: number, to: number) => {
    for (const code of parseExportAll(`{"data":[${text.slice(from, to)}]}`)) builder.push(code);
  };
  scan.at += 1; // [
  scan.skipSpace();
  if (scan.peek() === 0x5d /* ] */) {
    scan.at += 1;
    return builder.finish();
  }
  for (;;) {
    scan.skipSpace();
    if (scan.peek() !== 0x7b /* { */) return null;
    const start = scan.at;
    const cut = text.length - start > 2 * BATCH_CHARS ? text.indexOf('},', start + BATCH_CHARS) : -1;
    if (cut !== -1) {
      take(start, cut + 1);
      scan.at = cut + 2;
      continue;
    }
    // The rest, entry by entry, to find where the list ends.
    let first = start;
    for (;;) {
      scan.skipSpace();
      if (scan.peek() !== 0x7b /* { */) return null;
      scan.skipValue();
      const end = scan.at;
      scan.skipSpace();
      const separator = scan.next();
      if (separator === 0x5d /* ] */) {
        take(first, end);
        return builder.finish();
      }
      if (separator !== 0x2c /* , */) return null;
      if (end - first > BATCH_CHARS) {
        take(first, end);
        scan.skipSpace();
        first = scan.at;
      }
    }
  }
}

/** How many entries follow: each has one `"code":` (a code holding that text only adds room). */
function entriesAbout(text: string, from: number): number {
  let count = 0;
  for (let at = text.indexOf('"code"', from); at !== -1; at = text.indexOf('"code"', at + 6)) count += 1;
  return Math.max(16, count);
}

/** A cursor over JSON text that skips whole values without building them. Throws past the end. */
class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  peek(): number {
    return this.text.charCodeAt(this.at);
  }

  next(): number {
    if (this.at >= this.text.length) throw new RangeError('end of text');
    return this.text.charCodeAt(this.at++);
  }

  skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at += 1;
      else break;
    }
    this.at = at;
  }

  /** From an opening quote to just past the closing one. */
  skipString(): void {
    const text = this.text;
    let at = this.at + 1;
    for (;;) {
      const quote = text.indexOf('"', at);
      if (quote === -1) throw new RangeError('unterminated string');
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
      at = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.at = at;
  }

  /** One value: a string, a bracketed object or list (whatever it holds), or a bare literal. */
  skipValue(): void {
    const text = this.text;
    const first = text.charCodeAt(this.at);
    if (first === 0x22) {
      this.skipString();
      return;
    }
    if (first !== 0x7b && first !== 0x5b) {
      let at = this.at;
      for (;;) {
        const c = text.charCodeAt(at);
        if (Number.isNaN(c) || c === 0x2c || c === 0x7d || c === 0x5d || c <= 0x20) break;
        at += 1;
      }
      if (at === this.at) throw new RangeError('no value');
      this.at = at;
      return;
    }
    let depth = 0;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) throw new RangeError('unterminated value');
      if (c === 0x22) {
        this.at = at;
        this.skipString();
        at = this.at;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        depth -= 1;
        if (depth === 0) {
          this.at = at + 1;
          return;
        }
      }
      at += 1;
    }
  }
}
