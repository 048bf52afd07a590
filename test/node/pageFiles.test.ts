import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../app/contentSecurityPolicy';
import { answerPageRequest, isInside, pageFileFor } from '../../main/shell/pageFiles';

// What the app's own protocol (app://promo-exporter/) serves: the pure rule first, with the paths a
// hostile page or link could ask for, then the whole answer with real files and real symlinks, and
// the built page folder itself.

const ORIGIN = 'app://promo-exporter';
const at = (path: string) => `${ORIGIN}${path}`;

describe('the page file a request names', () => {
  it('is index.html for the root, and a built file by its path, with its type', () => {
    expect(pageFileFor(at('/'), ORIGIN)).toEqual({
      ok: true,
      segments: ['index.html'],
      mimeType: 'text/html; charset=utf-8',
    });
    expect(pageFileFor(at('/assets/index-B8.js'), ORIGIN)).toMatchObject({
      ok: true,
      segments: ['assets', 'index-B8.js'],
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(pageFileFor(at('/assets/index.css?v=2#top'), ORIGIN)).toMatchObject({
      segments: ['assets', 'index.css'],
      mimeType: 'text/css; charset=utf-8',
    });
    expect(pageFileFor(at('/assets/font.woff2'), ORIGIN)).toMatchObject({ mimeType: 'font/woff2' });
    expect(pageFileFor(at('/logo.SVG'), ORIGIN)).toMatchObject({ mimeType: 'image/svg+xml' });
    expect(pageFileFor(at('/assets/a%20b.png'), ORIGIN)).toMatchObject({ segments: ['assets', 'a b.png'] });
  });

  it.each([
    ['a step up', '/../main/index.js'],
    ['a step up inside a folder', '/assets/../../package.json'],
    ['an encoded step up', '/%2e%2e/main/index.js'],
    ['an encoded step up in capitals', '/%2E%2E/main/index.js'],
    ['half an encoded step up', '/assets/.%2e/.%2e/package.json'],
    ['a step up with an encoded slash', '/..%2fmain%2findex.js'],
    ['steps up inside one encoded name', '/assets/..%2F..%2Fpackage.json'],
    ['steps up with encoded backslashes', '/..%5c..%5cpackage.json'],
    ['steps up with backslashes', '/assets\\..\\..\\package.json'],
    ['a double-encoded step up', '/%252e%252e/main/index.js'],
    ['a double-encoded step up with a slash', '/assets/%252e%252e%252f%252e%252e%252fpackage.json'],
    ['a double-encoded backslash', '/..%255c..%255cpackage.json'],
    ['a single dot', '/./index.html'],
    ['an absolute path', '//etc/passwd'],
    ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ['a Windows drive', '/C:/Windows/win.ini'],
    ['an encoded Windows path', '/C:%5CWindows%5Cwin.ini'],
    ['a UNC path', '/%5C%5Cserver%5Cshare%5Cx.js'],
    ['an NTFS stream', '/index.html::$DATA'],
    ['a NUL that cuts the name', '/index.html%00.png'],
    ['a hidden file', '/.env'],
    ['a trailing dot', '/index.html.'],
    ['a trailing space', '/index.html%20'],
    ['a folder', '/assets/'],
  ])('refuses %s (%s)', (_what, path) => {
    const file = pageFileFor(at(path), ORIGIN);
    expect(file).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses what is not a page file: no extension, a source map, an executable, a bad encoding', () => {
    expect(pageFileFor(at('/assets'), ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor(at('/assets/index.js.map'), ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor(at('/keytar.node'), ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor(at('/%E0%A4%A.js'), ORIGIN)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses another site, another scheme, credentials and anything but GET or HEAD', () => {
    expect(pageFileFor('app://someone-else/index.html', ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor('app:///etc/passwd', ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor('file:///etc/passwd', ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(pageFileFor('https://promo-exporter/index.html', ORIGIN)).toMatchObject({ ok: false });
    expect(pageFileFor('app://user:pw@promo-exporter/index.html', ORIGIN)).toMatchObject({ ok: false });
    expect(pageFileFor('not an address', ORIGIN)).toMatchObject({ ok: false, status: 400 });
    expect(pageFileFor(at('/index.html'), ORIGIN, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(pageFileFor(at('/index.html'), ORIGIN, 'HEAD')).toMatchObject({ ok: true });
  });

  it('reads the path the same way on the test server’s http:// origin', () => {
    const origin = 'http://127.0.0.1:4173';
    expect(pageFileFor(`${origin}/assets/x.js`, origin)).toMatchObject({ ok: true });
    // http:// turns backslashes into slashes when it parses; read as written, they are refused.
    expect(pageFileFor(`${origin}/assets\\..\\..\\package.json`, origin)).toMatchObject({ ok: false });
    expect(pageFileFor(`${origin}/%2e%2e/package.json`, origin)).toMatchObject({ ok: false });
  });

  it('never names a file outside the folder, whatever the path is made of', () => {
    const root = '/srv/page';
    const pieces = ['', '.', '..', '%2e', '%2e%2e', '%2f', '%5c', '\\', 'a', 'a.js', '%00', ':', 'C:'];
    for (const first of pieces)
      for (const second of pieces)
        for (const third of ['x.js', '..', '%2e%2e%2fx.js']) {
          const file = pageFileFor(at(`/${first}/${second}/${third}`), ORIGIN);
          if (file.ok)
            expect(isInside(join(root, ...file.segments), root), file.segments.join('|')).toBe(true);
        }
  });
});

describe('a file inside a folder', () => {
  it('is inside only below the folder itself', () => {
    expect(isInside('/srv/page/index.html', '/srv/page')).toBe(true);
    expect(isInside('/srv/page/assets/a.js', '/srv/page')).toBe(true);
    expect(isInside('/srv/page', '/srv/page')).toBe(false);
    expect(isInside('/srv/pages/a.js', '/srv/page')).toBe(false);
    expect(isInside('/srv/a.js', '/srv/page')).toBe(false);
    expect(isInside('/srv/page/..a.js', '/srv/page')).toBe(true);
  });
});

describe('the answer to a page request, with real files and symlinks', () => {
  let dir: string;
  let root: string;
  const ask = (path: string, method = 'GET', site = { root: '', origin: ORIGIN }) =>
    answerPageRequest({ url: at(path), method }, { ...site, root: site.root || root });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'promo-exporter-page-files-'));
    root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await mkdir(join(dir, 'outside'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>page</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(join(dir, 'outside', 'secret.txt'), 'the secret');
    await writeFile(join(dir, 'secret.js'), 'the secret');
    // Links that leave the folder: to a file, to a folder, and a chain through one inside.
    await symlink(join(dir, 'secret.js'), join(root, 'assets', 'leak.js'));
    await symlink(join(dir, 'outside'), join(root, 'linked'));
    await symlink(join(root, 'assets', 'leak.js'), join(root, 'chain.js'));
    // Links that stay inside: a file, and the folder itself reached through a link.
    await symlink(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
    await symlink(root, join(dir, 'renderer-link'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a file with its type, the page’s policy and no type guessing', async () => {
    const answer = await ask('/assets/app.js');
    expect(answer.status).toBe(200);
    expect(answer.body?.toString()).toBe('console.log("app")');
    expect(answer.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
    });
    expect((await ask('/')).body?.toString()).toContain('<title>page</title>');
    expect(await ask('/index.html', 'HEAD')).toMatchObject({ status: 200, body: null });
  });

  it('refuses a symlink that leaves the folder, to a file, through a folder or through another link', async () => {
    expect(await readFile(join(root, 'assets', 'leak.js'), 'utf8')).toBe('the secret'); // the link works
    for (const path of ['/assets/leak.js', '/linked/secret.txt', '/chain.js']) {
      const answer = await ask(path);
      expect(answer, path).toMatchObject({ status: 403, body: null });
    }
  });

  it('follows a symlink that stays inside, and a folder reached through a link', async () => {
    expect((await ask('/alias.js')).body?.toString()).toBe('console.log("app")');
    const throughLink = await ask('/assets/app.js', 'GET', {
      root: join(dir, 'renderer-link'),
      origin: ORIGIN,
    });
    expect(throughLink.status).toBe(200);
  });

  it('answers a missing file, a folder and a refused path with a bare refusal that still carries the policy', async () => {
    for (const path of ['/missing.js', '/assets.js', '/../secret.js', '/%2e%2e/secret.js']) {
      const answer = await ask(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body).toBeNull();
      expect(answer.headers['content-security-policy']).toBe(PAGE_CSP);
    }
    await mkdir(join(root, 'folder.js'));
    expect((await ask('/folder.js')).status).toBe(404);
  });

  it('serves every file of the built page with its type', async () => {
    const built = new URL('../../out/renderer/', import.meta.url).pathname;
    const files = (await readdir(built, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => relative(built, join(entry.parentPath, entry.name)));
    expect(files).toContain('index.html');
    for (const file of files) {
      const answer = await answerPageRequest(
        { url: at(`/${file.split('/').map(encodeURIComponent).join('/')}`), method: 'GET' },
        { root: built, origin: ORIGIN },
      );
      expect(answer.status, file).toBe(200);
      expect(answer.body?.equals(await readFile(join(built, file))), file).toBe(true);
      const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[
        file.split('.').at(-1) ?? ''
      ];
      if (type !== undefined) expect(answer.headers['content-type'], file).toContain(type);
    }
  });
});
