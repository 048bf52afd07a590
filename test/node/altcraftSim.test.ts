// The simulator itself: it must answer like Altcraft (API.md) for the client tests to mean anything.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByStatus } from '../../app/promoCode';
import { parseExportAll } from '../../main/services/altcraft/parseExportAll';
import {
  HOSTILE_CODES,
  MASS_MAILING_ID,
  SEASONAL_ID,
  SIZED_PROGRAM_BASE,
  WELCOME_ID,
  builtInProgram,
  welcomeCodes,
} from '../altcraft-sim/programs';
import type { SimCode } from '../altcraft-sim/programs';
import { DEMO_TOKEN, EXPORT_ALL_PATH, LIMITED_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import { CHUNK_CHARS, bodyChunks, escapeXml } from '../altcraft-sim/wire';

let sim: AltcraftSim;
beforeAll(async () => {
  sim = await startAltcraftSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.resetFaultCounters();
  sim.requests.length = 0;
});

function post(
  body: unknown,
  headers: Record<string, string> = {},
  path = EXPORT_ALL_PATH,
): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the programs', () => {
  it('gives Welcome every status, every way of writing expired, and the hostile codes', () => {
    const codes = welcomeCodes();
    expect(codes.length).toBeGreaterThanOrEqual(100);
    const expired = codes.map((code) => ('expired' in code ? code.expired : 'absent'));
    expect(expired).toEqual(
      expect.arrayContaining(['absent', '', true, false, expect.stringMatching(/^\d{4}-/)]),
    );
    expect(codes.map((code) => code.code)).toEqual(expect.arrayContaining([...HOSTILE_CODES]));
    const counts = countByStatus(parseExportAll(JSON.stringify({ data: codes, error: 0 })));
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(5);
  });

  it('gives Seasonal 50,000 codes and Mass mailing 1,000,000', () => {
    expect(builtInProgram(SEASONAL_ID)?.size).toBe(50_000);
    expect(builtInProgram(MASS_MAILING_ID)?.size).toBe(1_000_000);
  });

  it('yields the first chunk of the million codes after reading about a thousand of them', () => {
    let pulled = 0;
    const counted = function* (): Generator<SimCode> {
      for (const code of builtInProgram(MASS_MAILING_ID)?.codes() ?? []) {
        pulled++;
        yield code;
      }
    };
    const chunks = bodyChunks(counted(), 'json');
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(first.value?.length).toBeLessThanOrEqual(CHUNK_CHARS + 1024);
    expect(pulled).toBeLessThan(5_000);
  });
});

