import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { windowCalls } from '../../main/calls/windowCalls';
import { SETTINGS_FILE, openSettingsStore } from '../../main/services/settingsStore';

const context = { emit: () => undefined, pageReady: () => undefined };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promo-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the program the window showed last', () => {
  it('is remembered in the settings file and given back after a restart', async () => {
    const calls = windowCalls({ settings: await openSettingsStore(dir) });
    expect(await calls['window:rememberedProgram'](undefined, context)).toBeNull();
    await calls['window:rememberProgram']({ connectionId: 'c1', loyaltyId: 42 }, context);

    const afterRestart = windowCalls({ settings: await openSettingsStore(dir) });
    expect(await afterRestart['window:rememberedProgram'](undefined, context)).toEqual({
      connectionId: 'c1',
      loyaltyId: 42,
    });
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')).selectedProgram).toEqual({
      connectionId: 'c1',
      loyaltyId: 42,
    });
  });

  it('reads a settings file from before the window remembered anything', async () => {
    const older = {
      version: 1,
      connections: [],
      window: { width: 1200, height: 800, maximized: false },
      lastSaveFolder: null,
    };
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify(older));
    const settings = await openSettingsStore(dir);
    expect(settings.setAsidePath).toBeNull();
    expect(await windowCalls({ settings })['window:rememberedProgram'](undefined, context)).toBeNull();
    expect(settings.get().window).toEqual({ width: 1200, height: 800, maximized: false });
  });
});
