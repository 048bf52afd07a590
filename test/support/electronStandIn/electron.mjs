// A stand-in for the `electron` module, so the built main bundle (out/main/index.js) runs in plain
// Node where Electron's binary cannot. test/support/builtMain.ts starts the bundle in a child process
// with this in Electron's place (register.mjs) and talks to it over the fork's channel: the stand-in
// reports what the app asked of Electron (paths, the page it loaded, its menu, its protocols) and,
// when asked, plays the page: a call from a frame at a given address, a request to a custom protocol.
// STAND_IN_PACKAGED=1 makes `app.isPackaged` true, as in the installed app; STAND_IN_ROOT is the
// folder that holds the app's data and documents folders.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

const root = process.env.STAND_IN_ROOT;
if (root === undefined) throw new Error('The Electron stand-in needs STAND_IN_ROOT');

const report = (what, data = {}) => process.send?.({ what, ...data });

/** Answers every method it does not define with a no-op: a new call into Electron is not a crash here. */
function lenient(target) {
  return new Proxy(target, {
    get(object, name) {
      if (name in object) return Reflect.get(object, name);
      // Never a thenable, and nothing for symbols (inspection, iteration).
      if (typeof name !== 'string' || name === 'then') return undefined;
      return () => undefined;
    },
  });
}

const paths = new Map([
  ['home', root],
  ['appData', join(root, 'appData')],
  ['userData', join(root, 'appData', 'Promo Exporter')],
  ['documents', join(root, 'documents')],
  ['temp', join(root, 'temp')],
]);

export const app = lenient({
  isPackaged: process.env.STAND_IN_PACKAGED === '1',
  getVersion: () => '0.0.0-stand-in',
  getName: () => 'Promo Exporter',
  getPath(name) {
    const path = paths.get(name);
    if (path === undefined) throw new Error(`The Electron stand-in has no path "${name}"`);
    return path;
  },
  setPath(name, path) {
    paths.set(name, path);
    report('setPath', { name, path });
  },
  setAppLogsPath: () => paths.set('logs', join(paths.get('userData'), 'logs')),
  requestSingleInstanceLock: () => true,
  whenReady() {
    report('whenReady');
    return Promise.resolve();
  },
  isReady: () => true,
  on: () => app,
  quit: () => report('quit'),
  exit(code) {
    report('exit', { code });
    process.exit(code);
  },
});

/** The app window's web contents, the one the sender check trusts; and another window's. */
let appContents = null;
const otherContents = lenient(Object.assign(new EventEmitter(), { isDestroyed: () => false }));

export class BrowserWindow extends EventEmitter {
  static fromWebContents = () => null;
  static getAllWindows = () => [];

  constructor(options) {
    super();
    const contents = lenient(
      Object.assign(new EventEmitter(), {
        isDestroyed: () => false,
        send: (channel) => report('send', { channel }),
      }),
    );
    this.webContents = contents;
    appContents ??= contents;
    report('window', { webPreferences: options?.webPreferences ?? null });
    // Constructed through the proxy, so the window's own methods below are found and the rest are no-ops.
    return lenient(this);
  }

  loadURL(url) {
    report('load', { url });
    return Promise.resolve();
  }

  loadFile(file) {
    report('load', { file });
    return Promise.resolve();
  }

  getSize = () => [1200, 800];
  getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
  isMaximized = () => false;
  isMinimized = () => false;
}

const handlers = new Map();
export const ipcMain = lenient({ handle: (channel, handler) => handlers.set(channel, handler) });

const rolesIn = (items) =>
  items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? rolesIn(item.submenu) : []),
  ]);
export const Menu = lenient({
  buildFromTemplate(template) {
    report('menu', { roles: rolesIn(template) });
    return template;
  },
});

const schemes = new Map();
export const protocol = lenient({
  registerSchemesAsPrivileged: (custom) => report('privilegedSchemes', { schemes: custom }),
  handle(scheme, handler) {
    schemes.set(scheme, handler);
    report('protocolHandled', { scheme });
  },
});

export const session = { defaultSession: lenient({ protocol }) };
export const net = { fetch: (input, init) => fetch(input, init) };
export const dialog = lenient({
  showMessageBox: async (...args) => {
    const options = args.at(-1);
    report('dialog', { message: options.message, detail: options.detail });
    return { response: 0 };
  },
  showErrorBox: (title, text) => report('dialog', { message: title, detail: text }),
});
export const shell = lenient({ openExternal: async () => undefined, openPath: async () => '' });
const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = lenient({ getPrimaryDisplay: () => display, getAllDisplays: () => [display] });
export const nativeTheme = lenient(new EventEmitter());
export class Notification {
  static isSupported = () => false;
  show() {}
}

/** What the test asks: a call as a page in a frame at `frameUrl`, or a request to a custom protocol. */
process.on('message', async (message) => {
  const { id } = message;
  try {
    if ('invoke' in message) {
      const handler = handlers.get(message.invoke);
      if (handler === undefined) throw new Error(`No handler for ${message.invoke}`);
      const event = {
        sender: message.fromOtherWindow === true ? otherContents : appContents,
        senderFrame: { url: message.frameUrl, parent: null, detached: false },
      };
      report('answer', { id, value: await handler(event, message.arg) });
    } else if ('request' in message) {
      const url = new URL(message.request);
      const handler = schemes.get(url.protocol.slice(0, -1));
      if (handler === undefined) throw new Error(`No protocol handler for ${url.protocol}`);
      const response = await handler(new Request(message.request));
      report('answer', {
        id,
        value: {
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: Buffer.from(await response.arrayBuffer()).toString('base64'),
        },
      });
    }
  } catch (error) {
    report('answer', { id, error: String(error) });
  }
});
