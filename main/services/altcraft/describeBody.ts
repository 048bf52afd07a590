// A one-line description of a response body for the log: what it looks like and how big it is,
// never the body itself (a proxy's HTML page can be huge, and a server might echo what it got).
// Only the body's first bytes are kept for this, whatever its size.

const TITLE = /<title[^>]*>([^<]{0,200})<\/title>/i;

/** `start` is the body's beginning (a few KB at most); `size` its length in bytes as far as it was read. */
export function describeBody(start: string, size: number, contentType?: string | null): string {
  const bytes = `${size} bytes`;
  const type = contentType ? `${contentType.split(';')[0]?.trim()} ` : '';
  const head = start.slice(0, 512).trimStart();
  if (head === '') return `an empty ${type}body`;
  if (isHtmlPage(start)) {
    const title = TITLE.exec(start.slice(0, 4096))?.[1]?.replace(/\s+/g, ' ').trim().slice(0, 80);
    return `an HTML page${title ? ` titled "${title}"` : ''} (${type}${bytes})`;
  }
  if (head.startsWith('<')) return `an XML or markup ${type}body (${bytes})`;
  if (head.startsWith('{') || head.startsWith('[')) return `a JSON-like ${type}body (${bytes})`;
  return `a ${type}text body (${bytes})`;
}

/** Whether the body is a web page (a proxy's error or sign-in page), judged from its start. */
export function isHtmlPage(start: string): boolean {
  const head = start.slice(0, 512).trimStart();
  return /^<(!doctype\s+html|html|head|body)\b/i.test(head) || /<html\b/i.test(head);
}
