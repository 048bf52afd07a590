import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import type { ErrorCode } from '../../app/appError';
import { statusOf } from '../../app/promoCode';
import { parseExportAll } from '../../main/services/altcraft/parseExportAll';

const ok = (data: unknown) => JSON.stringify({ data, error: 0, error_text: 'Successful operation' });
const at = (iso: string) => Date.parse(iso);

function failure(body: string): AppError {
  try {
    parseExportAll(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseExportAll to fail');
}

describe('parseExportAll: codes', () => {
  it('reads the example from the Altcraft docs', () => {
    const codes = parseExportAll(
      ok([
        { code: 'Code-1' },
        { code: 'Code-2', attached: '2024-04-01T14:02:05Z', activated: '2024-04-01T14:04:12Z' },
        { code: 'Code-3' },
      ]),
    );
    expect(codes).toEqual([
      { code: 'Code-1', attached: null, activated: null, expireDate: null, expired: null },
      {
        code: 'Code-2',
        attached: at('2024-04-01T14:02:05Z'),
        activated: at('2024-04-01T14:04:12Z'),
        expireDate: null,
        expired: null,
      },
      { code: 'Code-3', attached: null, activated: null, expireDate: null, expired: null },
    ]);
  });

  it.each([
    ['a date', '2024-05-01T00:00:00Z', at('2024-05-01T00:00:00Z'), 'expired'],
    ['an empty string', '', null, 'available'],
    ['true', true, true, 'expired'],
    ['false', false, null, 'available'],
    ['null', null, null, 'available'],
    ['"true" as text', 'true', true, 'expired'],
  ])('accepts expired as %s', (_, expired, value, status) => {
    const [code] = parseExportAll(ok([{ code: 'X', expired }]));
    expect(code?.expired).toEqual(value);
    expect(code && statusOf(code)).toBe(status);
  });

  it('reads an absent expired as null', () => {
    expect(parseExportAll(ok([{ code: 'X' }]))[0]?.expired).toBeNull();
  });

  it('reads expire_date, and treats "" dates as unset', () => {
    const [code] = parseExportAll(
      ok([{ code: 'X', expire_date: '2030-12-31T23:59:59Z', attached: '', activated: '' }]),
    );
    expect(code).toEqual({
      code: 'X',
      attached: null,
      activated: null,
      expireDate: at('2030-12-31T23:59:59Z'),
      expired: null,
    });
  });

  it('reads RFC 3339 offsets and fractions, and a zone-less date as UTC', () => {
    const codes = parseExportAll(
      ok([
        { code: 'A', attached: '2024-04-01T17:02:05+03:00' },
        { code: 'B', attached: '2024-04-01T14:02:05.123Z' },
        { code: 'C', attached: '2024-04-01 14:02:05' },
      ]),
    );
    expect(codes.map((code) => code.attached)).toEqual([
      at('2024-04-01T14:02:05Z'),
      at('2024-04-01T14:02:05.123Z'),
      at('2024-04-01T14:02:05Z'),
    ]);
  });

  it("treats Go's zero time as an unset date", () => {
    expect(parseExportAll(ok([{ code: 'X', attached: '0001-01-01T00:00:00Z' }]))[0]?.attached).toBeNull();
  });

  it('ignores unknown fields, at the top and in each code', () => {
    const body = JSON.stringify({
      data: [{ code: 'X', profile_id: 42, meta: { a: [1] }, created: 'yesterday' }],
      error: 0,
      error_text: 'Successful operation',
      total: 1,
      request_id: 'abc',
    });
    expect(parseExportAll(body)).toEqual([
      { code: 'X', attached: null, activated: null, expireDate: null, expired: null },
    ]);
  });

  it('keeps every code byte for byte', () => {
    const hostile = [
      '007',
      '=SUM(A1)',
      '+7999',
      '-1',
      '@x',
      '12345678901234567890',
      ' sp ',
      '\tTAB',
      'Привет',
      '🎁',
      '<&"\'>',
    ];
    expect(parseExportAll(ok(hostile.map((code) => ({ code })))).map((code) => code.code)).toEqual(hostile);
  });

  it('reads an empty program, and "data": null as an empty program', () => {
    expect(parseExportAll(ok([]))).toEqual([]);
    expect(parseExportAll(ok(null))).toEqual([]);
  });

  it('accepts an answer without "error" when "data" is a list', () => {
    expect(parseExportAll('{"data":[{"code":"X"}]}')).toHaveLength(1);
  });

  it('reads a body with a byte-order mark and surrounding whitespace', () => {
    expect(parseExportAll(`\uFEFF\n  ${ok([{ code: 'X' }])}  \n`)).toHaveLength(1);
  });

  it('parses 1,000,000 codes', () => {
    const parts: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      parts.push(i % 3 === 0 ? `{"code":"C${i}","attached":"2024-04-01T14:02:05Z"}` : `{"code":"C${i}"}`);
    }
    const codes = parseExportAll(
      `{"data":[${parts.join(',')}],"error":0,"error_text":"Successful operation"}`,
    );
    expect(codes).toHaveLength(1_000_000);
    expect(codes[999_999]?.code).toBe('C999999');
    expect(codes[3]?.attached).toBe(at('2024-04-01T14:02:05Z'));
  });
});

describe('parseExportAll: refusals (error ≠ 0)', () => {
  it.each<[number, string, ErrorCode]>([
    [400, 'Incorrect request', 'bad-request'],
    [401, 'API token required', 'token-refused'],
    [402, 'Tariff limit reached', 'tariff-limit'],
    [403, 'No access to the object', 'no-rights'],
    [404, 'Loyalty program not found', 'program-not-found'],
    [400, 'Loyalty program not found', 'program-not-found'],
    [17, 'Loyalty program does not exist', 'program-not-found'],
    [17, 'Программа лояльности не найдена', 'program-not-found'],
    [500, 'Internal error', 'altcraft-error'],
    [17, 'Object not found', 'altcraft-error'],
  ])('maps error %i "%s" to %s, keeping Altcraft\'s code and text', (error, text, code) => {
    const failed = failure(JSON.stringify({ error, error_text: text }));
    expect(failed.code).toBe(code);
    expect(failed.altcraft).toEqual({ error, errorText: text });
    expect(failed.message).toContain(text);
  });

  it('refuses even when data came along with the error', () => {
    expect(
      failure(JSON.stringify({ data: [{ code: 'X' }], error: 401, error_text: 'API token required' })).code,
    ).toBe('token-refused');
  });

  it('reads a numeric error given as text', () => {
    expect(failure('{"error":"403","error_text":"No access"}').code).toBe('no-rights');
  });

  it('copes with a missing error_text', () => {
    const failed = failure('{"error":401}');
    expect(failed.altcraft).toEqual({ error: 401, errorText: '' });
  });
});

describe('parseExportAll: malformed answers', () => {
  it.each<[string, string, ErrorCode]>([
    ['data is an object', '{"data":{"code":"X"},"error":0}', 'malformed-response'],
    ['data is text', '{"data":"X","error":0}', 'malformed-response'],
    ['data is missing', '{"error":0,"error_text":"Successful operation"}', 'malformed-response'],
    ['a code is missing', '{"data":[{"attached":"2024-04-01T14:02:05Z"}],"error":0}', 'malformed-response'],
    ['an entry is not an object', '{"data":["X"],"error":0}', 'malformed-response'],
    ['error is not a number', '{"data":[],"error":"oops"}', 'malformed-response'],
    ['the answer is a list', '[{"code":"X"}]', 'malformed-response'],
    ['the answer is a number', '42', 'malformed-response'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Bad</title></head></html>', 'not-json'],
    ['plain text', 'Service Unavailable', 'not-json'],
    ['an empty body', '', 'not-json'],
    ['complete but invalid JSON', '{"data":[{"code": }],"error":0}', 'not-json'],
    ['JSON cut off mid-list', '{"data":[{"code":"A"},{"code":"B"', 'cut-off'],
    ['JSON cut off mid-string', '{"data":[{"code":"A"},{"code":"B', 'cut-off'],
    ['JSON cut off after the list', '{"data":[{"code":"A"}],"error":0,', 'cut-off'],
    // The app asks for JSON; Altcraft's XML form is not an answer to that.
    ['an XML answer', '<xml><data><code>A</code></data><error>0</error></xml>', 'not-json'],
  ])('says %s is %s', (_, body, code) => {
    expect(failure(body).code).toBe(code);
  });

  it('names the offending entry by position', () => {
    expect(failure('{"data":[{"code":"A"},{"code":"B"},{"code":null}],"error":0}').detail).toContain('#3');
  });

  it('never puts an HTML page in the error, only what it looks like', () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'secret-ish '.repeat(100)}</body></html>`;
    const failed = failure(page);
    expect(failed.detail).toContain('HTML page');
    expect(failed.detail).toContain('502 Bad Gateway');
    expect(`${failed.message} ${failed.detail}`).not.toContain('secret-ish');
  });
});
