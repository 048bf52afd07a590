import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKnownSecrets } from '../../main/services/knownSecrets';

// main/shell/crashRecovery.ts against a stand-in for Electron (its binary cannot run here): an error nobody
// caught is logged and shown once, a dead page is reloaded with a message, a failed start says so.
const electron = vi.hoisted(() => ({
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ready: true,
  exit: vi.fn(),
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(),
}));
vi.mock('electron', () => ({
  app: {
    on: (name: string, handler: (...args: unknown[]) => void) => electron.appHandlers.set(name, handler),
    isReady: () => electron.ready,
    exit: electron.exit,
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showErrorBox: electron.showErrorBox, showMessageBox: electron.showMessageBox },
}));

const { reportStartFailure, setupCrashRecovery } = await import('../../main/shell/crashRecovery');

const TOKEN = 'tok-crash-recovery-42';
const lines: string[] = [];
const log = {
  info: (m: string) => lines.push(m),
  warn: (m: string) => lines.push(m),
  error: (m: string) => lines.push(m),
};
let processHandlers: Map<string, (error: unknown) => void>;

function setup() {
  const secrets = createKnownSecrets();
  secrets.add(TOKEN);
  setupCrashRecovery(log, secrets);
  return secrets;
}

beforeEach(() => {
  processHandlers = new Map();
  // Captured, not installed: the test runner's own handlers stay in charge of this process.
  vi.spyOn(process, 'on').mockImplementation(((name: string, handler: (error: unknown) => void) => {
    processHandlers.set(name, handler);
    return process;
  }) as typeof process.on);
  electron.appHandlers.clear();
  electron.ready = true;
  for (const mock of [electron.exit, electron.showErrorBox, electron.showMessageBox]) mock.mockReset();
  lines.splice(0);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an error nobody caught in the main process', () => {
  it.each(['uncaughtException', 'unhandledRejection'])(
    '(%s) is logged and shown, and the app goes on',
    async (name) => {
      let close = () => undefined as unknown;
      electron.showMessageBox.mockImplementation(() => new Promise((resolve) => (close = () => resolve({}))));
      setup();
      processHandlers.get(name)?.(new TypeError(`boom ${TOKEN}`));
      processHandlers.get(name)?.(new TypeError('again, while the dialog is open'));
      expect(lines).toHaveLength(2);
      expect(electron.showMessageBox).toHaveBeenCalledTimes(1);
      const [options] = electron.showMessageBox.mock.calls[0] as [{ message: string; detail: string }];
      expect(options.message).toMatch(/keep working/);
      expect(options.detail).toBe('TypeError: boom [redacted]');
      expect(electron.exit).not.toHaveBeenCalled();
      close();
      await new Promise((resolve) => setTimeout(resolve, 0));
      processHandlers.get(name)?.(new Error('later'));
      expect(electron.showMessageBox).toHaveBeenCalledTimes(2);
    },
  );

  it('is shown in the only dialog Electron allows before the app is ready', () => {
    electron.ready = false;
    setup();
    processHandlers.get('uncaughtException')?.(new Error('early'));
    expect(electron.showErrorBox).toHaveBeenCalledWith(
      'Promo Exporter ran into a problem',
      expect.stringContaining('Error: early'),
    );
  });
});

describe('a page whose process died', () => {
  const contents = () => ({ isDestroyed: () => false, reload: vi.fn() });

  it('is reloaded with a message', () => {
    setup();
    const page = contents();
    electron.appHandlers.get('render-process-gone')?.({}, page, { reason: 'crashed', exitCode: 139 });
    expect(page.reload).toHaveBeenCalledTimes(1);
    expect(electron.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'The window stopped working and was reloaded.' }),
    );
  });

  it('is left alone when it closed normally', () => {
    setup();
    const page = contents();
    electron.appHandlers.get('render-process-gone')?.({}, page, { reason: 'clean-exit', exitCode: 0 });
    expect(page.reload).not.toHaveBeenCalled();
    expect(electron.showMessageBox).not.toHaveBeenCalled();
  });

  it('is not reloaded a third time in a row, and the person is told to restart', () => {
    setup();
    const page = contents();
    for (let i = 0; i < 3; i++) {
      electron.appHandlers.get('render-process-gone')?.({}, page, { reason: 'oom', exitCode: 1 });
    }
    expect(page.reload).toHaveBeenCalledTimes(2);
    expect(electron.showMessageBox).toHaveBeenLastCalledWith(
      expect.objectContaining({ message: expect.stringMatching(/restart Promo Exporter/) }),
    );
  });
});

describe('a start that fails', () => {
  it('is logged, explained, and the app quits with an error status', async () => {
    const secrets = setup();
    await reportStartFailure(new Error(`EACCES: permission denied, open '${TOKEN}'`), log, secrets);
    expect(lines).toContain('The app could not start');
    const [options] = electron.showMessageBox.mock.calls[0] as [{ message: string; detail: string }];
    expect(options.message).toMatch(/could not start/);
    expect(options.detail).not.toContain(TOKEN);
    expect(electron.exit).toHaveBeenCalledWith(1);
  });
});
