// Shared by the client tests: one simulator per test file, a client with recorded waits, and every
// error collected so each file can prove no token leaked into any of them.
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { AppError } from '../../app/appError';
import { createAltcraftClient } from '../../main/services/altcraft/client';
import type { AltcraftClientOptions, ExportAllRequest } from '../../main/services/altcraft/client';
import { DEMO_TOKEN, LIMITED_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import type { PromoCode } from '../../app/promoCode';
import { promoCodeAt } from '../../main/services/codes/compactCodes';
import type { CompactCodes } from '../../main/services/codes/compactCodes';

/** Starts a simulator for the file, with fresh fault counters and request log before each test. */
export function useSimulator(): () => AltcraftSim {
  let sim: AltcraftSim | undefined;
  beforeAll(async () => {
    sim = await startAltcraftSim();
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    sim?.resetFaultCounters();
    sim?.requests.splice(0);
  });
  return () => {
    if (sim === undefined) throw new Error('the simulator is not running');
    return sim;
  };
}

/** A client with small timeouts, waits recorded instead of slept, and jitter fixed at the middle. */
export function clientFor(sim: AltcraftSim, options: AltcraftClientOptions = {}) {
  const sleeps: number[] = [];
  const client = createAltcraftClient({
    connectTimeoutMs: 5_000,
    inactivityTimeoutMs: 5_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  const exportAll = (loyaltyId: number, more: Partial<ExportAllRequest> = {}) =>
    client.exportAll({ host: sim.url, token: DEMO_TOKEN, loyaltyId, ...more });
  return { client, sleeps, exportAll };
}

/** Codes read into columns, as PromoCodes to compare. */
export function listOf(codes: CompactCodes): PromoCode[] {
  return Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i));
}

/** Every error a test in this process saw, for `expectNoTokenIn`. */
export const seenErrors: AppError[] = [];

export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    seenErrors.push(error as AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

/** Checks the plain data, the message, the detail, Altcraft's text and the whole cause chain. */
export function expectNoTokenIn(errors: readonly AppError[], tokens: readonly string[]): void {
  for (const error of errors) {
    const everything = `${JSON.stringify(error.toInfo())}\n${inspect(error, { depth: 10 })}`;
    for (const token of [DEMO_TOKEN, LIMITED_TOKEN, ...tokens]) expect(everything).not.toContain(token);
  }
}

/** A fetch that asks the simulator for a fault on every request, as a header. */
export function faultyFetch(fault: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('x-sim-fault', fault);
    return fetch(request);
  };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
