// Runs pageFigures.ts in a child process. The UI harness keeps tokens in the real keychain, so when no
// Secret Service answers, the child runs in a private one (dbus-run-session + gnome-keyring), as
// test/run-tests.sh does for the UI tests.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a filter's time went (see pageFigures.ts); null when its call could not be told apart. */
export type TimeSplit = {
  /** From the click or input event until the call leaves the page (search: with its pause). */
  pageBeforeCallMs: number;
  /** The test harness's page.exposeBinding bridge, both ways: not there in the Electron app. */
  bridgeMs: number;
  mainAndWorkerMs: number;
  /** From the answer until the frame after the count changed. */
  pageAfterAnswerMs: number;
} | null;

export interface PageFigures {
  firstRowsMs: number;
  statusFilterMs: number;
  statusFilterSplit: TimeSplit;
  /** From the input event, including the page's pause after typing (searchPauseMs). */
  searchMs: number;
  searchSplit: TimeSplit;
  searchPauseMs: number;
  /** From the click on the Code heading until the first row shows the new order. */
  sortMs: number;
  longestScrollTaskMs: number;
}

export async function runPageBench(simUrl: string, loyaltyId: number): Promise<PageFigures | null> {
  const script = new URL('./pageFigures.ts', import.meta.url).pathname;
  const node = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(script)} ${simUrl} ${loyaltyId}`;
  const inPrivateKeyring = `echo -n promo-exporter-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node}`;
  // A keyring folder of its own: an existing login keyring would have some other password.
  const keyringHome = await mkdtemp(join(tmpdir(), 'promo-bench-keyring-'));
  const child = spawn('dbus-run-session', ['--', 'bash', '-c', inPrivateKeyring], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: keyringHome },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('close', resolve);
    child.on('error', () => resolve(null));
  });
  await rm(keyringHome, { recursive: true, force: true });
  const line = stdout.split('\n').find((l) => l.startsWith('PAGE-RESULT '));
  if (exitCode !== 0 || line === undefined) {
    console.log(
      `  page figures failed (exit ${exitCode}): ${stderr
        .split('\n')
        .filter((l) => !l.includes('fd limit'))
        .slice(-15)
        .join('\n')}`,
    );
    return null;
  }
  return JSON.parse(line.slice('PAGE-RESULT '.length)) as PageFigures;
}
