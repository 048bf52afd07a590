import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileLogSink, LOG_FILE_NAME } from '../../main/services/fileLog';
import { createKnownSecrets } from '../../main/services/knownSecrets';
import { redactingLog } from '../../main/services/log';

// The real log file through electron-log's file transport, read back from disk.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promo-exporter-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('creates its folder and writes redacted lines with a time and a level', async () => {
    const file = join(dir, 'logs', 'nested', LOG_FILE_NAME);
    const secrets = createKnownSecrets();
    secrets.add('tok-1234567890');
    const log = redactingLog(fileLogSink({ file }), secrets);
    log.info('codes:fetch failed: token-refused', { request: { token: 'tok-1234567890' } });
    log.error('An uncaught error', new Error('echo tok-1234567890', { cause: new Error('Bearer abc') }));
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}codes:fetch failed/m);
    expect(text).toContain('[error] An uncaught error Error: echo [redacted]');
    expect(text).toContain('Caused by: Error: Bearer [redacted]');
    expect(text).not.toContain('tok-1234567890');
    expect(text).not.toContain('abc');
  });

  it('is readable by its owner only', async () => {
    const file = join(dir, LOG_FILE_NAME);
    redactingLog(fileLogSink({ file }), createKnownSecrets()).info('hello');
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('starts a new file past the size limit and keeps exactly one old one', async () => {
    const file = join(dir, LOG_FILE_NAME);
    const log = redactingLog(fileLogSink({ file, maxBytes: 4096 }), createKnownSecrets());
    for (let i = 0; i < 400; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.old.log']);
    expect((await stat(file)).size).toBeLessThanOrEqual(4096 + 200);
    expect((await stat(join(dir, 'main.old.log'))).size).toBeLessThanOrEqual(4096 + 200);
    expect(await readFile(file, 'utf8')).toContain('line 399 ');
  });
});
