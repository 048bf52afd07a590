// Fault injection: every way an Altcraft call can go wrong, on demand. A fault is chosen per request
// with the header `X-Sim-Fault: <name>` (or `flaky:<name>:<n>`: the fault for the first n requests
// of that program, then a normal answer), or per loyalty program ID from the reserved table below.
// Header faults act before the token is checked (as a proxy would); ID faults after it. Faults that
// deliver codes use the requested program's (the Welcome codes for a fault ID).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCode } from './programs';
import { bodyChunks, byteLength, contentType, errorBody, writeChunks } from './wire';
import type { Format } from './wire';

export const FAULT_HEADER = 'x-sim-fault';

export const FAULTS = {
  'bad-request': 'HTTP 400, Altcraft error 400',
  'token-refused': 'HTTP 401, Altcraft error 401',
  'tariff-limit': 'HTTP 402, Altcraft error 402',
  'no-rights': 'HTTP 403, Altcraft error 403',
  'program-not-found': 'HTTP 404, Altcraft error 404 "Loyalty program not found"',
  'program-not-found-200': 'HTTP 200, Altcraft error 404 "Loyalty program not found"',
  'error-200': 'HTTP 200, Altcraft error 500 "Internal error"',
  'echo-token': 'HTTP 401 whose error_text repeats the token it was sent',
  'rate-limited': 'HTTP 429, Retry-After: 2 (seconds), plain text',
  'rate-limited-date': 'HTTP 429, Retry-After as an HTTP date 120 s ahead',
  'server-error': 'HTTP 500, plain text',
  'bad-gateway': 'HTTP 502, nginx HTML page',
  unavailable: 'HTTP 503, HTML page',
  'gateway-timeout': 'HTTP 504, nginx HTML page',
  'html-200': 'HTTP 200, a proxy sign-in HTML page',
  'malformed-json': 'HTTP 200, complete but invalid JSON',
  'truncated-json': 'HTTP 200, the response ends cleanly halfway through the JSON',
  'cut-off': 'the codes, socket destroyed halfway through the body',
  'length-mismatch': 'Content-Length 1000 bytes more than sent, then the socket closes',
  stall: 'headers, then no body bytes ever',
  'no-headers': 'the request is read, then nothing is ever answered',
  'slow-drip': 'the codes in 25 pieces, 60 ms apart (slow but steady)',
  'no-length': 'the codes, chunked, without Content-Length',
  reset: 'the socket is destroyed without an answer (a network error)',
  redirect: 'HTTP 302 to https://login.example.invalid/sso',
} as const satisfies Record<string, string>;

export type FaultName = keyof typeof FAULTS;

/** A fault, applied to every request (`times` null) or to the first `times` requests only. */
export interface FaultPlan {
  fault: FaultName;
  times: number | null;
}

/** Reserved loyalty program IDs: asking for one of them (with a valid token) triggers its fault. */
export const FAULT_PROGRAMS: Readonly<Record<number, FaultPlan>> = {
  9400: { fault: 'bad-request', times: null },
  9401: { fault: 'token-refused', times: null },
  9402: { fault: 'tariff-limit', times: null },
  9403: { fault: 'no-rights', times: null },
  9404: { fault: 'program-not-found', times: null },
  9405: { fault: 'program-not-found-200', times: null },
  9406: { fault: 'error-200', times: null },
  9407: { fault: 'echo-token', times: null },
  9429: { fault: 'rate-limited', times: null },
  9430: { fault: 'rate-limited-date', times: null },
  9500: { fault: 'server-error', times: null },
  9502: { fault: 'bad-gateway', times: null },
  9503: { fault: 'unavailable', times: null },
  9504: { fault: 'gateway-timeout', times: null },
  9600: { fault: 'stall', times: null },
  9601: { fault: 'no-headers', times: null },
  9602: { fault: 'slow-drip', times: null },
  9603: { fault: 'cut-off', times: null },
  9604: { fault: 'length-mismatch', times: null },
  9605: { fault: 'malformed-json', times: null },
  9606: { fault: 'truncated-json', times: null },
  9607: { fault: 'html-200', times: null },
  9608: { fault: 'no-length', times: null },
  9609: { fault: 'reset', times: null },
  9610: { fault: 'redirect', times: null },
  // Fail, then succeed with the Welcome codes: for retry tests.
  9701: { fault: 'unavailable', times: 1 },
  9702: { fault: 'unavailable', times: 2 },
  9703: { fault: 'reset', times: 1 },
  9704: { fault: 'rate-limited', times: 1 },
  9705: { fault: 'cut-off', times: 1 },
};

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** `stall`, or `flaky:unavailable:2`; null when the header names no fault the simulator knows. */
export function parseFaultHeader(value: string): FaultPlan | null {
  const flaky = /^flaky:([a-z0-9-]+):(\d+)$/.exec(value.trim());
  if (flaky?.[1] !== undefined && isFaultName(flaky[1])) return { fault: flaky[1], times: Number(flaky[2]) };
  const name = value.trim();
  return isFaultName(name) ? { fault: name, times: null } : null;
}

export interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  format: Format;
  /** Only for `echo-token`, which plays a server careless enough to repeat it. */
  token: string | null;
  /** The body used by faults that deliver codes (drip, cut-off...). */
  codes: () => Iterable<SimCode>;
}

/** Acts out the fault; answers the HTTP status sent, or null when the socket got no answer. */
export async function actOut(fault: FaultName, ctx: FaultContext): Promise<number | null> {
  const { res, format } = ctx;
  const altcraft = (status: number, error: number, text: string) => {
    send(res, status, contentType(format), errorBody(format, error, text));
    return status;
  };
  switch (fault) {
    case 'bad-request':
      return altcraft(400, 400, 'Incorrect request');
    case 'token-refused':
      return altcraft(401, 401, 'API token required');
    case 'tariff-limit':
      return altcraft(402, 402, 'Tariff limit reached');
    case 'no-rights':
      return altcraft(403, 403, 'No access to the object');
    case 'program-not-found':
      return altcraft(404, 404, 'Loyalty program not found');
    case 'program-not-found-200':
      return altcraft(200, 404, 'Loyalty program not found');
    case 'error-200':
      return altcraft(200, 500, 'Internal error');
    case 'echo-token':
      return altcraft(401, 401, `Invalid token "${ctx.token ?? ''}"`);
    case 'rate-limited':
      send(res, 429, 'text/plain', 'Too Many Requests', { 'retry-after': '2' });
      return 429;
    case 'rate-limited-date':
      send(res, 429, 'text/plain', 'Too Many Requests', {
        'retry-after': new Date(Date.now() + 120_000).toUTCString(),
      });
      return 429;
    case 'server-error':
      send(res, 500, 'text/plain', 'Internal Server Error');
      return 500;
    case 'bad-gateway':
      send(res, 502, 'text/html', nginxPage('502 Bad Gateway'));
      return 502;
    case 'unavailable':
      send(res, 503, 'text/html', nginxPage('503 Service Temporarily Unavailable'));
      return 503;
    case 'gateway-timeout':
      send(res, 504, 'text/html', nginxPage('504 Gateway Time-out'));
      return 504;
    case 'html-200':
      send(res, 200, 'text/html', SIGN_IN_PAGE);
      return 200;
    case 'malformed-json':
      send(
        res,
        200,
        contentType('json'),
        '{"data":[{"code":"A1"},{"code": }],"error":0,"error_text":"Successful operation"}',
      );
      return 200;
    case 'truncated-json': {
      const body = [...bodyChunks(ctx.codes(), 'json')].join('');
      send(res, 200, contentType('json'), body.slice(0, Math.floor(body.length / 2)));
      return 200;
    }
    case 'cut-off': {
      const body = [...bodyChunks(ctx.codes(), format)].join('');
      res.writeHead(200, { 'content-type': contentType(format) });
      res.write(body.slice(0, Math.floor(body.length / 2)), () => res.destroy());
      return 200;
    }
    case 'length-mismatch': {
      const body = [...bodyChunks(ctx.codes(), format)].join('');
      res.writeHead(200, {
        'content-type': contentType(format),
        'content-length': Buffer.byteLength(body) + 1000,
      });
      // Ending the socket (not the response) flushes what was written, then closes: the client is short.
      res.write(body, () => res.socket?.end());
      return 200;
    }
    case 'stall':
      res.writeHead(200, { 'content-type': contentType(format) });
      res.flushHeaders();
      return 200;
    case 'no-headers':
      return null;
    case 'slow-drip': {
      const body = [...bodyChunks(ctx.codes(), format)].join('');
      const size = Math.ceil(body.length / 25);
      const pieces = Array.from({ length: 25 }, (_, i) => body.slice(i * size, (i + 1) * size));
      res.writeHead(200, { 'content-type': contentType(format), 'content-length': Buffer.byteLength(body) });
      res.flushHeaders();
      await writeChunks(res, pieces, 60);
      return 200;
    }
    case 'no-length':
      res.writeHead(200, { 'content-type': contentType(format) });
      await writeChunks(res, bodyChunks(ctx.codes(), format));
      return 200;
    case 'reset':
      ctx.req.socket.destroy();
      return null;
    case 'redirect':
      send(res, 302, 'text/html', nginxPage('302 Found'), {
        location: 'https://login.example.invalid/sso?next=%2Fapi',
      });
      return 302;
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  const charset = type.includes('charset') ? type : `${type}; charset=utf-8`;
  res.writeHead(status, { 'content-type': charset, 'content-length': byteLength([body]), ...headers });
  res.end(body);
}

function nginxPage(title: string): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Corporate proxy: sign in</title></head>' +
  '<body><form method="post"><input name="user"><input name="password" type="password"></form></body></html>';
