// Cuts secrets out of whatever is about to be logged: the known token values (also JSON-escaped and
// URL-encoded), `Authorization` headers, `Bearer …`, and the value of any `token`/`password` field,
// whether it comes as JSON, a query string, an inspected object or a header. Objects and errors are
// walked (their `cause` chains too), cycles and depth cut off, so nothing reaches a log line as is.
// Pure: the log, the crash dialog and the tests all use it the same way.

export const REDACTED = '[redacted]';

const MAX_DEPTH = 8;
const MAX_ITEMS = 50;
const MAX_TEXT = 8_000;
/** Text is cut to this before the rules run, so a huge string costs bounded time; the final cut to
 * MAX_TEXT then drops the end, where a token cut in half could sit. */
const MAX_SCANNED = 8 * MAX_TEXT;

/** Field names whose value is a secret, wherever they appear in an object. */
const SENSITIVE_KEY =
  /^(?:(?:api|access|auth|refresh|id|bearer)?[-_]?token|authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|client[-_]?secret|api[-_]?key|x-api-key)$/i;

// The same names as they appear inside text. `Secret Service` or `the API token was refused` stay:
// only a name followed by a separator and a value is a field.
const KEY = String.raw`(?:(?:api|access|auth|refresh|id)?[-_]?token|password|secret|api[-_]?key|(?:proxy-)?authorization)`;
const SEP = String.raw`\s*(?:=>|:|=)\s*`;
const TEXT_RULES: readonly [RegExp, string][] = [
  // "token": "…" and 'token': '…' (JSON, Python-ish, a Map inspected), or an unquoted value
  [
    new RegExp(String.raw`(["'])(${KEY})\1(${SEP})(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,}\]]+)`, 'gi'),
    `$1$2$1$3"${REDACTED}"`,
  ],
  // JSON inside a JSON string: \"token\":\"…\"
  [new RegExp(String.raw`(\\")(${KEY})\\"(${SEP})\\"(?:(?!\\").)*\\"`, 'gi'), `$1$2\\"$3\\"${REDACTED}\\"`],
  // token: '…' as util.inspect writes an object
  [new RegExp(String.raw`\b(${KEY})(${SEP})(["'\`])(?:(?!\3)[^\\]|\\.)*\3`, 'gi'), `$1$2$3${REDACTED}$3`],
  // ?token=… &token=… in a URL or a form body
  [new RegExp(String.raw`\b(${KEY})=[^&#\s"'<>]*`, 'gi'), `$1=${REDACTED}`],
  // Authorization: Bearer … as a raw header line
  [
    new RegExp(String.raw`\b((?:proxy-)?authorization)(\s*[:=]\s*)(?!["'\s])[^\r\n,;"'}]*`, 'gi'),
    `$1$2${REDACTED}`,
  ],
  [/\bBearer\s+[\w\-.~+/]+=*/gi, `Bearer ${REDACTED}`],
];

const secretPatterns = new WeakMap<readonly string[], RegExp | null>();

/** One regular expression for every form a known secret may take in text, built once per list. */
function patternFor(secrets: readonly string[]): RegExp | null {
  let pattern = secretPatterns.get(secrets);
  if (pattern !== undefined) return pattern;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  pattern = sorted.length === 0 ? null : new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  secretPatterns.set(secrets, pattern);
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactText(text: string, secrets: readonly string[] = []): string {
  // One pass for the secrets, so a marker just written is never cut into again by a short secret.
  const pattern = patternFor(secrets);
  const scanned = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  let out = pattern === null ? scanned : scanned.replace(pattern, REDACTED);
  for (const [rule, replacement] of TEXT_RULES) out = out.replace(rule, replacement);
  return out.length > MAX_TEXT
    ? `${out.slice(0, MAX_TEXT)}… (${out.length - MAX_TEXT + text.length - scanned.length} more characters)`
    : out;
}

/**
 * A JSON-safe copy with every secret cut out: sensitive fields replaced, strings redacted, errors
 * as plain objects with their cause, binary data as its size only (a request body may hold a token).
 */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  return walk(value, secrets, new Set(), 0);
}

function walk(value: unknown, secrets: readonly string[], path: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value !== 'object' || value === null) return value;
  if (path.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof URL || value instanceof URLSearchParams) return redactText(value.toString(), secrets);

  path.add(value);
  try {
    const next = (item: unknown) => walk(item, secrets, path, depth + 1);
    if (value instanceof Headers || value instanceof Map) {
      return fields(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        secrets,
        next,
      );
    }
    if (Array.isArray(value) || value instanceof Set) return items([...value], next);
    const entries = ownEntries(value);
    if (value instanceof Error) {
      const own = entries.filter(([key]) => !['name', 'message', 'stack', 'cause', 'errors'].includes(key));
      const shown: [string, unknown][] = [['name', value.name], ['message', value.message], ...own];
      if (value.cause !== undefined) shown.push(['cause', value.cause]);
      if (value instanceof AggregateError) shown.push(['errors', value.errors]);
      return fields(shown, secrets, next);
    }
    return fields(entries, secrets, next);
  } finally {
    path.delete(value);
  }
}

function items(list: unknown[], next: (item: unknown) => unknown): unknown[] {
  const shown = list.slice(0, MAX_ITEMS).map(next);
  if (list.length > MAX_ITEMS) shown.push(`[… ${list.length - MAX_ITEMS} more]`);
  return shown;
}

function fields(
  entries: readonly [string, unknown][],
  secrets: readonly string[],
  next: (item: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, MAX_ITEMS)) {
    out[redactText(key, secrets)] = SENSITIVE_KEY.test(key) ? REDACTED : next(item);
  }
  if (entries.length > MAX_ITEMS) out['…'] = `${entries.length - MAX_ITEMS} more fields`;
  return out;
}

/** Own enumerable fields; a getter that throws (a Proxy, a destroyed object) shows as unreadable. */
function ownEntries(value: object): [string, unknown][] {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return [['[unreadable]', null]];
  }
  return keys.map((key) => {
    try {
      return [key, (value as Record<string, unknown>)[key]];
    } catch {
      return [key, '[unreadable]'];
    }
  });
}

/**
 * The text a log line carries for a detail: strings as they are, errors with their stack and each
 * cause beneath ("Caused by: …"), anything else as JSON. Always redacted.
 */
export function formatForLog(value: unknown, secrets: readonly string[] = []): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) return formatError(value, secrets, new Set(), 0);
  try {
    return JSON.stringify(redactValue(value, secrets)) ?? String(value);
  } catch {
    return '[a value that cannot be written to the log]';
  }
}

function formatError(error: Error, secrets: readonly string[], seen: Set<unknown>, depth: number): string {
  seen.add(error);
  const head =
    typeof error.stack === 'string' && error.stack !== '' ? error.stack : `${error.name}: ${error.message}`;
  const extra = ownEntries(error).filter(([key]) => !['stack', 'message', 'name', 'cause'].includes(key));
  let text = redactText(head, secrets);
  if (extra.length > 0) text += ` ${JSON.stringify(redactValue(Object.fromEntries(extra), secrets))}`;
  const causes: unknown[] = error instanceof AggregateError ? [...error.errors] : [];
  if (error.cause !== undefined) causes.unshift(error.cause);
  for (const cause of causes) {
    if (seen.has(cause)) text += '\nCaused by: [circular]';
    else if (depth >= MAX_DEPTH) text += '\nCaused by: [too deep]';
    else if (cause instanceof Error) text += `\nCaused by: ${formatError(cause, secrets, seen, depth + 1)}`;
    else text += `\nCaused by: ${formatForLog(cause, secrets)}`;
  }
  return text;
}
