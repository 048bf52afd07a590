// Runs the built page in Chromium with the real preload bundle, its `electron` module replaced by a
// bridge to the real main-process handler table in this process (page.exposeBinding). Every call
// therefore goes through the same dispatch, validation, services, keychain, HTTP and files as in
// the Electron app; only the native dialogs are answered by the test.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import keytar from 'keytar';
import { createPageOutbox } from '../../main/shell/pageOutbox';
import type { SendToPage } from '../../main/shell/pageOutbox';
import { isAppSender } from '../../main/shell/senderTrust';
import { composeServices } from '../../main/composeServices';
import type { Services } from '../../main/composeServices';
import type { SaveTargetRequest } from '../../main/calls/desktop';
import { dispatch } from '../../main/calls/dispatch';
import type { Log } from '../../main/services/log';

const PRELOAD_BUNDLE = new URL('../../out/preload/index.cjs', import.meta.url);

export interface Harness {
  services: Services;
  /** Every payload the page received (call results and events), for leak checks. */
  payloads: unknown[];
  /** Sends the page an event as main does (the menu, progress): held until the page is ready. */
  sendToPage: SendToPage;
  /** What the save dialog will answer next (a path, or null for Cancel), and what it was asked. */
  dialogs: { nextSaveTarget: string | null; nextOpenPath: string | null; requests: SaveTargetRequest[] };
  /** What the app asked the desktop to open or show in the file manager. */
  desktop: { opened: string[]; shown: string[] };
  logLines: string[];
  /** When each call reached this process and when its answer left, for the bench's bridge figure. */
  callTimes: { channel: unknown; receivedAt: number; answeredAt: number }[];
  keychainService: string;
  close(): Promise<void>;
}

export async function openAppPage(
  page: Page,
  options: { pageUrl: string; dataDir: string; keychainService: string },
): Promise<Harness> {
  const dialogs: Harness['dialogs'] = { nextSaveTarget: null, nextOpenPath: null, requests: [] };
  const desktop: Harness['desktop'] = { opened: [], shown: [] };
  const logLines: string[] = [];
  const log: Log = {
    info: (m, d) => logLines.push(`info ${m} ${JSON.stringify(d ?? '')}`),
    warn: (m, d) => logLines.push(`warn ${m} ${JSON.stringify(d ?? '')}`),
    error: (m, d) => logLines.push(`error ${m} ${String(d)}`),
  };
  const services = await composeServices({
    dataDir: options.dataDir,
    secretStore: keytar,
    keychainService: options.keychainService,
    page: {
      documentsDir: join(homedir(), 'Documents'),
      appVersion: '0.0.0-test',
      dialogs: {
        chooseSaveTarget: async (request) => {
          dialogs.requests.push(request);
          return dialogs.nextSaveTarget;
        },
        chooseWorkbookToOpen: async () => dialogs.nextOpenPath,
      },
      desktop: {
        openPath: async (path) => {
          desktop.opened.push(path);
        },
        showInFolder: (path) => desktop.shown.push(path),
      },
    },
  });
  const payloads: unknown[] = [];
  const callTimes: Harness['callTimes'] = [];
  // The app's own outbox: events wait for the page's 'app:ready', and a new document waits again.
  const outbox = createPageOutbox((event, payload) => {
    payloads.push(payload);
    void page
      .evaluate(([name, data]) => window.__promoExporterHarness.emit(name, data), [event, payload] as const)
      .catch(() => undefined);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) outbox.reset();
  });
  const context = { emit: outbox.sendToPage, pageReady: outbox.ready };

  await page.exposeBinding('__promoExporterInvoke', async (source, channel: unknown, arg: unknown) => {
    // The app's own rule, asked about Chromium's sender as ipc.ts asks it about Electron's.
    const facts = {
      fromAppWindow: source.page === page,
      destroyed: source.page.isClosed(),
      frame: source.frame.isDetached()
        ? null
        : { url: source.frame.url(), isMainFrame: source.frame.parentFrame() === null },
    };
    if (!isAppSender(facts, options.pageUrl)) {
      return { ok: false, error: { code: 'invalid-input', message: 'This page may not use the app.' } };
    }
    const receivedAt = performance.timeOrigin + performance.now();
    const result = await dispatch(services.handlers, channel, arg, context, log);
    payloads.push(result);
    callTimes.push({ channel, receivedAt, answeredAt: performance.timeOrigin + performance.now() });
    return result;
  });
  const preload = await readFile(PRELOAD_BUNDLE, 'utf8');
  await page.addInitScript({ content: bridgeScript(preload) });
  await page.goto(options.pageUrl);

  return {
    services,
    payloads,
    sendToPage: outbox.sendToPage,
    dialogs,
    desktop,
    logLines,
    callTimes,
    keychainService: options.keychainService,
    async close() {
      for (const { account } of await keytar.findCredentials(options.keychainService)) {
        await keytar.deletePassword(options.keychainService, account);
      }
    },
  };
}

/** The preload bundle, run with an `electron` module whose ipcRenderer is the binding above. */
function bridgeScript(preload: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
      },
    },
    ipcRenderer: {
      invoke: (channel, arg) => window.__promoExporterInvoke(channel, arg),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
  Object.defineProperty(window, '__promoExporterHarness', {
    value: {
      emit(channel, payload) {
        for (const listener of listeners.get(channel) ?? []) listener({}, payload);
      },
      listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
    },
  });
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('The sandboxed preload may not load ' + name);
  };
  (function (module, exports, require) {
${preload}
  })(module, module.exports, require);
})();`;
}

declare global {
  interface Window {
    __promoExporterHarness: {
      emit(channel: string, payload: unknown): void;
      listenerCount(channel: string): number;
    };
    __promoExporterInvoke(channel: string, arg: unknown): Promise<unknown>;
  }
}
