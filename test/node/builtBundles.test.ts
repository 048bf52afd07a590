import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Reads what `npm run build` produced (npm test builds before the Node tests run).
const OUT = new URL('../../out/', import.meta.url).pathname;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the built bundles', () => {
  it('the page bundle holds no reference to keytar, Node modules, Electron or a token', async () => {
    const files = (await filesUnder(join(OUT, 'renderer'))).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/keytar/);
      expect(text, file).not.toMatch(/["'`]node:[a-z_]+["'`]/);
      expect(text, file).not.toMatch(/require\(["']electron["']\)|from ?["']electron["']/);
      expect(text, file).not.toMatch(/demo-token|limited-token/);
    }
  });

  it('the page carries a strict Content-Security-Policy with no inline or eval script', async () => {
    const html = await readFile(join(OUT, 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the main bundle creates the window with the security settings written out', async () => {
    const main = await readFile(join(OUT, 'main', 'index.js'), 'utf8');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
    ]) {
      expect(main).toContain(setting);
    }
    expect(main).toContain('setWindowOpenHandler');
    expect(main).toContain('will-navigate');
    expect(main).toContain('requestSingleInstanceLock');
  });

  it('the preload is one CommonJS file that loads nothing but electron', async () => {
    const preload = await readFile(join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });
});
