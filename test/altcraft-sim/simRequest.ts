// Reads an export_all request the way Altcraft accepts it: a JSON body (or the XML form from the
// docs) with `token`, `loyalty_id` and `format`, the token possibly in `Authorization: Bearer`.
import type { IncomingMessage } from 'node:http';
import { DEMO_TOKEN, LIMITED_TOKEN } from './programs';
import type { Format } from './wire';

export type TokenKind = 'none' | 'valid' | 'limited' | 'invalid';

export interface SimRequest {
  loyaltyId: number | null;
  format: Format;
  /** Kept only for the `echo-token` fault; never logged. */
  token: string | null;
  tokenKind: TokenKind;
  tokenVia: 'body' | 'bearer' | null;
  /** Why the request is incorrect (answered with 400), or null. */
  invalid: string | null;
}

const MAX_BODY = 1024 * 1024;

export async function parseSimRequest(req: IncomingMessage): Promise<SimRequest> {
  const text = await readBody(req);
  const fields = text.trimStart().startsWith('<') ? xmlFields(text) : jsonFields(text);
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();

  let token: string | null = null;
  let tokenVia: SimRequest['tokenVia'] = null;
  if (typeof fields?.token === 'string' && fields.token !== '') {
    token = fields.token;
    tokenVia = 'body';
  } else if (bearer !== undefined && bearer !== '') {
    token = bearer;
    tokenVia = 'bearer';
  }

  const format: Format = fields?.format === 'xml' ? 'xml' : 'json';
  const rawId = fields?.loyalty_id;
  const loyaltyId =
    typeof rawId === 'number' && Number.isSafeInteger(rawId)
      ? rawId
      : typeof rawId === 'string' && /^\d+$/.test(rawId)
        ? Number(rawId)
        : null;

  let invalid: string | null = null;
  if (fields === null) invalid = 'the body is not JSON or XML';
  else if (fields.format !== undefined && fields.format !== 'json' && fields.format !== 'xml')
    invalid = 'unknown format';
  else if (loyaltyId === null) invalid = 'loyalty_id must be an integer';

  return { loyaltyId, format, token, tokenKind: kindOf(token), tokenVia, invalid };
}

function kindOf(token: string | null): TokenKind {
  if (token === null) return 'none';
  if (token === DEMO_TOKEN) return 'valid';
  if (token === LIMITED_TOKEN) return 'limited';
  return 'invalid';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function jsonFields(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function xmlFields(text: string): Record<string, unknown> | null {
  if (!/<xml>[\s\S]*<\/xml>/.test(text)) return null;
  const fields: Record<string, unknown> = {};
  for (const name of ['token', 'loyalty_id', 'format']) {
    const value = new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
    if (value !== undefined) fields[name] = value.trim();
  }
  return fields;
}
