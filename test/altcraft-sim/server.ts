// The Altcraft simulator: a real HTTP server answering `POST /api/v1.1/promocodes/export_all` the way
// API.md describes, so tests, `npm run sim` and `npm run demo` work without an Altcraft account.
// The token may come in the body or as `Authorization: Bearer`; a bad token is refused (401) before
// the program is looked up; `limited-token` is refused (403) for every program. The request log
// records which kind of token came, never the token.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAULT_HEADER, FAULT_PROGRAMS, actOut, parseFaultHeader } from './faults';
import type { FaultPlan } from './faults';
import { builtInProgram, welcomeCodes } from './programs';
import type { SimCode, SimProgram } from './programs';
import { parseSimRequest } from './simRequest';
import type { TokenKind } from './simRequest';
import { bodyChunks, byteLength, contentType, errorBody, writeChunks } from './wire';
import type { Format } from './wire';

export { DEMO_TOKEN, LIMITED_TOKEN } from './programs';
export type { TokenKind } from './simRequest';

export const EXPORT_ALL_PATH = '/api/v1.1/promocodes/export_all';

export interface SimRequestLog {
  method: string;
  path: string;
  loyaltyId: number | null;
  format: Format;
  token: TokenKind;
  tokenVia: 'body' | 'bearer' | null;
  /** The fault acted out, `null` for a normal answer. */
  fault: string | null;
  /** The HTTP status sent; null when the socket got no answer. */
  status: number | null;
}

export interface AltcraftSim {
  /** `http://127.0.0.1:PORT`, to use as the connection's host. */
  url: string;
  requests: SimRequestLog[];
  /** Adds or replaces a program; a function is called afresh for every request (for big ones). */
  setProgram(id: number, codes: SimCode[] | (() => Iterable<SimCode>), name?: string): void;
  /** Forgets how often each `flaky` fault has fired, so it fails again from the start. */
  resetFaultCounters(): void;
  close(): Promise<void>;
}

export interface AltcraftSimOptions {
  port?: number;
  host?: string;
}

export async function startAltcraftSim(options: AltcraftSimOptions = {}): Promise<AltcraftSim> {
  const custom = new Map<number, SimProgram>();
  const faultCounts = new Map<string, number>();
  const lengths = new Map<string, number>(); // Content-Length of built-in programs, computed once
  const requests: SimRequestLog[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('altcraft-sim: request failed', error);
      res.destroy();
    });
  });

  /** Whether a fault plan fires for this request, counting `flaky` ones per key. */
  function fires(plan: FaultPlan, key: string): boolean {
    if (plan.times === null) return true;
    const count = faultCounts.get(key) ?? 0;
    faultCounts.set(key, count + 1);
    return count < plan.times;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== EXPORT_ALL_PATH) {
      sendPlain(res, 404, 'text/html', '<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    if (req.method !== 'POST') {
      sendPlain(res, 405, 'text/plain', 'Method Not Allowed', { allow: 'POST' });
      return;
    }

    const request = await parseSimRequest(req);
    const entry: SimRequestLog = {
      method: req.method,
      path,
      loyaltyId: request.loyaltyId,
      format: request.format,
      token: request.tokenKind,
      tokenVia: request.tokenVia,
      fault: null,
      status: null,
    };
    requests.push(entry);
    const { format } = request;
    const program =
      request.loyaltyId === null
        ? undefined
        : (custom.get(request.loyaltyId) ?? builtInProgram(request.loyaltyId));
    const codes = program?.codes ?? welcomeCodes;

    const faultHeader = req.headers[FAULT_HEADER];
    if (typeof faultHeader === 'string') {
      const plan = parseFaultHeader(faultHeader);
      if (plan === null) {
        // A typo in a test's fault name should fail loudly, not pass as a normal answer.
        entry.status = sendPlain(res, 400, 'text/plain', `Unknown ${FAULT_HEADER}: ${faultHeader}`);
        return;
      }
      if (fires(plan, `header:${request.loyaltyId}:${faultHeader}`)) {
        entry.fault = plan.fault;
        entry.status = await actOut(plan.fault, { req, res, format, token: request.token, codes });
        return;
      }
    }

    const refuse = (status: number, error: number, text: string) => {
      entry.status = sendPlain(res, status, contentType(format), errorBody(format, error, text));
    };
    if (request.invalid !== null) return refuse(400, 400, `Incorrect request: ${request.invalid}`);
    if (request.tokenKind === 'none' || request.tokenKind === 'invalid')
      return refuse(401, 401, 'API token required');
    if (request.tokenKind === 'limited') return refuse(403, 403, 'No access to the object');

    const loyaltyId = request.loyaltyId ?? 0;
    const plan = FAULT_PROGRAMS[loyaltyId];
    if (plan !== undefined && !custom.has(loyaltyId)) {
      if (fires(plan, `id:${loyaltyId}`)) {
        entry.fault = plan.fault;
        entry.status = await actOut(plan.fault, {
          req,
          res,
          format,
          token: request.token,
          codes: welcomeCodes,
        });
        return;
      }
      return sendCodes(res, entry, welcomeCodes, format, `welcome:${format}`);
    }
    if (program === undefined) return refuse(404, 404, 'Loyalty program not found');
    const cacheKey = custom.has(loyaltyId) ? null : `${loyaltyId}:${format}`;
    return sendCodes(res, entry, program.codes, format, cacheKey);
  }

  async function sendCodes(
    res: ServerResponse,
    entry: SimRequestLog,
    codes: () => Iterable<SimCode>,
    format: Format,
    cacheKey: string | null,
  ): Promise<void> {
    // The length takes one pass over the generator; for the big built-in programs it is computed once.
    let length = cacheKey === null ? undefined : lengths.get(cacheKey);
    if (length === undefined) {
      length = byteLength(bodyChunks(codes(), format));
      if (cacheKey !== null) lengths.set(cacheKey, length);
    }
    res.writeHead(200, { 'content-type': contentType(format), 'content-length': length });
    entry.status = 200;
    await writeChunks(res, bodyChunks(codes(), format));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostPart}:${address.port}`,
    requests,
    setProgram(id, codes, name) {
      const make = typeof codes === 'function' ? codes : () => codes;
      const size = Array.isArray(codes) ? codes.length : Number.NaN;
      custom.set(id, { id, name: name ?? `Custom ${id}`, size, codes: make });
    },
    resetFaultCounters() {
      faultCounts.clear();
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // stalls and drips would otherwise keep it open forever
      });
    },
  };
}

function sendPlain(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
  return status;
}
