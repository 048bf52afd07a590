import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotChattr, setImmutable } from '../readers/diskFaults';
import { openSettingsStore, SETTINGS_FILE } from '../../main/services/settingsStore';

const freshDir = () => mkdtemp(join(tmpdir(), 'promo-exporter-settings-'));

describe('settingsStore', () => {
  it('starts with no connections when there is no settings file', async () => {
    const store = await openSettingsStore(await freshDir());
    expect(store.get().connections).toEqual([]);
    expect(store.setAsidePath).toBeNull();
  });

  it('writes settings that a new store reads back, leaving no temporary file', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir);
    await store.update((s) => ({ ...s, lastSaveFolder: '/home/anna/Exports' }));
    expect((await openSettingsStore(dir)).get().lastSaveFolder).toBe('/home/anna/Exports');
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('keeps every one of many quick updates', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((s) => ({
          ...s,
          connections: [...s.connections, { id: `c${i}`, name: `C${i}`, host: 'https://h', programs: [] }],
        })),
      ),
    );
    const saved = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as { connections: unknown[] };
    expect(saved.connections).toHaveLength(20);
  });

  it('builds on what another process (the command line) wrote meanwhile, instead of dropping it', async () => {
    const dir = await freshDir();
    const app = await openSettingsStore(dir);
    await app.update((s) => ({ ...s, lastSaveFolder: '/exports' }));
    const cli = await openSettingsStore(dir);
    await cli.update((s) => ({
      ...s,
      connections: [{ id: 'c1', name: 'Shop', host: 'https://h', programs: [] }],
    }));
    await app.update((s) => ({ ...s, window: { width: 900, height: 700, maximized: false } }));
    const saved = (await openSettingsStore(dir)).get();
    expect(saved.connections.map((c) => c.name)).toEqual(['Shop']);
    expect(saved.window?.width).toBe(900);
    expect(saved.lastSaveFolder).toBe('/exports');
  });

  it('sets a corrupt settings file aside and starts fresh instead of crashing', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, SETTINGS_FILE), '{"version": 1, "connections": [tru');
    const store = await openSettingsStore(dir);
    expect(store.get().connections).toEqual([]);
    expect(store.setAsidePath).toMatch(/settings\.json\.corrupt-/);
    expect(await readFile(store.setAsidePath!, 'utf8')).toBe('{"version": 1, "connections": [tru');
  });

  it('sets aside a file spoiled after start instead of overwriting it, and keeps what it knew', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir);
    await store.update((s) => ({ ...s, lastSaveFolder: '/exports' }));
    await writeFile(join(dir, SETTINGS_FILE), 'not json');
    await store.update((s) => ({ ...s, window: { width: 900, height: 700, maximized: false } }));
    expect(store.setAsidePath).toMatch(/settings\.json\.corrupt-/);
    expect(await readFile(store.setAsidePath!, 'utf8')).toBe('not json');
    const saved = (await openSettingsStore(dir)).get();
    expect(saved.lastSaveFolder).toBe('/exports');
    expect(saved.window?.width).toBe(900);
  });

  it('sets aside a file that parses but does not match the schema', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ version: 1, connections: 'nope' }));
    const store = await openSettingsStore(dir);
    expect(store.setAsidePath).not.toBeNull();
  });

  it.skipIf(cannotChattr !== null)(
    'still reads the settings in a folder that refuses changes, and says why a save fails',
    async () => {
      const dir = await freshDir();
      await (await openSettingsStore(dir)).update((s) => ({ ...s, lastSaveFolder: '/exports' }));
      setImmutable(dir, true);
      try {
        const store = await openSettingsStore(dir);
        expect(store.get().lastSaveFolder).toBe('/exports');
        const error = await store.update((s) => ({ ...s, lastSaveFolder: '/b' })).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'permission-denied' });
      } finally {
        setImmutable(dir, false);
      }
    },
  );
});
