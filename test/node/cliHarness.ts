// Runs the built command line (out/main/cli.js) as a child process, the way a script or a cron job
// does: no terminal, an environment of the test's choosing, and every line it printed kept so each
// file can prove no token ever reached the output. Build first (`npx electron-vite build`).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Written to standard input (a pipe, not a terminal), which is then closed. */
  input?: string;
  /** Polled while the command runs: once it answers true, the command gets SIGINT (Ctrl+C). */
  interruptWhen?: () => boolean;
}

/** Everything every run in this file printed, for the leak checks. */
export const printed: string[] = [];

// Variables of the person running the tests that would change what the command does.
const CLEARED = ['ALTCRAFT_TOKEN', 'PROMO_EXPORTER_DATA_DIR', 'PROMO_EXPORTER_KEYCHAIN_SERVICE', 'TZ'];

export function childEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete base[name];
  const merged: NodeJS.ProcessEnv = { ...base, TZ: 'UTC', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

/** Asynchronous on purpose: the simulator answers from this very process. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const poll =
      options.interruptWhen === undefined
        ? undefined
        : setInterval(() => {
            if (options.interruptWhen?.() !== true) return;
            child.kill('SIGINT');
            clearInterval(poll);
          }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      printed.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder, removed when the test file is done. */
export async function tempDir(prefix = 'promo-cli-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A port nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Derives a simulator code's status independently of the app's code (API.md's rule). */
export function simStatus(code: Record<string, unknown>): 'available' | 'attached' | 'activated' | 'expired' {
  const set = (value: unknown) => typeof value === 'string' && value !== '';
  if (set(code.activated)) return 'activated';
  if (set(code.expired) || code.expired === true) return 'expired';
  if (set(code.attached)) return 'attached';
  return 'available';
}

// Runs the command in a pseudo-terminal (Python's pty module), types `typed` and Enter once the
// prompt shows, and answers everything the terminal displayed: what a person would have seen.
const PTY_SCRIPT = `
import json, os, pty, select, sys
args, typed, prompt = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execv(args[0], args)
seen, sent = b'', False
while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        break
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    if not sent and prompt.encode() in seen:
        os.write(fd, typed.encode() + b'\\r')
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(json.dumps({'code': os.waitstatus_to_exitcode(status), 'screen': seen.decode('utf-8', 'replace')}))
`;

export function runCliInTerminal(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; typed: string; prompt: string },
): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify([[process.execPath, CLI, ...args], options.typed, options.prompt]);
    const child = spawn('python3', ['-c', PTY_SCRIPT, payload], { env: childEnv(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const result = JSON.parse(stdout) as { code: number; screen: string };
        printed.push(result.screen);
        resolve(result);
      } catch {
        reject(new Error(`the pseudo-terminal run failed: ${stderr}`));
      }
    });
  });
}
