// Runs the built main bundle (out/main/index.js, what app.asar holds) in a child Node process with a
// stand-in for `electron` (electronStandIn/), so tests can see what the app itself does at start,
// packaged or not: which page it loads, which paths and keychain it uses, what its menu holds, whom
// its IPC answers and what its page protocol serves. Everything but Electron is real: the settings
// file, the keychain, the handler table, the code worker.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN_BUNDLE = `${ROOT}out/main/index.js`;
const REGISTER = new URL('./electronStandIn/register.mjs', import.meta.url).href;

/** The switches of developmentSwitches.ts and the variables around them, cleared unless a test sets them. */
const CLEARED = [
  'ELECTRON_RENDERER_URL',
  'PROMO_EXPORTER_DEMO_HOST',
  'PROMO_EXPORTER_DEMO_TOKEN',
  'PROMO_EXPORTER_KEYCHAIN_SERVICE',
  'PROMO_EXPORTER_DATA_DIR',
  'NODE_OPTIONS',
];

export interface StandInMessage {
  what: string;
  [key: string]: unknown;
}

export interface ProtocolAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface BuiltMain {
  /** Everything the stand-in reported, in order. */
  messages: StandInMessage[];
  /** The first report of this kind, waiting for it if it has not come yet. */
  next(what: string): Promise<StandInMessage>;
  /** A call as the page sends it, from the main frame at `frameUrl` of the app's window (or another). */
  invoke(channel: string, arg: unknown, frameUrl: string, fromOtherWindow?: boolean): Promise<unknown>;
  /** A request to a protocol the app handles (protocol.handle), answered by the app's own handler. */
  request(url: string): Promise<ProtocolAnswer>;
  close(): Promise<void>;
}

export async function startBuiltMain(options: {
  packaged: boolean;
  /** Holds the app's data and documents folders. */
  root: string;
  env?: Record<string, string>;
}): Promise<BuiltMain> {
  await access(MAIN_BUNDLE).catch(() => {
    throw new Error('out/main/index.js is missing: run `npm run build` first (npm test does).');
  });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !CLEARED.includes(key)) env[key] = value;
  Object.assign(env, options.env, {
    STAND_IN_ROOT: options.root,
    STAND_IN_PACKAGED: options.packaged ? '1' : '0',
  });
  const child: ChildProcess = fork(MAIN_BUNDLE, [], {
    execArgv: ['--import', REGISTER],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const messages: StandInMessage[] = [];
  const waiting = new Set<() => void>();
  let ended: string | null = null;
  child.on('message', (message: StandInMessage) => {
    messages.push(message);
    for (const wake of waiting) wake();
  });
  child.on('exit', (code, signal) => {
    ended = `the built main process ended (${code ?? signal}):\n${output.slice(-4000)}`;
    for (const wake of waiting) wake();
  });

  const until = <T>(found: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = found();
        if (value !== undefined) {
          waiting.delete(check);
          resolve(value);
        } else if (ended !== null) {
          waiting.delete(check);
          reject(new Error(ended));
        }
      };
      waiting.add(check);
      check();
    });

  let nextId = 0;
  const ask = async (message: Record<string, unknown>): Promise<unknown> => {
    const id = ++nextId;
    child.send({ id, ...message });
    const answer = await until(() => messages.find((m) => m.what === 'answer' && m.id === id));
    if (typeof answer.error === 'string') throw new Error(answer.error);
    return answer.value;
  };

  return {
    messages,
    next: (what) => until(() => messages.find((m) => m.what === what)),
    invoke: (channel, arg, frameUrl, fromOtherWindow = false) =>
      ask({ invoke: channel, arg, frameUrl, fromOtherWindow }),
    async request(url) {
      const value = (await ask({ request: url })) as Omit<ProtocolAnswer, 'body'> & { body: string };
      return { ...value, body: Buffer.from(value.body, 'base64') };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
