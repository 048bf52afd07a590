import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version as electronVersion } from '../../node_modules/electron/package.json';
import { downloadFailedMessage, downloadFailure, electronProgram } from '../../main/launch/electronCheck';
import { closedPort, tempDir } from './cliHarness';

// The first `npm start` or `npm run demo` of a checkout, on a network where Electron's download fails.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHER = join(ROOT, 'main/launch/ensureElectron.ts');

describe('is Electron there?', () => {
  const dir = '/repo/node_modules/electron';
  const on =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('says no before the first download, when there is no path.txt', () => {
    expect(electronProgram({ dir, pathTxt: null }, {}, on())).toBeNull();
  });

  it('says no when path.txt names a program that is not in dist/', () => {
    expect(electronProgram({ dir, pathTxt: 'electron' }, {}, on())).toBeNull();
  });

  it('gives the program in dist/ that path.txt names', () => {
    const program = join(dir, 'dist', 'electron');
    expect(electronProgram({ dir, pathTxt: 'electron' }, {}, on(program))).toBe(program);
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead, as Electron does', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(electronProgram({ dir, pathTxt: null }, env, on('/opt/electron/electron'))).toBe(
      '/opt/electron/electron',
    );
    expect(electronProgram({ dir, pathTxt: 'electron' }, env, on(join(dir, 'dist', 'electron')))).toBeNull();
  });
});

describe('what the person is told', () => {
  it('takes the reason from the first line of the installer’s stack trace, without the trace', () => {
    const output = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)',
    ].join('\n');
    expect(downloadFailure(output)).toBe('fetch failed');
    expect(downloadFailure('HTTPError: Response code 404 (Not Found) for https://m/v1/e.zip\n    at x')).toBe(
      'Response code 404 (Not Found) for https://m/v1/e.zip',
    );
    expect(downloadFailure('')).toBe('the download stopped without saying why');
  });

  it('names what failed, a mirror, a proxy and the command line', () => {
    const lines = downloadFailedMessage('fetch failed', {}).trimEnd().split('\n');
    expect(lines[0]).toBe('Electron could not be downloaded, so the app cannot open (fetch failed).');
    expect(lines.length).toBeLessThanOrEqual(8);
    const text = lines.join('\n');
    expect(text).toContain('from GitHub');
    expect(text).toMatch(/set ELECTRON_MIRROR/);
    expect(text).toMatch(/set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY/);
    expect(text).toContain('GLOBAL_AGENT_HTTPS_PROXY');
    expect(text).toContain('npx promo-exporter');
  });

  it('says which mirror was asked when ELECTRON_MIRROR is set', () => {
    const text = downloadFailedMessage('fetch failed', { ELECTRON_MIRROR: 'https://m.example/electron/' });
    expect(text).toContain(
      'the mirror in ELECTRON_MIRROR, https://m.example/electron/, which did not give it',
    );
    expect(text).not.toContain('from GitHub');
  });
});

// The launcher and the npm scripts as a person runs them. Electron's real installer runs, against a
// mirror of this test's own (nothing is fetched from GitHub even where it could be), with an empty
// download cache, and with ELECTRON_OVERRIDE_DIST_PATH pointing at an empty folder, so the program is
// missing here whether or not this checkout has it.
describe('the first start, where the download fails', () => {
  let mirror: Server;
  let mirrorUrl: string;
  const asked: string[] = [];

  beforeAll(async () => {
    mirror = createServer((request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const address = mirror.address();
    mirrorUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/electron/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => mirror.close(resolve));
  });

  async function firstRunEnv(mirrorAddress: string): Promise<NodeJS.ProcessEnv> {
    const empty = await tempDir('promo-no-electron-');
    await mkdir(join(empty, 'dist'));
    await mkdir(join(empty, 'cache'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_MIRROR: mirrorAddress,
      ELECTRON_OVERRIDE_DIST_PATH: join(empty, 'dist'),
      electron_config_cache: join(empty, 'cache'),
    };
    delete env.ELECTRON_GET_USE_PROXY;
    delete env.ELECTRON_EXEC_PATH;
    return env;
  }

  function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('prints the plain lines and exits with 1 when the mirror does not have Electron', async () => {
    const env = await firstRunEnv(mirrorUrl);
    const result = await run(process.execPath, ['--import', 'tsx', LAUNCHER], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Downloading Electron (about 100 MB, only this once)…\n');
    const zip = `v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
    // Electron's own installer really asked the mirror for the program.
    expect(asked).toContain(`/electron/${zip}`);
    expect(result.stderr).toBe(
      downloadFailedMessage(`Response code 404 (Not Found) for ${mirrorUrl}${zip}`, {
        ELECTRON_MIRROR: mirrorUrl,
      }),
    );
  });

  it('prints the plain lines and exits with 1 when the network refuses', async () => {
    const env = await firstRunEnv(`http://127.0.0.1:${await closedPort()}/`);
    const result = await run(process.execPath, ['--import', 'tsx', LAUNCHER], env);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'Electron could not be downloaded, so the app cannot open (fetch failed).',
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([['start'], ['demo']])('npm run %s stops there, with no stack trace', async (script) => {
    const env = await firstRunEnv(mirrorUrl);
    const result = await run('npm', ['run', script], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Electron could not be downloaded, so the app cannot open (Response code 404',
    );
    expect(result.stderr).toContain('npx promo-exporter');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Electron failed to install correctly|Electron uninstall/);
    // Stopped before anything else ran: no build.
    expect(result.stdout).not.toMatch(/building|built in/);
  });
});
