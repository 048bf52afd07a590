import { describe, expect, it } from 'vitest';
import {
  createCrashPolicy,
  pageGoneDialog,
  startFailureDialog,
  unexpectedErrorDialog,
} from '../../main/shell/crashPolicy';

const TOKEN = 'tok-crash-0123456789';

describe('an error nobody caught', () => {
  it('is explained in plain words, with one redacted technical line and no stack', () => {
    const error = new TypeError(`Cannot read properties of undefined (reading '${TOKEN}')\nsecond line`);
    const dialog = unexpectedErrorDialog(error, [TOKEN]);
    expect(dialog.message).toMatch(/keep working/);
    expect(dialog.message).toMatch(/Open logs folder/);
    expect(dialog.detail).toBe("TypeError: Cannot read properties of undefined (reading '[redacted]')");
    expect(`${dialog.message}${dialog.detail}`).not.toMatch(/\n\s+at |second line/);
  });

  it('describes a thrown value that is not an Error, and keeps the line short', () => {
    expect(unexpectedErrorDialog('boom', []).detail).toBe('A string was thrown: boom');
    expect(unexpectedErrorDialog(new Error('x'.repeat(1000)), []).detail.length).toBeLessThanOrEqual(301);
  });

  it('tells the person when the app cannot start', () => {
    const dialog = startFailureDialog(new Error(`EACCES: permission denied, open '/home/${TOKEN}'`), [TOKEN]);
    expect(dialog.message).toMatch(/could not start/);
    expect(dialog.detail).not.toContain(TOKEN);
  });
});

describe('a page whose process died', () => {
  it('is reloaded, but not a third time within a minute', () => {
    const policy = createCrashPolicy(3, 60_000);
    expect(policy.onCrash(0)).toBe('reload');
    expect(policy.onCrash(10_000)).toBe('reload');
    expect(policy.onCrash(20_000)).toBe('give-up');
  });

  it('is reloaded again once the earlier crashes are a minute old', () => {
    const policy = createCrashPolicy(3, 60_000);
    policy.onCrash(0);
    policy.onCrash(30_000);
    expect(policy.onCrash(61_000)).toBe('reload');
    expect(policy.onCrash(62_000)).toBe('give-up');
  });

  it('says what happened and what to do', () => {
    expect(pageGoneDialog('crashed', 'reload').message).toBe('The window stopped working and was reloaded.');
    expect(pageGoneDialog('oom', 'give-up').message).toMatch(/restart Promo Exporter/);
    expect(pageGoneDialog('oom', 'give-up').detail).toContain('oom');
  });
});
