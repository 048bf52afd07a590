import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, childEnv, tempDir } from './cliHarness';

// Answers built to exhaust memory, sent to the built command line over real HTTP: a flood of
// whitespace, a gzip bomb and a Content-Length that lies. The answer is read as it arrives, so each
// costs no more than a small buffer: the command exits with 4 (no valid answer), leaves no file, and
// its peak memory (the kernel's count, worker thread included) stays far below what was sent.

const MIB = 1024 * 1024;
/** Below the 256 MiB each answer carries: holding it, as text or bytes, would cost more. */
const BOUND_MB = 200;

let server: Server;
let base: string;

/** Writes `count` copies of `chunk`, waiting for the socket to drain, then ends (or cuts) it. */
async function stream(res: ServerResponse, chunk: Buffer, count: number): Promise<void> {
  for (let i = 0; i < count && !res.destroyed; i++) {
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  if (!res.destroyed) res.end();
}

beforeAll(async () => {
  const spaces = Buffer.alloc(MIB, 0x20);
  // One gzip member of 16 MiB of spaces (about 16 KB), sent 16 times: 256 MiB once inflated.
  const bombMember = gzipSync(Buffer.alloc(16 * MIB, 0x20), { level: 9 });
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (text: string) => (body += text));
    req.on('end', () => {
      const { loyalty_id: id } = JSON.parse(body) as { loyalty_id: number };
      if (id === 1) {
        // 256 MiB of whitespace and nothing else.
        res.writeHead(200, { 'content-type': 'application/json' });
        void stream(res, spaces, 256);
      } else if (id === 2) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.write(gzipSync('{"data":[{"code":"A"},'));
        void stream(res, bombMember, 16);
      } else if (id === 4) {
        const long = JSON.stringify({ data: [{ code: 'A' }, { code: 'x'.repeat(40_000) }], error: 0 });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(long);
      } else {
        // Says 2 GB are coming, sends one code, then closes.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2_000_000_000) });
        res.write('{"data":[{"code":"A"}', () => res.socket?.end());
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
});

/** Runs an export of one program into a fresh folder: exit code, stderr, peak RSS and what is left. */
async function exportProgram(loyaltyId: number) {
  const dir = await tempDir();
  const target = join(dir, 'codes.xlsx');
  const peak = 'process.on("exit",()=>process.stderr.write("PEAK-KB "+process.resourceUsage().maxRSS+"\\n"))';
  const child = spawn(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(peak)}`,
      CLI,
      'export',
      '--base-url',
      base,
      '--loyalty-id',
      String(loyaltyId),
      '--out',
      target,
    ],
    { env: childEnv({ ALTCRAFT_TOKEN: 'hostile-test-token' }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.resume();
  const [code] = (await once(child, 'close')) as [number | null];
  const peakMb = Number(/PEAK-KB (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024;
  return { code, stderr, peakMb, left: await readdir(dir) };
}

describe('answers built to exhaust memory, on the command line', () => {
  it('a flood of 256 MiB of whitespace: exit 4, no file, memory bounded', async () => {
    const run = await exportProgram(1);
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toMatch(/instead of promo codes|not answer with Altcraft data/);
    expect(run.left).toEqual([]);
    expect(run.peakMb).toBeLessThan(BOUND_MB);
  });

  it('a gzip bomb inflating to 256 MiB: exit 4, no file, memory bounded', async () => {
    const run = await exportProgram(2);
    expect(run.code, run.stderr).toBe(4);
    expect(run.left).toEqual([]);
    expect(run.peakMb).toBeLessThan(BOUND_MB);
  });

  it('a Content-Length of 2 GB for a few bytes: nothing allocated for it, exit 4, no file', async () => {
    const run = await exportProgram(3);
    expect(run.code, run.stderr).toBe(4);
    expect(run.left).toEqual([]);
    expect(run.peakMb).toBeLessThan(BOUND_MB);
  });

  it('a code longer than an Excel cell holds: exit 4, the message says why, no file', async () => {
    const run = await exportProgram(4);
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain('32,767 characters');
    expect(run.left).toEqual([]);
  });
});
