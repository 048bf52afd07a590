// The Altcraft client through real HTTP to the simulator: success, each refusal and broken answer,
// the connection check, and the token kept out of every error. Retries, timeouts, cancel and
// progress are in altcraftClientNetwork.test.ts.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { countByStatus } from '../../app/promoCode';
import type { Progress } from '../../main/services/altcraft/client';
import { REDACTED } from '../../main/services/redactor';
import { MASS_MAILING_ID, WELCOME_ID, welcomeCodes } from '../altcraft-sim/programs';
import { DEMO_TOKEN, LIMITED_TOKEN } from '../altcraft-sim/server';
import {
  clientFor,
  closedPort,
  expectNoTokenIn,
  failureOf,
  faultyFetch,
  listOf,
  seenErrors,
  useSimulator,
} from './altcraftHarness';

const sim = useSimulator();

describe('exportAll: success', () => {
  it('fetches every Welcome code byte for byte, in every status', async () => {
    const { exportAll } = clientFor(sim());
    const codes = listOf(await exportAll(WELCOME_ID));
    expect(codes.map((code) => code.code)).toEqual(welcomeCodes().map((code) => code.code));
    const counts = countByStatus(codes);
    expect(Math.min(...Object.values(counts))).toBeGreaterThan(0);
  });

  it('sends the token in the JSON body and asks for JSON', async () => {
    await clientFor(sim()).exportAll(WELCOME_ID);
    expect(sim().requests).toEqual([
      expect.objectContaining({
        loyaltyId: WELCOME_ID,
        format: 'json',
        token: 'valid',
        tokenVia: 'body',
        status: 200,
      }),
    ]);
  });

  it('accepts a host typed with the API path and spaces', async () => {
    const { client } = clientFor(sim());
    const codes = await client.exportAll({
      host: ` ${sim().url}/api/v1.1/ `,
      token: DEMO_TOKEN,
      loyaltyId: WELCOME_ID,
    });
    expect(codes).toHaveLength(100);
  });

  it('downloads 1,000,000 codes, reporting progress up to the declared size', async () => {
    const progress: Progress[] = [];
    const { exportAll } = clientFor(sim(), { connectTimeoutMs: 30_000 });
    const codes = await exportAll(MASS_MAILING_ID, { onProgress: (p) => progress.push(p) });
    expect(codes).toHaveLength(1_000_000);
    const last = progress.at(-1);
    expect(last?.total).toBeGreaterThan(30_000_000);
    expect(last?.received).toBe(last?.total);
  });
});

describe('exportAll: Altcraft refuses', () => {
  it('reports a refused token as token-refused, without retrying', async () => {
    const { client, sleeps } = clientFor(sim());
    const error = await failureOf(
      client.exportAll({ host: sim().url, token: 'wrong-token', loyaltyId: WELCOME_ID }),
    );
    expect(error.code).toBe('token-refused');
    expect(error.httpStatus).toBe(401);
    expect(error.altcraft).toEqual({ error: 401, errorText: 'API token required' });
    expect(sim().requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports the tariff limit (402)', async () => {
    expect((await failureOf(clientFor(sim()).exportAll(9402))).code).toBe('tariff-limit');
  });

  it('reports a token without rights as no-rights (403)', async () => {
    const { client } = clientFor(sim());
    const error = await failureOf(
      client.exportAll({ host: sim().url, token: LIMITED_TOKEN, loyaltyId: WELCOME_ID }),
    );
    expect(error.code).toBe('no-rights');
    expect((await failureOf(clientFor(sim()).exportAll(9403))).code).toBe('no-rights');
  });

  it('reports an unknown program as program-not-found', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(4242));
    expect(error).toMatchObject({ code: 'program-not-found', httpStatus: 404 });
    expect(error.altcraft?.errorText).toBe('Loyalty program not found');
  });

  it('reports an unknown program answered with HTTP 200 as program-not-found', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(9405));
    expect(error).toMatchObject({ code: 'program-not-found', httpStatus: 200 });
  });

  it('reports an incorrect request (400) as bad-request', async () => {
    expect((await failureOf(clientFor(sim()).exportAll(9400))).code).toBe('bad-request');
  });

  it('does not retry an HTTP 200 carrying error ≠ 0, and reports it as altcraft-error', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    const error = await failureOf(exportAll(9406));
    expect(error).toMatchObject({ code: 'altcraft-error', httpStatus: 200, altcraft: { error: 500 } });
    expect(error.message).toContain('Internal error');
    expect(sim().requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('refuses an invalid program ID before sending anything', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(0));
    expect(error.code).toBe('invalid-input');
    expect(sim().requests).toHaveLength(0);
  });

  it('refuses plain http:// to a host that is not this computer', async () => {
    const { client } = clientFor(sim());
    const error = await failureOf(
      client.exportAll({ host: 'http://ru.altkraft.com', token: DEMO_TOKEN, loyaltyId: 1 }),
    );
    expect(error.code).toBe('invalid-input');
  });
});

