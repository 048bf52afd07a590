// Which built page file a request asks for, and its bytes: the one rule for what the app's own
// protocol (appProtocol.ts) serves, also used by the UI tests' page server. Only files inside the
// built page folder, named plainly: no `..`, plain, encoded or double-encoded, no encoded slash or
// backslash, no absolute or drive path, no NUL, no file reached through a symlink that leaves the
// folder, and only the kinds of file a page is built from, each with its own type.
// `pageFileFor` is pure; `answerPageRequest` adds the two steps that need the disk.
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { PAGE_CSP } from '../../app/contentSecurityPolicy';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
};

export type PageFile =
  | { ok: true; segments: string[]; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/**
 * The file a request names, as path segments under the page folder, with its type; or why it is
 * refused. `pageOrigin` is where the page lives (`app://promo-exporter`, or the test server): a
 * request for any other scheme or host is not the page's. The path is read as the request wrote it,
 * before any URL parser resolves `..` in it, still percent-encoded, one segment at a time: a `..`
 * is refused rather than followed, and an encoded `/`, `\` or `..` never becomes one.
 */
export function pageFileFor(requestUrl: string, pageOrigin: string, method = 'GET'): PageFile {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, `method ${method}`);
  let url: URL;
  let origin: URL;
  try {
    url = new URL(requestUrl);
    origin = new URL(pageOrigin);
  } catch {
    return refused(400, 'not an address');
  }
  if (url.protocol !== origin.protocol || url.host !== origin.host || origin.host === '')
    return refused(404, 'another site');
  const prefix = `${origin.protocol}//${origin.host}`;
  if (!requestUrl.startsWith(prefix)) return refused(400, 'an address not in its usual form');
  const path = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (path !== '' && !path.startsWith('/')) return refused(400, 'an address not in its usual form');

  const raw = path === '' || path === '/' ? ['index.html'] : path.slice(1).split('/');
  const segments: string[] = [];
  for (const encoded of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return refused(400, 'a badly encoded path');
    }
    const problem = segmentProblem(segment);
    if (problem !== null) return refused(403, problem);
    segments.push(segment);
  }
  const name = segments.at(-1) ?? '';
  const extension = name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
  const mimeType = MIME_TYPES[extension];
  if (mimeType === undefined) return refused(404, `no page file is a .${extension || '(none)'}`);
  return { ok: true, segments, mimeType };
}

/** Why a decoded path segment cannot name a file inside the folder, or null. */
function segmentProblem(segment: string): string | null {
  if (segment === '') return 'an empty name (a folder, or an absolute path)';
  if (segment === '.' || segment === '..') return 'a step out of the folder';
  if (segment.includes('/') || segment.includes('\\')) return 'a slash inside a name';
  // Still encoded once decoded: a double-encoded `..` or slash that a second decoding would follow.
  if (segment.includes('%')) return 'a name still encoded';
  // A drive (C:), an NTFS stream (name:stream), a NUL that ends the name early, control characters.
  if ([...segment].some((char) => char === ':' || char < ' ' || char === '\x7f'))
    return 'a character no page file has';
  // Hidden files, and Windows's trailing dot or space, which name another file than they say.
  if (segment.startsWith('.') || /[. ]$/.test(segment)) return 'a name no page file has';
  return null;
}

function refused(status: 400 | 403 | 404 | 405, reason: string): PageFile {
  return { ok: false, status, reason };
}

export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * The answer to a request for a page file under `root`: the file with its type and the page's
 * Content-Security-Policy as a header, or a bare refusal. Beyond pageFileFor, the file must really be
 * inside the folder once symlinks are followed, and be a file.
 */
export async function answerPageRequest(
  request: { url: string; method: string },
  site: { root: string; origin: string },
): Promise<PageAnswer> {
  const file = pageFileFor(request.url, site.origin, request.method);
  if (!file.ok) return plain(file.status);
  const path = join(site.root, ...file.segments);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(site.root), realpath(path)]);
    if (!isInside(realFile, realRoot)) return plain(403);
    if (!(await stat(realFile)).isFile()) return plain(404);
    const body = request.method === 'HEAD' ? null : await readFile(realFile);
    return { status: 200, headers: { ...BASE_HEADERS, 'content-type': file.mimeType }, body };
  } catch {
    return plain(404);
  }
}

/** Every answer forbids guessing a type and carries the page's policy, so a file is never more than it is. */
const BASE_HEADERS = { 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff' };

function plain(status: number): PageAnswer {
  return { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: null };
}

/** Whether `file` is inside `folder` (both real paths), on any platform's separators. */
export function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !/^[a-zA-Z]:|^[\\/]/.test(path);
}
