import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../app/appError';
import { dispatch } from '../../main/calls/dispatch';
import { composeServices } from '../../main/composeServices';
import type { Services } from '../../main/composeServices';
import { DEMO_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';

// Script running in the page can call anything the page can, with any argument. Here it tries to
// get the saved token sent to an address of its choosing by changing the connection's address, and
// every call goes through dispatch() as the page's do, with the real keychain and real HTTP. The
// address it steers to is a second simulator behind a recorder of every byte it receives, so any
// way the token could travel (body, header, query) would show.

const keychainService = `Promo Exporter test ${randomUUID()}`;
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const context = { emit: () => undefined, pageReady: () => undefined };

let dir: string;
let services: Services;
let trusted: AltcraftSim;
let other: AltcraftSim;
let recorder: { url: string; received: () => string; clear(): void; close(): Promise<void> };
let connectionId: string;

const call = (channel: string, arg?: unknown): Promise<Result<unknown>> =>
  dispatch(services.handlers, channel, arg, context, log);

/** A loopback port that forwards to `target` and keeps every byte a client sent it. */
async function recordingPort(target: AltcraftSim): Promise<typeof recorder> {
  const { hostname, port } = new URL(target.url);
  const chunks: Buffer[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    received: () => Buffer.concat(chunks).toString('latin1'),
    clear: () => void chunks.splice(0),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}

async function hostNow(): Promise<string> {
  return services.connections.get(connectionId).host;
}

beforeAll(async () => {
  trusted = await startAltcraftSim();
  other = await startAltcraftSim();
  recorder = await recordingPort(other);
  dir = await mkdtemp(join(tmpdir(), 'promo-exporter-host-change-'));
  services = await composeServices({
    dataDir: dir,
    secretStore: keytar,
    keychainService,
    altcraft: { connectTimeoutMs: 2_000, inactivityTimeoutMs: 2_000, sleep: async () => undefined },
    page: {
      documentsDir: dir,
      appVersion: '0.0.0-test',
      dialogs: { chooseSaveTarget: async () => null, chooseWorkbookToOpen: async () => null },
      desktop: { openPath: async () => undefined, showInFolder: () => undefined },
    },
  });
});

beforeEach(async () => {
  for (const { account } of await keytar.findCredentials(keychainService))
    await keytar.deletePassword(keychainService, account);
  // The person's connection: the trusted address and its token, which works there.
  const added = await call('connections:add', { name: 'Marketing', host: trusted.url, token: DEMO_TOKEN });
  if (!added.ok) throw new Error(added.error.message);
  connectionId = (added.value as { id: string }).id;
  expect(await call('connections:check', { connectionId })).toEqual({ ok: true, value: { status: 'ok' } });
  trusted.requests.splice(0);
  other.requests.splice(0);
  recorder.clear();
});

afterAll(async () => {
  for (const { account } of await keytar.findCredentials(keychainService))
    await keytar.deletePassword(keychainService, account);
  await services?.library.close();
  await recorder?.close();
  await other?.close();
  await trusted?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('changing a connection’s address from the page', () => {
  it('is refused without a token for the new address, and the address stays', async () => {
    for (const arg of [
      { connectionId, host: recorder.url },
      { connectionId, host: recorder.url, token: '' },
      { connectionId, host: recorder.url, token: '   ' },
      { connectionId, host: recorder.url, token: null },
    ]) {
      expect(await call('connections:setHost', arg)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(await hostNow()).toBe(trusted.url);
    expect(await call('connections:check', { connectionId })).toEqual({ ok: true, value: { status: 'ok' } });
    expect(other.requests).toEqual([]);
    expect(recorder.received()).toBe('');
  });

  it('never gets the saved token sent to the new address: only the token the page gave goes there', async () => {
    const pageToken = `page-made-${randomUUID()}`;
    expect(
      await call('connections:setHost', { connectionId, host: recorder.url, token: pageToken }),
    ).toMatchObject({ ok: true, value: { host: recorder.url, hasToken: true } });

    // Every call that sends a token, after the change.
    expect(await call('connections:check', { connectionId })).toMatchObject({
      ok: true,
      value: { status: 'token-refused' },
    });
    expect(await call('codes:fetch', { connectionId, loyaltyId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'token-refused' },
    });

    // The new address was asked, and received the page's token and never the saved one.
    expect(other.requests.map((r) => r.token)).toEqual(['invalid', 'invalid']);
    expect(recorder.received()).toContain(pageToken);
    expect(recorder.received()).not.toContain(DEMO_TOKEN);
    // The saved token is gone from the keychain, so no later call can send it anywhere.
    expect(await keytar.getPassword(keychainService, connectionId)).toBe(pageToken);
    expect(trusted.requests).toEqual([]);
  });

  it('cannot bring the saved token back by moving the address back', async () => {
    await call('connections:setHost', { connectionId, host: recorder.url, token: 'page-made-1' });
    await call('connections:setHost', { connectionId, host: trusted.url, token: 'page-made-2' });
    await call('connections:setHost', { connectionId, host: recorder.url, token: 'page-made-3' });
    await call('connections:check', { connectionId });
    expect(recorder.received()).toContain('page-made-3');
    expect(recorder.received()).not.toContain(DEMO_TOKEN);
    expect(await keytar.findCredentials(keychainService)).toEqual([
      { account: connectionId, password: 'page-made-3' },
    ]);
  });

  it('works for the person who enters the token for the new address', async () => {
    // Here the second simulator is the person's own new address, and they type its token.
    expect(
      await call('connections:setHost', { connectionId, host: recorder.url, token: DEMO_TOKEN }),
    ).toMatchObject({ ok: true, value: { host: recorder.url, hasToken: true } });
    expect(await call('connections:check', { connectionId })).toEqual({ ok: true, value: { status: 'ok' } });
    // The recorder sees a token when one is sent: the checks above are not blind.
    expect(recorder.received()).toContain(DEMO_TOKEN);
    expect(other.requests.map((r) => r.token)).toEqual(['valid']);
  });

  it('leaves the connection without a token, never with the old one, when the new one cannot be saved', async () => {
    // The keychain refuses the new token (as a locked keychain does); the old token is already gone.
    const refusing = await composeServices({
      dataDir: dir,
      secretStore: {
        getPassword: (service, account) => keytar.getPassword(service, account),
        deletePassword: (service, account) => keytar.deletePassword(service, account),
        setPassword: async () => {
          throw new Error('The keychain is locked');
        },
      },
      keychainService,
      page: {
        documentsDir: dir,
        appVersion: '0.0.0-test',
        dialogs: { chooseSaveTarget: async () => null, chooseWorkbookToOpen: async () => null },
        desktop: { openPath: async () => undefined, showInFolder: () => undefined },
      },
    });
    try {
      const result = await dispatch(
        refusing.handlers,
        'connections:setHost',
        { connectionId, host: recorder.url, token: 'page-made' },
        context,
        log,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
      expect(await keytar.getPassword(keychainService, connectionId)).toBeNull();
      expect(
        await dispatch(refusing.handlers, 'connections:check', { connectionId }, context, log),
      ).toMatchObject({ ok: false, error: { code: 'token-missing' } });
      expect(recorder.received()).toBe('');
    } finally {
      await refusing.library.close();
    }
  });
});
