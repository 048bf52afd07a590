import keytar from 'keytar';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnections } from '../../main/services/connections';
import { openSettingsStore, SETTINGS_FILE } from '../../main/services/settingsStore';
import { createTokenVault } from '../../main/services/tokenVault';

const service = `Promo Exporter test ${randomUUID()}`;

afterEach(async () => {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
});

async function openConnections() {
  const dir = await mkdtemp(join(tmpdir(), 'promo-exporter-connections-'));
  const settings = await openSettingsStore(dir);
  return { dir, connections: createConnections(settings, createTokenVault(keytar, service)) };
}

describe('connections', () => {
  it('adds a connection with its host normalised and its token only in the keychain', async () => {
    const { dir, connections } = await openConnections();
    const added = await connections.add({
      name: 'Marketing',
      host: ' ru.altkraft.com/api/v1.1/ ',
      token: 'tok-123456',
    });
    expect(added).toMatchObject({
      name: 'Marketing',
      host: 'https://ru.altkraft.com',
      hasToken: true,
      programs: [],
    });
    expect(await keytar.getPassword(service, added.id)).toBe('tok-123456');
    const file = await readFile(join(dir, SETTINGS_FILE), 'utf8');
    expect(file).toContain('https://ru.altkraft.com');
    expect(file).not.toContain('tok-123456');
    expect(JSON.stringify(await connections.list())).not.toContain('tok-123456');
  });

  it('refuses a plain http address for a remote host', async () => {
    const { connections } = await openConnections();
    await expect(
      connections.add({ name: 'X', host: 'http://altcraft.example.com', token: 't' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await connections.list()).toEqual([]);
  });

  it('forgets a connection and its keychain entry', async () => {
    const { connections } = await openConnections();
    const added = await connections.add({ name: 'Marketing', host: 'ru.altkraft.com', token: 'tok' });
    await connections.forget(added.id);
    expect(await connections.list()).toEqual([]);
    expect(await keytar.getPassword(service, added.id)).toBeNull();
  });

  it('remembers each fetched program with when it was fetched and how many codes it had', async () => {
    const { dir, connections } = await openConnections();
    const added = await connections.add({ name: 'Marketing', host: 'ru.altkraft.com', token: 'tok' });
    await connections.recordFetch(added.id, 42, 100, 1_700_000_000_000);
    await connections.recordFetch(added.id, 42, 120, 1_700_000_100_000);
    const reopened = createConnections(await openSettingsStore(dir), createTokenVault(keytar, service));
    const [connection] = await reopened.list();
    expect(connection?.programs).toEqual([
      { loyaltyId: 42, name: null, lastFetchedAt: 1_700_000_100_000, lastCount: 120 },
    ]);
  });
});
