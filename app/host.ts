// Turns whatever people paste as an Altcraft host into one canonical origin, so a connection is
// stored and shown the same way however it was typed, and a token is never sent over plain HTTP.

export type HostReason = 'empty' | 'invalid' | 'https-required';
export type NormalisedHost = { ok: true; host: string } | { ok: false; reason: HostReason };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
// One DNS label (after the URL parser has lower-cased it and turned IDNs into xn-- punycode).
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Accepts `ru.altkraft.com`, `https://host`, `https://host:8443/api/v1.1/`, the full export_all URL,
 * with spaces around or in upper case, and answers the origin (`https://ru.altkraft.com`, no trailing
 * slash). Any path, query or fragment is dropped: Altcraft's API always lives at the origin's root.
 * A bare host gets `https://`, except a loopback one (the simulator), which gets `http://`.
 * `http://` is refused unless the host is loopback: the token travels in the request body.
 */
export function normaliseHost(input: string): NormalisedHost {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (/\s/.test(trimmed)) return { ok: false, reason: 'invalid' };

  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${trimmed}` : trimmed);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  // Credentials in the address would be sent to the server and stored in settings: refuse them.
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'invalid' };

  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  if (!isValidHostname(hostname)) return { ok: false, reason: 'invalid' };

  const loopback = isLoopback(hostname);
  let protocol = url.protocol;
  if (scheme === undefined && loopback) protocol = 'http:';
  if (protocol === 'http:' && !loopback) return { ok: false, reason: 'https-required' };

  const defaultPort = protocol === 'https:' ? '443' : '80';
  const port = url.port === '' || url.port === defaultPort ? '' : `:${url.port}`;
  return { ok: true, host: `${protocol}//${hostname}${port}` };
}

/** The one endpoint the app calls, under a host already passed through `normaliseHost`. */
export function exportAllUrl(host: string): string {
  return `${host.replace(/\/+$/, '')}/api/v1.1/promocodes/export_all`;
}

/** Loopback addresses are the only ones allowed over plain HTTP: traffic never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return IPV4.test(hostname) && hostname.startsWith('127.');
}

function isValidHostname(hostname: string): boolean {
  if (hostname === '') return false;
  // `https//host` (a lost colon) parses as a host named "https": say it is invalid, not "https://https".
  if (hostname === 'http' || hostname === 'https') return false;
  if (hostname.startsWith('[')) return hostname.endsWith(']'); // IPv6, already checked by the URL parser
  if (IPV4.test(hostname)) return hostname.split('.').every((part) => Number(part) <= 255);
  if (hostname.length > 253) return false;
  return hostname.split('.').every((label) => LABEL.test(label));
}
