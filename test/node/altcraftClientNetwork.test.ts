// The Altcraft client's handling of the network, through real HTTP to the simulator: each retry
// rule (how many tries, which waits, recorded through the injected sleep), refused connections,
// unknown hosts, connect and inactivity timeouts, cancel at any moment, and progress.
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../main/services/altcraft/client';
import { MASS_MAILING_ID, WELCOME_ID } from '../altcraft-sim/programs';
import { DEMO_TOKEN } from '../altcraft-sim/server';
import {
  clientFor,
  closedPort,
  expectNoTokenIn,
  failureOf,
  seenErrors,
  useSimulator,
} from './altcraftHarness';

const sim = useSimulator();

describe('exportAll: retries', () => {
  it('retries a 503 twice and then gives up with server-error', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    const error = await failureOf(exportAll(9503));
    expect(error).toMatchObject({ code: 'server-error', httpStatus: 503 });
    expect(error.detail).toContain('Gave up after 3 tries');
    expect(sim().requests).toHaveLength(3);
    expect(sleeps).toEqual([750, 1500]); // 1 s then 2 s steps, half fixed and half jitter (random 0.5)
  });

  it('succeeds when a 503 clears on the third try', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect(await exportAll(9702)).toHaveLength(100);
    expect(sim().requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(sleeps).toEqual([750, 1500]);
  });

  it('spreads the backoff between half and all of each step', async () => {
    const low = clientFor(sim(), { random: () => 0 });
    await failureOf(low.exportAll(9503));
    const high = clientFor(sim(), { random: () => 0.999 });
    await failureOf(high.exportAll(9503));
    expect(low.sleeps).toEqual([500, 1000]);
    expect(high.sleeps).toEqual([1000, 1999]);
  });

  it('retries 502 and 504 error pages from a proxy', async () => {
    for (const id of [9502, 9504]) {
      const { exportAll, sleeps } = clientFor(sim());
      const error = await failureOf(exportAll(id));
      expect(error.code).toBe('server-error');
      expect(sleeps).toHaveLength(2);
    }
  });

  it('does not retry a 500', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    const error = await failureOf(exportAll(9500));
    expect(error).toMatchObject({ code: 'server-error', httpStatus: 500 });
    expect(sleeps).toEqual([]);
    expect(sim().requests).toHaveLength(1);
  });

  it('waits as long as a 429 Retry-After asks, then succeeds', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect(await exportAll(9704)).toHaveLength(100);
    expect(sleeps).toEqual([2000]);
  });

  it('honours Retry-After on every 429 and gives up after 3 tries', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    const error = await failureOf(exportAll(9429));
    expect(error).toMatchObject({ code: 'server-error', httpStatus: 429 });
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('caps a Retry-After given as a far HTTP date', async () => {
    const { exportAll, sleeps } = clientFor(sim(), { retry: { maxRetryAfterMs: 5_000 } });
    await failureOf(exportAll(9430));
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('retries a connection reset before the answer', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect(await exportAll(9703)).toHaveLength(100);
    expect(sleeps).toEqual([750]);
  });

  it('retries a body cut off midway, and succeeds', async () => {
    const { exportAll, sleeps } = clientFor(sim());
    expect(await exportAll(9705)).toHaveLength(100);
    expect(sleeps).toEqual([750]);
  });

  it('tells onRetry about each wait', async () => {
    const events: unknown[] = [];
    await clientFor(sim(), { onRetry: (event) => events.push(event) }).exportAll(9702);
    expect(events).toEqual([
      expect.objectContaining({
        attempt: 1,
        waitMs: 750,
        error: expect.objectContaining({ code: 'server-error' }),
      }),
      expect.objectContaining({ attempt: 2, waitMs: 1500 }),
    ]);
  });

  it('never tries more than maxTries', async () => {
    const { exportAll, sleeps } = clientFor(sim(), { retry: { maxTries: 2 } });
    await failureOf(exportAll(9503));
    expect(sim().requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });
});

describe('exportAll: the network', () => {
  it('stops reading an answer past the largest it reads, saying so, and does not try again', async () => {
    const { exportAll, sleeps } = clientFor(sim(), { maxAnswerBytes: 4096 });
    const error = await failureOf(exportAll(WELCOME_ID));
    expect(error.code).toBe('answer-too-large');
    expect(error.message).toContain('larger than');
    expect(error.detail).toContain('4096 bytes');
    expect(sleeps).toHaveLength(0);
    // The same program within the limit reads whole.
    expect(await clientFor(sim(), { maxAnswerBytes: 1024 * 1024 }).exportAll(WELCOME_ID)).toHaveLength(100);
  });

  it('reports a closed port as connection-refused, after 3 tries', async () => {
    const port = await closedPort();
    const { client, sleeps } = clientFor(sim());
    const error = await failureOf(
      client.exportAll({ host: `http://127.0.0.1:${port}`, token: DEMO_TOKEN, loyaltyId: 1 }),
    );
    expect(error.code).toBe('connection-refused');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(sleeps).toHaveLength(2);
  });

  it('reports a host that does not resolve as host-not-found', async () => {
    const { client } = clientFor(sim());
    const host = 'promo-exporter-test.invalid';
    const error = await failureOf(client.exportAll({ host, token: DEMO_TOKEN, loyaltyId: 1 }));
    expect(error.code).toBe('host-not-found');
    expect(error.message).toContain(host);
  });

  it('times out when the headers never come', async () => {
    const { exportAll, sleeps } = clientFor(sim(), { connectTimeoutMs: 200 });
    const error = await failureOf(exportAll(9601));
    expect(error.code).toBe('timeout');
    expect(error.detail).toContain('No response headers within 200 ms');
    expect(sleeps).toHaveLength(2);
  });

  it('times out when the body stalls after the headers', async () => {
    const { exportAll } = clientFor(sim(), { inactivityTimeoutMs: 300 });
    const error = await failureOf(exportAll(9600));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('no data arrived');
  });

  it('lets a slow but steady download finish, longer than both timeouts', async () => {
    const started = Date.now();
    const { exportAll } = clientFor(sim(), { connectTimeoutMs: 400, inactivityTimeoutMs: 400 });
    expect(await exportAll(9602)).toHaveLength(100);
    expect(Date.now() - started).toBeGreaterThan(800);
  });
});

describe('exportAll: cancel and progress', () => {
  it('stops mid-download when cancelled, with cancelled', async () => {
    const controller = new AbortController();
    let received = 0;
    const { exportAll } = clientFor(sim(), { connectTimeoutMs: 30_000 });
    const error = await failureOf(
      exportAll(MASS_MAILING_ID, {
        signal: controller.signal,
        onProgress: (p) => {
          received = p.received;
          if (p.received > 1_000_000) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(received).toBeLessThan(10_000_000);
  });

  it('stops during the wait before a retry', async () => {
    const controller = new AbortController();
    const { exportAll } = clientFor(sim(), { sleep: undefined, retry: { baseDelayMs: 60_000 } });
    setTimeout(() => controller.abort(), 200);
    const error = await failureOf(exportAll(9503, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(sim().requests).toHaveLength(1);
  });

  it('does not start when already cancelled', async () => {
    const error = await failureOf(clientFor(sim()).exportAll(WELCOME_ID, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(sim().requests).toHaveLength(0);
  });

  it('reports bytes received, growing to the Content-Length', async () => {
    const progress: Progress[] = [];
    await clientFor(sim()).exportAll(9602, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(5);
    const received = progress.map((p) => p.received);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(progress[0]).toEqual({ received: 0, total: expect.any(Number) });
    expect(progress.at(-1)?.received).toBe(progress[0]?.total);
  });

  it('reports a null total when the size is not declared', async () => {
    const progress: Progress[] = [];
    await clientFor(sim()).exportAll(9608, { onProgress: (p) => progress.push(p) });
    expect(progress.every((p) => p.total === null)).toBe(true);
    expect(progress.at(-1)?.received).toBeGreaterThan(1000);
  });
});

it('puts the token in none of the errors seen here', () => {
  expect(seenErrors.length).toBeGreaterThan(15);
  expectNoTokenIn(seenErrors, []);
});