describe('exportAll: broken answers', () => {
  it('reports a 502 HTML page as a server error, naming the status and not the page', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(9502));
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('error page');
    expect(error.detail).toContain('HTML page titled "502 Bad Gateway"');
    expect(`${error.message}${error.detail}`).not.toContain('<');
  });

  it('reports a proxy sign-in page answered with HTTP 200 as not-json', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(9607));
    expect(error).toMatchObject({ code: 'not-json', httpStatus: 200 });
    expect(error.message).toContain('web page (HTTP 200');
    expect(error.detail).not.toContain('<form');
  });

  it('reports complete but invalid JSON as not-json, without retrying', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect((await failureOf(exportAll(9605))).code).toBe('not-json');
    expect(sleeps).toEqual([]);
  });

  it('reports JSON that ends halfway as cut-off', async () => {
    expect((await failureOf(clientFor(sim()).exportAll(9606))).code).toBe('cut-off');
  });

  it('reports a socket destroyed mid-body as cut-off, after 3 tries', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    const error = await failureOf(exportAll(9603));
    expect(error.code).toBe('cut-off');
    expect(sleeps).toHaveLength(2);
  });

  it('reports a body shorter than its Content-Length as cut-off', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(9604));
    expect(error.code).toBe('cut-off');
    expect(error.detail).toMatch(/of \d+ bytes received/);
  });

  it('does not follow a redirect (the body carries the token)', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(9610));
    expect(error).toMatchObject({ code: 'not-json', httpStatus: 302 });
    expect(error.message).toContain('https://login.example.invalid/sso');
    expect(sim().requests).toHaveLength(1);
  });

  it('reports a connection reset on every try as a network error', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect((await failureOf(exportAll(9609))).code).toBe('network');
    expect(sleeps).toHaveLength(2);
  });
});

describe('check', () => {
  it('says ok for a working host and token, asking for program 0', async () => {
    const { client } = clientFor(sim());
    expect(await client.check(sim().url, DEMO_TOKEN)).toEqual({ status: 'ok' });
    expect(sim().requests).toEqual([expect.objectContaining({ loyaltyId: 0, status: 404 })]);
  });

  it('says token-refused for a wrong token', async () => {
    const result = await clientFor(sim()).client.check(sim().url, 'nope');
    expect(result).toMatchObject({ status: 'token-refused', error: { code: 'token-refused' } });
  });

  it('says no-rights for a token without rights', async () => {
    expect(await clientFor(sim()).client.check(sim().url, LIMITED_TOKEN)).toMatchObject({
      status: 'no-rights',
    });
  });

  it('says host-wrong for a host that does not resolve, or is not allowed', async () => {
    const { client } = clientFor(sim());
    expect(await client.check('promo-exporter-test.invalid', DEMO_TOKEN)).toMatchObject({
      status: 'host-wrong',
    });
    expect(await client.check('http://ru.altkraft.com', DEMO_TOKEN)).toMatchObject({
      status: 'host-wrong',
      error: { code: 'invalid-input' },
    });
  });

  it('says host-wrong when the server answers with a web page', async () => {
    const { client } = clientFor(sim(), { fetch: faultyFetch('html-200') });
    expect(await client.check(sim().url, DEMO_TOKEN)).toMatchObject({
      status: 'host-wrong',
      error: { code: 'not-json' },
    });
  });

  it('says unreachable for a closed port', async () => {
    const port = await closedPort();
    const result = await clientFor(sim()).client.check(`http://127.0.0.1:${port}`, DEMO_TOKEN);
    expect(result).toMatchObject({ status: 'unreachable', error: { code: 'connection-refused' } });
  });

  it('rejects with cancelled when cancelled', async () => {
    const error = await failureOf(clientFor(sim()).client.check(sim().url, DEMO_TOKEN, AbortSignal.abort()));
    expect(error.code).toBe('cancelled');
  });
});

describe('the token', () => {
  it('is cut out of an error whose text repeats it', async () => {
    const secret = 'sEcReT-token-4242';
    const { client } = clientFor(sim(), { fetch: faultyFetch('echo-token') });
    const error = await failureOf(client.exportAll({ host: sim().url, token: secret, loyaltyId: 1 }));
    expect(error.code).toBe('token-refused');
    expect(error.altcraft?.errorText).toBe(`Invalid token "${REDACTED}"`);
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
  });

  it('appears in no error message, detail, Altcraft text or cause seen by these tests', () => {
    expect(seenErrors.length).toBeGreaterThan(15);
    expectNoTokenIn(seenErrors, ['sEcReT']);
  });
});
