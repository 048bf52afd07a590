import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { dispatch } from '../../main/calls/dispatch';
import type { Handlers } from '../../main/calls/handlers';
import type { Log } from '../../main/services/log';

// A handler table whose calls record what reached them: dispatch must stop bad calls before that.
function recordingHandlers(reached: unknown[], failWith?: unknown): Handlers {
  const handler = async (arg: unknown) => {
    reached.push(arg);
    if (failWith !== undefined) throw failWith;
    return null;
  };
  return new Proxy({} as Handlers, { get: () => handler });
}

const context = { emit: () => undefined, pageReady: () => undefined };
const lines: string[] = [];
const log: Log = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };

describe('dispatch', () => {
  it('refuses a channel that is not in the contract', async () => {
    const reached: unknown[] = [];
    const result = await dispatch(recordingHandlers(reached), 'shell:openExternal', {}, context, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(reached).toEqual([]);
  });

  it('refuses an argument that does not match the schema before the handler runs', async () => {
    const reached: unknown[] = [];
    for (const bad of [
      undefined,
      { connectionId: 'c', loyaltyId: -1 },
      { connectionId: 'c', loyaltyId: 1.5 },
      { connectionId: '', loyaltyId: 1 },
    ]) {
      const result = await dispatch(recordingHandlers(reached), 'codes:fetch', bad, context, log);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(reached).toEqual([]);
  });

  it('passes a valid argument through and answers the value', async () => {
    const reached: unknown[] = [];
    const result = await dispatch(
      recordingHandlers(reached),
      'codes:cancel',
      { connectionId: 'c', loyaltyId: 7 },
      context,
      log,
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(reached).toEqual([{ connectionId: 'c', loyaltyId: 7 }]);
  });

  it('answers an AppError as its plain data', async () => {
    const failure = new AppError({ code: 'token-refused', message: 'Altcraft refused the token.' });
    const result = await dispatch(
      recordingHandlers([], failure),
      'connections:list',
      undefined,
      context,
      log,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'token-refused', message: 'Altcraft refused the token.' },
    });
  });

  it('turns any other throw into an unexpected error without a stack', async () => {
    const result = await dispatch(
      recordingHandlers([], new TypeError('x is undefined')),
      'connections:list',
      undefined,
      context,
      log,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unexpected', detail: 'TypeError: x is undefined' },
    });
    expect(JSON.stringify(result)).not.toContain('at ');
  });
});
