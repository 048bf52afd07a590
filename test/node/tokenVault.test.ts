import keytar from 'keytar';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { createTokenVault } from '../../main/services/tokenVault';

// The real system keychain (gnome-keyring under dbus-run-session in CI), under a service name of
// the test's own so a developer's tokens are never touched.
const run = promisify(execFile);
const service = `Promo Exporter test ${randomUUID()}`;

afterEach(async () => {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
});

describe('tokenVault', () => {
  it('keeps a token in the system keychain under the connection id and reads it back', async () => {
    const vault = createTokenVault(keytar, service);
    await vault.save('connection-1', 'secret-token-1');
    expect(await keytar.getPassword(service, 'connection-1')).toBe('secret-token-1');
    expect(await vault.read('connection-1')).toBe('secret-token-1');
    expect(await vault.has('connection-1')).toBe(true);
  });

  it('replaces a token in place', async () => {
    const vault = createTokenVault(keytar, service);
    await vault.save('connection-1', 'old');
    await vault.save('connection-1', 'new');
    expect(await vault.read('connection-1')).toBe('new');
    expect(await keytar.findCredentials(service)).toHaveLength(1);
  });

  it('removes the keychain entry when a connection is forgotten', async () => {
    const vault = createTokenVault(keytar, service);
    await vault.save('connection-1', 'secret');
    await vault.forget('connection-1');
    expect(await keytar.getPassword(service, 'connection-1')).toBeNull();
    expect(await vault.has('connection-1')).toBe(false);
  });

  it('says the token is missing when the entry was deleted outside the app', async () => {
    const vault = createTokenVault(keytar, service);
    await vault.save('connection-1', 'secret');
    await keytar.deletePassword(service, 'connection-1');
    const failure = await vault.read('connection-1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('token-missing');
    expect((failure as AppError).message).toMatch(/add it again/i);
  });

  it('names the missing Secret Service instead of falling back to a plaintext file', async () => {
    // The real keytar in a process whose session bus leads nowhere, as on a Linux without one.
    const script = `
      import keytar from 'keytar';
      import { createTokenVault } from './main/services/tokenVault.ts';
      createTokenVault(keytar, 'Promo Exporter probe').save('c', 'hunter2').then(
        () => console.log(JSON.stringify({ saved: true })),
        (e) => console.log(JSON.stringify({ code: e.code, message: e.message })));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!) as { code?: string; message?: string };
    expect(answer.code).toBe('keychain-unavailable');
    expect(answer.message).toMatch(/gnome-keyring/);
    expect(answer.message).not.toContain('hunter2');
  });
});
