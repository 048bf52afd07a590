// A one-line description of a response body for the log: what it looks like and how big it is,
// never the body itself (a proxy's HTML page can be huge, and a server might echo what it got).

const TITLE = /<title[^>]*>([^<]{0,200})<\/title>/i;

export function describeBody(body: string, contentType?: string | null): string {
  const size = `${body.length} characters`;
  const type = contentType ? `${contentType.split(';')[0]?.trim()} ` : '';
  const start = body.slice(0, 512).trimStart();
  if (start === '') return `an empty ${type}body`;
  if (isHtmlPage(body)) {
    const title = TITLE.exec(body.slice(0, 4096))?.[1]?.replace(/\s+/g, ' ').trim().slice(0, 80);
    return `an HTML page${title ? ` titled "${title}"` : ''} (${type}${size})`;
  }
  if (start.startsWith('<')) return `an XML or markup ${type}body (${size})`;
  if (start.startsWith('{') || start.startsWith('[')) return `a JSON-like ${type}body (${size})`;
  return `a ${type}text body (${size})`;
}

/** Whether the body is a web page (a proxy's error or sign-in page), judged from its start. */
export function isHtmlPage(body: string): boolean {
  const start = body.slice(0, 512).trimStart();
  return /^<(!doctype\s+html|html|head|body)\b/i.test(start) || /<html\b/i.test(start);
}
