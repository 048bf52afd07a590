import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { createKnownSecrets, rememberingSecretStore } from '../../main/services/knownSecrets';
import type { LogLevel } from '../../main/services/log';
import { redactingLog } from '../../main/services/log';
import { formatForLog, REDACTED, redactText, redactValue } from '../../main/services/redactor';

const TOKEN = 'tok_9f8e7d6c5b4a3210';
const OTHER = 'other-secret-XYZ';

/** Everything a value could show in a log line, however it is written out. */
function allForms(value: unknown): string {
  return `${formatForLog(value, [TOKEN, OTHER])}\n${JSON.stringify(redactValue(value, [TOKEN, OTHER]))}`;
}

describe('redactText: known token values', () => {
  it('cuts a known token out wherever it appears', () => {
    const text = `POST failed for ${TOKEN}; again: x${TOKEN}y`;
    expect(redactText(text, [TOKEN])).toBe(`POST failed for ${REDACTED}; again: x${REDACTED}y`);
  });

  it('cuts out the JSON-escaped and URL-encoded forms of a token with special characters', () => {
    const token = 'a"b\\c d&e/é';
    const json = JSON.stringify({ note: `said ${token}` });
    const url = `https://host/x?q=${encodeURIComponent(token)}`;
    for (const text of [json, url, `plain ${token}`]) {
      const out = redactText(text, [token]);
      expect(out).not.toContain(token);
      expect(out).not.toContain(JSON.stringify(token).slice(1, -1));
      expect(out).not.toContain(encodeURIComponent(token));
    }
  });

  it('cuts the longer of two overlapping tokens out whole', () => {
    expect(redactText('abc-123-xyz', ['abc', 'abc-123-xyz'])).toBe(REDACTED);
  });

  it('does not cut into its own marker when a secret is a single letter', () => {
    expect(redactText('e and e', ['e'])).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('treats regular-expression characters in a token literally', () => {
    expect(redactText('a.b and a+b and (x)', ['a+b', '(x)'])).toBe(`a.b and ${REDACTED} and ${REDACTED}`);
  });
});

describe('redactText: tokens by their field name, known or not', () => {
  it.each([
    ['a JSON body', '{"token":"s3cr3t","loyalty_id":1}', '{"token":"[redacted]","loyalty_id":1}'],
    ['JSON with spaces', '{ "token" : "s3cr3t" }', '{ "token" : "[redacted]" }'],
    ['an escaped quote inside', '{"token":"s3\\"cr3t","x":1}', '{"token":"[redacted]","x":1}'],
    ['a numeric token', '{"token":123456,"x":1}', '{"token":"[redacted]","x":1}'],
    [
      'api_token and accessToken',
      '{"api_token":"a1","accessToken":"b2"}',
      '{"api_token":"[redacted]","accessToken":"[redacted]"}',
    ],
    ['JSON inside a JSON string', '"{\\"token\\":\\"s3cr3t\\"}"', '"{\\"token\\":\\"[redacted]\\"}"'],
    ['an inspected object', "{ token: 's3cr3t', id: 1 }", "{ token: '[redacted]', id: 1 }"],
    ['a query string', 'https://h/api?token=s3cr3t&x=1', 'https://h/api?token=[redacted]&x=1'],
    ['a form body', 'loyalty_id=1&token=s3cr3t', 'loyalty_id=1&token=[redacted]'],
    ['a password field', '{"password":"hunter2"}', '{"password":"[redacted]"}'],
  ])('in %s', (_, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    [
      'a header line',
      'Authorization: Bearer s3cr3t\r\nAccept: */*',
      'Authorization: [redacted]\r\nAccept: */*',
    ],
    ['a JSON header map', '{"authorization":"Bearer s3cr3t"}', '{"authorization":"[redacted]"}'],
    [
      'an inspected Headers',
      "Headers { 'authorization' => 'Bearer s3cr3t' }",
      'Headers { \'authorization\' => "[redacted]" }',
    ],
    ['a proxy header', 'Proxy-Authorization: Basic dXNlcjpwYXNz', 'Proxy-Authorization: [redacted]'],
    ['a bare bearer', 'sent Bearer abc.def-ghi_jk= to it', `sent Bearer ${REDACTED} to it`],
  ])('removes an Authorization value in %s', (_, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('leaves ordinary sentences about tokens alone', () => {
    for (const text of [
      'The API token for this connection is missing from the keychain. Add it again.',
      'Altcraft did not accept the API token.',
      'The system keychain is not available (org.freedesktop.secrets).',
      'tokenKind: valid',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('takes bounded time over ten megabytes, leaving no piece of a token cut at the edge', () => {
    const text = `${'x'.repeat(64_000 - 5)}${TOKEN}${'y'.repeat(10_000_000)}`;
    const started = performance.now();
    const out = redactText(text, [TOKEN]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out).not.toContain(TOKEN.slice(0, 5));
    expect(out).toMatch(/… \(\d{8} more characters\)$/);
  });

  it('shortens huge text after redacting, so no half token is left', () => {
    const text = `${'x'.repeat(20_000)}${TOKEN}`;
    const out = redactText(text, [TOKEN]);
    expect(out.length).toBeLessThan(8_100);
    expect(out).toMatch(/more characters\)$/);
    expect(out).not.toContain(TOKEN.slice(0, 8));
  });
});

describe('redactValue and formatForLog', () => {
  it('replaces sensitive fields of objects at any depth, and known tokens in any string', () => {
    const value = {
      host: 'https://ru.altkraft.com',
      request: {
        json: { token: 'unknown-to-the-registry', loyalty_id: 7 },
        headers: { Authorization: 'Bearer x' },
      },
      note: `echo ${TOKEN}`,
      list: [{ apiKey: 'k' }, `${OTHER}!`],
    };
    const out = redactValue(value, [TOKEN, OTHER]);
    expect(out).toEqual({
      host: 'https://ru.altkraft.com',
      request: { json: { token: REDACTED, loyalty_id: 7 }, headers: { Authorization: REDACTED } },
      note: `echo ${REDACTED}`,
      list: [{ apiKey: REDACTED }, `${REDACTED}!`],
    });
  });

  it('redacts keys too, and Map and Headers entries', () => {
    const map = new Map<unknown, unknown>([
      [TOKEN, 'by token'],
      ['token', 'abc'],
    ]);
    const headers = new Headers({ authorization: 'Bearer abc', accept: 'application/json' });
    expect(redactValue({ map, headers }, [TOKEN])).toEqual({
      map: { [REDACTED]: 'by token', token: REDACTED },
      headers: { accept: 'application/json', authorization: REDACTED },
    });
  });

  it('shows a request body given as bytes only by its size', () => {
    const body = new TextEncoder().encode(JSON.stringify({ token: TOKEN }));
    expect(redactValue({ body }, [])).toEqual({ body: `[${body.byteLength} bytes]` });
  });

  it('writes a circular structure once and marks the loop', () => {
    const a: Record<string, unknown> = { name: 'a', token: TOKEN };
    a.self = a;
    a.list = [a, { back: a }];
    expect(redactValue(a, [TOKEN])).toEqual({
      name: 'a',
      token: REDACTED,
      self: '[circular]',
      list: ['[circular]', { back: '[circular]' }],
    });
    expect(() => formatForLog(a, [TOKEN])).not.toThrow();
  });

  it('shows the same object twice when it is shared but not circular', () => {
    const shared = { n: 1 };
    expect(redactValue({ a: shared, b: shared })).toEqual({ a: { n: 1 }, b: { n: 1 } });
  });

  it('stops at a safe depth and a safe length', () => {
    let deep: unknown = { token: TOKEN };
    for (let i = 0; i < 50; i++) deep = { deep };
    expect(JSON.stringify(redactValue(deep, [TOKEN]))).toContain('[too deep]');
    const long = redactValue(Array.from({ length: 1000 }, (_, i) => i)) as unknown[];
    expect(long).toHaveLength(51);
    expect(long.at(-1)).toBe('[… 950 more]');
  });

  it('writes an unreadable field as such instead of throwing', () => {
    const hostile = {
      get token(): string {
        throw new Error(TOKEN);
      },
      get other(): string {
        throw new Error(TOKEN);
      },
    };
    expect(redactValue(hostile, [TOKEN])).toEqual({ token: REDACTED, other: '[unreadable]' });
  });

  it('writes strings, numbers, bigints, symbols, functions, dates and URLs', () => {
    expect(
      redactValue({
        s: 'x',
        n: 1.5,
        b: 10n,
        y: Symbol('why'),
        f: function named() {},
        d: new Date(0),
        u: new URL(`https://h/p?token=${TOKEN}`),
        nil: null,
      }),
    ).toEqual({
      s: 'x',
      n: 1.5,
      b: '10n',
      y: 'Symbol(why)',
      f: '[function named]',
      d: '1970-01-01T00:00:00.000Z',
      u: `https://h/p?token=${REDACTED}`,
      nil: null,
    });
  });
});

describe('errors', () => {
  it('writes an Error with its stack and every cause beneath, all redacted', () => {
    const root = Object.assign(new Error(`connect ECONNREFUSED for ${TOKEN}`), {
      code: 'ECONNREFUSED',
      token: TOKEN,
    });
    const middle = new TypeError('fetch failed', { cause: root });
    const top = new AppError(
      {
        code: 'connection-refused',
        message: 'The host refused the connection.',
        detail: `body {"token":"${TOKEN}"}`,
      },
      { cause: middle },
    );
    const text = formatForLog(top, [TOKEN]);
    expect(text).toMatch(/^AppError: The host refused the connection\.\n\s+at /);
    expect(text).toContain('"code":"connection-refused"');
    expect(text).toContain('Caused by: TypeError: fetch failed');
    expect(text).toContain(`Caused by: Error: connect ECONNREFUSED for ${REDACTED}`);
    expect(text).toContain('"code":"ECONNREFUSED"');
    expect(text).not.toContain(TOKEN);
  });

  it('writes an Error as plain data inside an object, cause included', () => {
    const error = new Error('outer', { cause: { request: { body: `{"token":"${TOKEN}"}` } } });
    expect(redactValue({ error }, [TOKEN])).toEqual({
      error: { name: 'Error', message: 'outer', cause: { request: { body: `{"token":"${REDACTED}"}` } } },
    });
  });

  it('survives a cause chain that loops back on itself', () => {
    const a = new Error(`a ${TOKEN}`);
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const text = formatForLog(b, [TOKEN]);
    expect(text).toContain('Caused by: [circular]');
    expect(text).not.toContain(TOKEN);
    expect(JSON.stringify(redactValue(b, [TOKEN]))).toContain('[circular]');
  });

  it('writes every error of an AggregateError', () => {
    const error = new AggregateError([new Error(`one ${TOKEN}`), new Error('two')], 'both failed');
    const text = formatForLog(error, [TOKEN]);
    expect(text).toContain(`Caused by: Error: one ${REDACTED}`);
    expect(text).toContain('Caused by: Error: two');
  });

  it('writes a thrown non-Error value and a cause that is not an Error', () => {
    expect(formatForLog(`thrown ${TOKEN}`, [TOKEN])).toBe(`thrown ${REDACTED}`);
    const error = new Error('with data', { cause: { token: 'x', status: 502 } });
    expect(formatForLog(error)).toContain('Caused by: {"token":"[redacted]","status":502}');
  });

  it('finds no token in anything a test can build from one', () => {
    const cases: unknown[] = [
      TOKEN,
      { TOKEN },
      [TOKEN],
      new Error(TOKEN),
      new Error('x', { cause: new Error('y', { cause: TOKEN }) }),
      { nested: { deeper: { headers: new Headers({ 'x-note': TOKEN }) } } },
      new Map([[TOKEN, TOKEN]]),
      new Set([TOKEN]),
      { url: new URL(`https://h/${encodeURIComponent(TOKEN)}`) },
      inspect({ token: TOKEN, other: OTHER }),
    ];
    for (const value of cases) {
      const text = allForms(value);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(OTHER);
    }
  });
});

describe('redactingLog and the known secrets', () => {
  function recording() {
    const lines: { level: LogLevel; line: string }[] = [];
    return { lines, sink: (level: LogLevel, line: string) => lines.push({ level, line }) };
  }

  it('writes one redacted line per call, with the detail after the message', () => {
    const secrets = createKnownSecrets();
    secrets.add(TOKEN);
    const { lines, sink } = recording();
    const log = redactingLog(sink, secrets);
    log.info(`saved ${TOKEN}`);
    log.warn('refused', { token: 'abc', url: 'file:///x' });
    log.error('failed', new Error(`echo ${TOKEN}`));
    expect(lines.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(lines[0]?.line).toBe(`saved ${REDACTED}`);
    expect(lines[1]?.line).toBe('refused {"token":"[redacted]","url":"file:///x"}');
    expect(lines[2]?.line).toMatch(/^failed Error: echo \[redacted\]\n/);
  });

  it('knows a token as soon as the keychain hands it out or takes it in', async () => {
    const secrets = createKnownSecrets();
    const stored = new Map<string, string>([['c1', 'read-token-1']]);
    const store = rememberingSecretStore(
      {
        getPassword: async (_s, account) => stored.get(account) ?? null,
        setPassword: async (_s, account, password) => void stored.set(account, password),
        deletePassword: async (_s, account) => stored.delete(account),
      },
      secrets,
    );
    expect(secrets.values()).toEqual([]);
    await store.getPassword('svc', 'c1');
    await store.setPassword('svc', 'c2', '  saved-token-2  ');
    expect(await store.getPassword('svc', 'missing')).toBeNull();
    expect([...secrets.values()].sort()).toEqual(['  saved-token-2  ', 'read-token-1', 'saved-token-2']);
  });

  it('knows a token even when the keychain fails to save it', async () => {
    const secrets = createKnownSecrets();
    const store = rememberingSecretStore(
      {
        getPassword: async () => null,
        setPassword: async () => {
          throw new Error('locked');
        },
        deletePassword: async () => false,
      },
      secrets,
    );
    await expect(store.setPassword('svc', 'c', 'never-saved')).rejects.toThrow('locked');
    expect(secrets.values()).toContain('never-saved');
  });

  it('never throws into the caller, even when the sink does', () => {
    const log = redactingLog(() => {
      throw new Error('disk gone');
    }, createKnownSecrets());
    expect(() => log.error('x', new Error('y'))).not.toThrow();
  });
});
