// The page comes from the app's own protocol, app://promo-exporter/, not from file://: a file://
// page may read other files on the disk, and every file:// address would share its powers. The
// scheme is standard (an origin of its own, relative addresses) and secure (a secure context, like
// https); what it serves is decided in pageFiles.ts.
import { protocol } from 'electron';
import { fileURLToPath } from 'node:url';
import { answerPageRequest } from './pageFiles';
import type { Log } from '../services/log';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://promo-exporter';
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;
/** The built page folder (inside app.asar in the installed app). */
export const PAGE_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));

/**
 * Before the app is ready: Chromium learns the scheme's privileges only then. No `corsEnabled`: the
 * page's own (same-origin) requests need none, and without it no other origin can read these files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After the app is ready: the scheme answers with the built page's files, and nothing else. */
export function serveAppPage(log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerPageRequest(request, { root: PAGE_ROOT, origin: APP_ORIGIN });
    if (answer.status !== 200) log.warn(`Refused a page request (${answer.status})`, { url: request.url });
    // A copy in a plain Uint8Array: Response takes no Node Buffer.
    const body = answer.body === null ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