describe('export_all over HTTP', () => {
  it('streams the 1,000,000-code program as valid JSON of the declared length', async () => {
    const response = await post({ token: DEMO_TOKEN, loyalty_id: MASS_MAILING_ID });
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const answer = JSON.parse(text) as { data: SimCode[]; error: number };
    expect(answer.error).toBe(0);
    expect(answer.data).toHaveLength(1_000_000);
  });

  // The app never asks for XML (it sends format: "json"), so it has no XML reader; the simulator
  // still answers XML as Altcraft does, and this reads the codes out of it on its own.
  it('answers XML when asked, with the same codes as JSON', async () => {
    const json = await (await post({ token: DEMO_TOKEN, loyalty_id: WELCOME_ID })).text();
    const xmlResponse = await post({ token: DEMO_TOKEN, loyalty_id: WELCOME_ID, format: 'xml' });
    expect(xmlResponse.headers.get('content-type')).toContain('application/xml');
    const xml = await xmlResponse.text();
    expect(xml).toMatch(/^<xml><data>.*<error>0<\/error><error_text>[^<]+<\/error_text><\/xml>$/s);
    const xmlCodes = [...xml.matchAll(/<data><code>([^<]*)<\/code>/g)].map(([, code]) => code);
    const jsonCodes = (JSON.parse(json) as { data: SimCode[] }).data.map((entry) => entry.code);
    expect(xmlCodes).toEqual(jsonCodes.map(escapeXml));
    expect(xmlCodes).toHaveLength(100);
  });

  it('accepts the XML request form from the docs', async () => {
    const body = `<xml><loyalty_id>${WELCOME_ID}</loyalty_id><token>${DEMO_TOKEN}</token></xml>`;
    const response = await post(body, { 'content-type': 'application/xml' });
    expect(parseExportAll(await response.text())).toHaveLength(100);
  });

  it('accepts the token as Authorization: Bearer, and logs how it came but never the token', async () => {
    const response = await post({ loyalty_id: WELCOME_ID }, { authorization: `Bearer ${DEMO_TOKEN}` });
    expect(response.status).toBe(200);
    await post({ token: LIMITED_TOKEN, loyalty_id: WELCOME_ID });
    await post({ token: 'some-secret', loyalty_id: WELCOME_ID });
    expect(sim.requests.map((r) => [r.token, r.tokenVia])).toEqual([
      ['valid', 'bearer'],
      ['limited', 'body'],
      ['invalid', 'body'],
    ]);
    const log = JSON.stringify(sim.requests);
    for (const token of [DEMO_TOKEN, LIMITED_TOKEN, 'some-secret']) expect(log).not.toContain(token);
  });

  it('refuses a bad token (401) before looking the program up', async () => {
    const response = await post({ token: 'wrong', loyalty_id: 4242 });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 401, error_text: 'API token required' });
    expect((await post({ loyalty_id: 4242 })).status).toBe(401);
  });

  it('refuses the limited token (403) for every program', async () => {
    for (const id of [WELCOME_ID, SEASONAL_ID, 4242]) {
      expect((await post({ token: LIMITED_TOKEN, loyalty_id: id })).status).toBe(403);
    }
  });

  it('answers an unknown program with an Altcraft error body, in XML too', async () => {
    const response = await post({ token: DEMO_TOKEN, loyalty_id: 4242 });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 404, error_text: 'Loyalty program not found' });
    const xml = await post({ token: DEMO_TOKEN, loyalty_id: 4242, format: 'xml' });
    expect(await xml.text()).toBe(
      '<xml><error>404</error><error_text>Loyalty program not found</error_text></xml>',
    );
  });

  it('answers an incorrect request with 400', async () => {
    expect((await post('not json')).status).toBe(400);
    expect((await post({ token: DEMO_TOKEN, loyalty_id: 'one' })).status).toBe(400);
    expect((await post({ token: DEMO_TOKEN, loyalty_id: 1, format: 'csv' })).status).toBe(400);
  });

  it('answers other paths with an HTML 404 and other methods with 405', async () => {
    expect((await post({}, {}, '/api/v1.1/promocodes/list')).status).toBe(404);
    expect((await fetch(`${sim.url}${EXPORT_ALL_PATH}`)).status).toBe(405);
  });

  it('serves programs a test registers, and programs of any size by ID', async () => {
    sim.setProgram(77, [{ code: 'ONLY' }]);
    sim.setProgram(78, function* () {
      yield { code: 'GEN', expired: true };
    });
    const codesOf = async (id: number) =>
      parseExportAll(await (await post({ token: DEMO_TOKEN, loyalty_id: id })).text());
    expect((await codesOf(77)).map((c) => c.code)).toEqual(['ONLY']);
    expect(await codesOf(78)).toEqual([
      { code: 'GEN', attached: null, activated: null, expireDate: null, expired: true },
    ]);
    expect(await codesOf(SIZED_PROGRAM_BASE + 5)).toHaveLength(5);
    expect(await codesOf(SIZED_PROGRAM_BASE)).toEqual([]);
  });
});

describe('faults', () => {
  it('acts out a fault named in X-Sim-Fault, before the token is checked', async () => {
    const response = await post({ token: 'wrong', loyalty_id: 1 }, { 'x-sim-fault': 'bad-gateway' });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
    expect(sim.requests[0]?.fault).toBe('bad-gateway');
  });

  it('fails a flaky fault the given number of times, then answers normally', async () => {
    const headers = { 'x-sim-fault': 'flaky:unavailable:2' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post({ token: DEMO_TOKEN, loyalty_id: 1 }, headers)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('counts flaky program IDs per simulator until reset', async () => {
    const status = async () => (await post({ token: DEMO_TOKEN, loyalty_id: 9701 })).status;
    expect([await status(), await status()]).toEqual([503, 200]);
    sim.resetFaultCounters();
    expect(await status()).toBe(503);
  });

  it('refuses a fault name it does not know, so a typo cannot pass silently', async () => {
    expect((await post({ token: DEMO_TOKEN, loyalty_id: 1 }, { 'x-sim-fault': 'stal' })).status).toBe(400);
  });

  it('sends Retry-After with a 429', async () => {
    const response = await post({ token: DEMO_TOKEN, loyalty_id: 9429 });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });
});
