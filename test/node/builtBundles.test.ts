import { readdir, readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

// Reads what `npm run build` produced (npm test builds before the Node tests run).
const OUT = new URL('../../out/', import.meta.url).pathname;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Every syntax node of a program with its parent and the key it hangs from, depth first. */
function* nodesOf(
  value: unknown,
  parent: Node | null = null,
  key = '',
): Generator<[Node, Node | null, string]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item, parent, key);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Node;
  if (typeof node.type === 'string') yield [node, parent, key];
  for (const [childKey, child] of Object.entries(node)) {
    if (child !== null && typeof child === 'object') yield* nodesOf(child, node, childKey);
  }
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

  it('the code worker is one CommonJS script that requires nothing but Node’s own modules', async () => {
    const text = await readFile(join(OUT, 'main', 'codeWorker.cjs'), 'utf8');
    // Parsed as a script, so an import or export statement would be a syntax error.
    const { program, errors } = parseSync('codeWorker.cjs', text, { sourceType: 'script' });
    expect(errors.map((e) => e.message)).toEqual([]);

    const required = new Set<string>();
    const otherLoads: string[] = [];
    for (const [node, parent, key] of nodesOf(program)) {
      const source = () => text.slice(node.start, node.end).slice(0, 120);
      if (node.type === 'CallExpression') {
        const callee = node.callee as Node & { name?: string };
        const [first] = node.arguments as (Node & { value?: unknown })[];
        if (callee.type === 'Identifier' && callee.name === 'require') {
          if (first?.type === 'Literal' && typeof first.value === 'string') required.add(first.value);
          else otherLoads.push(`a require of a computed name: ${source()}`);
        }
      } else if (node.type === 'Identifier' && node.name === 'require') {
        // `require.resolve`, `const r = require`, `typeof require`: anything but a plain call.
        if (!(parent?.type === 'CallExpression' && key === 'callee'))
          otherLoads.push(`require used as a value: ${source()}`);
      } else if (node.type === 'ImportExpression' || node.type === 'MetaProperty') {
        otherLoads.push(source());
      }
    }
    expect(otherLoads).toEqual([]);
    expect([...required].filter((name) => !isBuiltin(name))).toEqual([]);
    // It holds the packages it uses instead of loading them: archiver's zip writer, for one.
    expect(text).toContain('ZipArchiveOutputStream');
    expect(required).toContain('node:worker_threads');
  });

  it('the worker sits beside the bundle that starts it, which no shared chunk does', async () => {
    const main = await readFile(join(OUT, 'main', 'index.js'), 'utf8');
    expect(main).toContain('"./codeWorker.cjs"');
    const chunks = (await filesUnder(join(OUT, 'main', 'chunks'))).filter((file) => file.endsWith('.js'));
    for (const chunk of chunks) expect(await readFile(chunk, 'utf8'), chunk).not.toContain('codeWorker');
    expect((await readdir(join(OUT, 'main'))).filter((name) => name.startsWith('codeWorker'))).toEqual([
      'codeWorker.cjs',
    ]);
  });
});
