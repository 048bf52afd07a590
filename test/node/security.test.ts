import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// main/shell/security.ts against a stand-in for Electron (its binary cannot run here): what it registers,
// and what those handlers answer when a page asks for a permission, a navigation, a window or a
// <webview>.
const electron = vi.hoisted(() => ({
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  enableSandbox: vi.fn(),
  openExternal: vi.fn(async (_url: string) => undefined),
}));
vi.mock('electron', () => ({
  app: {
    enableSandbox: electron.enableSandbox,
    on: (name: string, handler: (...args: unknown[]) => void) => electron.appHandlers.set(name, handler),
  },
  shell: { openExternal: electron.openExternal },
}));

const { setupSecurity, setupSessionSecurity } = await import('../../main/shell/security');

const warnings: string[] = [];
const log = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };

/** A web contents as far as security.ts touches it. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  getURL() {
    return 'file:///app/index.html';
  }
}

function event(url: string) {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function hardened(): FakeContents {
  setupSecurity(log);
  const contents = new FakeContents();
  electron.appHandlers.get('web-contents-created')?.({}, contents);
  return contents;
}

beforeEach(() => {
  electron.appHandlers.clear();
  electron.openExternal.mockClear();
  warnings.splice(0);
});

describe('every web contents the app creates', () => {
  it('runs sandboxed', () => {
    setupSecurity(log);
    expect(electron.enableSandbox).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('refuses %s anywhere', (name) => {
    const contents = hardened();
    const attempt = event('https://evil.example/phish');
    contents.emit(name, attempt);
    expect(attempt.prevented).toBe(true);
    expect(electron.openExternal).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(1);
  });

  it('sends a navigation to an allowed https address to the browser instead', () => {
    const contents = hardened();
    const attempt = event('https://guides.altcraft.com/');
    contents.emit('will-navigate', attempt);
    expect(attempt.prevented).toBe(true);
    expect(electron.openExternal).toHaveBeenCalledWith('https://guides.altcraft.com/');
  });

  it('refuses every new window, opening only allowed links in the browser', () => {
    const contents = hardened();
    expect(contents.openHandler?.({ url: 'https://altcraft.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://altcraft.com/' })).toEqual({ action: 'deny' });
    expect(electron.openExternal.mock.calls).toEqual([['https://altcraft.com/']]);
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const attempt = event('https://altcraft.com/');
    contents.emit('will-attach-webview', attempt, {}, {});
    expect(attempt.prevented).toBe(true);
  });
});

describe('the session', () => {
  function lockedSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = new Proxy(
      {},
      {
        get: (_t, name: string) => (handler: (...args: never[]) => unknown) =>
          void (handlers[name] = handler),
      },
    );
    setupSessionSecurity(session as never, log);
    return handlers;
  }

  it('denies every permission request', () => {
    const handlers = lockedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      (handlers.setPermissionRequestHandler as (...args: unknown[]) => void)(
        new FakeContents(),
        permission,
        callback,
      );
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers no to every permission check, device and screen capture', () => {
    const handlers = lockedSession();
    expect(
      (handlers.setPermissionCheckHandler as (...args: unknown[]) => unknown)(null, 'media', 'file://', {}),
    ).toBe(false);
    expect((handlers.setDevicePermissionHandler as (...args: unknown[]) => unknown)({})).toBe(false);
    const callback = vi.fn();
    (handlers.setDisplayMediaRequestHandler as (...args: unknown[]) => void)({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });
});
