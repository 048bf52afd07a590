import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../app/contentSecurityPolicy';
import { startBuiltMain } from '../support/builtMain';
import type { BuiltMain } from '../support/builtMain';

// The installed app's page comes from app://promo-exporter/, served by the app's own handler: the
// built main bundle (out/main/index.js), packaged, in front of a stand-in for Electron that hands its
// protocol handler requests as Chromium would and plays the page's calls.

const PAGE = 'app://promo-exporter/index.html';
const BUILT_PAGE = new URL('../../out/renderer/', import.meta.url).pathname;

let root: string;
let main: BuiltMain;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'promo-exporter-app-protocol-'));
  main = await startBuiltMain({ packaged: true, root });
  await main.next('load');
});

afterAll(async () => {
  await main?.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('the app’s page protocol, in the built app', () => {
  it('is registered before the app is ready as a standard, secure scheme, and handled', async () => {
    const ready = main.messages.findIndex((m) => m.what === 'whenReady');
    const registered = main.messages.findIndex((m) => m.what === 'privilegedSchemes');
    const handled = main.messages.findIndex((m) => m.what === 'protocolHandled');
    const window = main.messages.findIndex((m) => m.what === 'window');
    expect(main.messages[registered]?.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(main.messages[handled]?.scheme).toBe('app');
    expect(registered).toBeGreaterThanOrEqual(0);
    expect(registered).toBeLessThan(ready);
    expect(ready).toBeLessThan(handled);
    expect(handled).toBeLessThan(window);
  });

  it('is where the window loads its page from', async () => {
    expect((await main.next('load')).url).toBe(PAGE);
    expect(main.messages.filter((m) => m.what === 'load')).toHaveLength(1);
  });

  it('serves the built page with its type and its Content-Security-Policy as a header', async () => {
    const answer = await main.request(PAGE);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const html = await readFile(join(BUILT_PAGE, 'index.html'));
    expect(answer.body.equals(html)).toBe(true);

    // And the script the page names.
    const script = /<script[^>]*src="\.\/([^"]+)"/.exec(html.toString())?.[1];
    expect(script).toBeDefined();
    const js = await main.request(`app://promo-exporter/${script}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the built page folder', async () => {
    // A `..` that the request's own URL parser resolves first (as Chromium's does) lands inside the
    // folder, on a file that is not there; one it leaves alone is refused by the handler.
    for (const path of [
      '/%2e%2e/main/index.js',
      '/..%2fmain%2findex.js',
      '/assets/..%5c..%5cpackage.json',
      '/%2Fetc%2Fpasswd',
      '//etc/passwd',
    ]) {
      const answer = await main.request(`app://promo-exporter${path}`);
      expect([403, 404], path).toContain(answer.status);
      expect(answer.body.length, path).toBe(0);
    }
    expect((await main.request('app://promo-exporter/missing.js')).status).toBe(404);
  });

  it('is the only page whose calls are answered', async () => {
    expect(await main.invoke('connections:list', undefined, PAGE)).toEqual({ ok: true, value: [] });
    const builtFile = pathToFileURL(join(BUILT_PAGE, 'index.html')).href;
    for (const other of [builtFile, 'app://someone-else/index.html', 'http://localhost:5173/']) {
      expect(await main.invoke('connections:list', undefined, other), other).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    // The page's address in another window is not the app's page either.
    expect(await main.invoke('connections:list', undefined, PAGE, true)).toMatchObject({ ok: false });
  });
});
