import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { developmentSwitches, NO_SWITCHES } from '../../main/shell/developmentSwitches';
import { openSettingsStore } from '../../main/services/settingsStore';
import { DEMO_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import { startBuiltMain } from '../support/builtMain';
import type { BuiltMain } from '../support/builtMain';

const DEV_SERVER = 'http://localhost:5173/';
const EVERY_SWITCH = {
  ELECTRON_RENDERER_URL: DEV_SERVER,
  PROMO_EXPORTER_DEMO_HOST: 'http://127.0.0.1:4010',
  PROMO_EXPORTER_DEMO_TOKEN: 'demo-token',
  PROMO_EXPORTER_KEYCHAIN_SERVICE: 'Promo Exporter test',
};

describe('the development switches in force', () => {
  it('are all honoured in a developer’s run', () => {
    expect(developmentSwitches(EVERY_SWITCH, false)).toEqual({
      rendererUrl: DEV_SERVER,
      demo: { host: 'http://127.0.0.1:4010', token: 'demo-token' },
      keychainService: 'Promo Exporter test',
    });
  });

  it('are all ignored in the installed app', () => {
    expect(developmentSwitches(EVERY_SWITCH, true)).toEqual(NO_SWITCHES);
    expect(NO_SWITCHES).toEqual({ rendererUrl: null, demo: null, keychainService: null });
  });

  it('are off when not set, or set to nothing', () => {
    expect(developmentSwitches({}, false)).toEqual(NO_SWITCHES);
    expect(
      developmentSwitches(
        {
          ELECTRON_RENDERER_URL: '',
          PROMO_EXPORTER_DEMO_HOST: ' ',
          PROMO_EXPORTER_DEMO_TOKEN: '',
          PROMO_EXPORTER_KEYCHAIN_SERVICE: '',
        },
        false,
      ),
    ).toEqual(NO_SWITCHES);
  });

  it('start the demo only with both its host and its token', () => {
    expect(
      developmentSwitches({ ...EVERY_SWITCH, PROMO_EXPORTER_DEMO_TOKEN: undefined }, false).demo,
    ).toBeNull();
    expect(
      developmentSwitches({ ...EVERY_SWITCH, PROMO_EXPORTER_DEMO_HOST: undefined }, false).demo,
    ).toBeNull();
  });
});

// The same decision as the installed app makes it: the built main bundle, started with every switch
// set, in front of a stand-in for Electron whose `app.isPackaged` the test chooses.
describe('the built main bundle, with every development switch set', () => {
  const keychainService = `Promo Exporter test ${randomUUID()}`;
  let sim: AltcraftSim;
  let root: string;
  let main: BuiltMain | null = null;

  const switches = () => ({
    ELECTRON_RENDERER_URL: DEV_SERVER,
    PROMO_EXPORTER_DEMO_HOST: sim.url,
    PROMO_EXPORTER_DEMO_TOKEN: DEMO_TOKEN,
    PROMO_EXPORTER_KEYCHAIN_SERVICE: keychainService,
  });
  /** The address of the page the window loaded. */
  const loadedPage = async (app: BuiltMain) => (await app.next('load')).url as string;
  const menuRoles = async (app: BuiltMain) => (await app.next('menu')).roles as string[];

  beforeAll(async () => {
    sim = await startAltcraftSim();
  });
  afterEach(async () => {
    await main?.close();
    main = null;
    for (const { account } of await keytar.findCredentials(keychainService))
      await keytar.deletePassword(keychainService, account);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('honours them when not packaged: the development page, its developer tools, the demo and the test keychain', async () => {
    root = await mkdtemp(join(tmpdir(), 'promo-exporter-built-main-'));
    main = await startBuiltMain({ packaged: false, root, env: switches() });

    expect(await loadedPage(main)).toBe(DEV_SERVER);
    expect(await menuRoles(main)).toContain('toggleDevTools');
    expect((await main.next('setPath')).path).toBe(join(root, 'appData', 'Promo Exporter Demo'));
    const listed = await main.invoke('connections:list', undefined, DEV_SERVER);
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Demo', host: sim.url, hasToken: true }] });
    expect((await keytar.findCredentials(keychainService)).map((c) => c.password)).toEqual([DEMO_TOKEN]);
  });

  it('ignores them when packaged: its own page, no developer tools, no demo, the app’s own keychain entry', async () => {
    root = await mkdtemp(join(tmpdir(), 'promo-exporter-built-main-'));
    // A connection saved before, whose token sits under the test's keychain name only: the app
    // finds it there only if it honours PROMO_EXPORTER_KEYCHAIN_SERVICE.
    const settings = await openSettingsStore(join(root, 'appData', 'Promo Exporter'));
    const existing = randomUUID();
    await settings.update((s) => ({
      ...s,
      connections: [{ id: existing, name: 'Existing', host: sim.url, programs: [] }],
    }));
    await keytar.setPassword(keychainService, existing, DEMO_TOKEN);

    main = await startBuiltMain({ packaged: true, root, env: switches() });
    const page = await loadedPage(main);
    expect(page).toBe('app://promo-exporter/index.html');
    expect(await menuRoles(main)).not.toContain('toggleDevTools');
    expect(await menuRoles(main)).not.toContain('reload');

    // The development page may not call the app; the app's own page may.
    expect(await main.invoke('connections:list', undefined, DEV_SERVER)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'This page may not use the app.' },
    });
    expect(await main.invoke('connections:list', undefined, page)).toEqual({
      ok: true,
      value: [{ id: existing, name: 'Existing', host: sim.url, hasToken: false, programs: [] }],
    });
    expect(main.messages.filter((m) => m.what === 'setPath')).toEqual([]);
    expect((await keytar.findCredentials(keychainService)).map((c) => c.account)).toEqual([existing]);
    expect(sim.requests).toEqual([]);
  });
});
