// Serves the built page over loopback HTTP for the Chromium UI tests (Chromium has no app://
// protocol to register from outside). Every request is answered by the app's own rule for its
// protocol (main/shell/pageFiles.ts): the same files, types, refusals and Content-Security-Policy
// header as app://promo-exporter/ in the app.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerPageRequest } from '../../main/shell/pageFiles';

export const BUILT_PAGE_DIR = new URL('../../out/renderer/', import.meta.url).pathname;

export async function servePage(root = BUILT_PAGE_DIR): Promise<{ url: string; close(): Promise<void> }> {
  let origin = '';
  const server = createServer((request, response) => {
    answerPageRequest(
      { url: `${origin}${request.url ?? '/'}`, method: request.method ?? 'GET' },
      { root, origin },
    )
      .then((answer) => response.writeHead(answer.status, answer.headers).end(answer.body ?? undefined))
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
