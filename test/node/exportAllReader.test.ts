import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { statusOf, type PromoCode } from '../../app/promoCode';
import { ExportAllReader, MAX_CELL_CHARS, readExportAll } from '../../main/services/altcraft/exportAllReader';
import type { ReadOutcome } from '../../main/services/altcraft/exportAllReader';
import { promoCodeAt } from '../../main/services/codes/compactCodes';

// The rules written at the top of exportAllReader.ts (and in the README), one by one: what an odd
// field type means, and which answers are still refused.

const body = (data: unknown) => JSON.stringify({ data, error: 0, error_text: 'Successful operation' });

function codesOf(outcome: ReadOutcome): PromoCode[] {
  if (!outcome.ok) throw new Error(`expected codes, got ${outcome.error.code}: ${outcome.error.detail}`);
  const { codes } = outcome;
  return Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i));
}

const read = (text: string) => codesOf(readExportAll(text));
const one = (entry: Record<string, unknown>) => read(body([entry]))[0] as PromoCode;

function refusal(text: string) {
  const outcome = readExportAll(text);
  if (outcome.ok) throw new Error('expected the answer to be refused');
  return outcome.error;
}

const FIELDS = [
  ['attached', 'attached'],
  ['activated', 'activated'],
  ['expire_date', 'expireDate'],
  ['expired', 'expired'],
] as const;

describe('what counts as "not set"', () => {
  const notSet: [string, unknown][] = [
    ['null', null],
    ['false', false],
    ['""', ''],
    ["Go's zero time", '0001-01-01T00:00:00Z'],
  ];
  for (const [field, key] of FIELDS) {
    it.each(notSet)(`reads ${field}: %s as not set`, (_, value) => {
      const code = one({ code: 'X', [field]: value });
      expect(code[key]).toBeNull();
      expect(statusOf(code)).toBe('available');
    });
    it(`reads a missing ${field} as not set`, () => {
      expect(one({ code: 'X' })[key]).toBeNull();
    });
  }
});

describe('true: it happened, at a time Altcraft did not give', () => {
  it.each([
    ['attached', 'attached', 'attached'],
    ['activated', 'activated', 'activated'],
    ['expired', 'expired', 'expired'],
  ] as const)('counts %s: true in the status, with no date', (field, key, status) => {
    const code = one({ code: 'X', [field]: true });
    expect(code[key]).toBe(true);
    expect(statusOf(code)).toBe(status);
  });

  it('counts every such code once in the program counts', () => {
    const outcome = readExportAll(
      body([
        { code: 'A', attached: true },
        { code: 'B', activated: true },
        { code: 'C', expired: true },
        { code: 'D' },
      ]),
    );
    if (!outcome.ok) throw new Error(outcome.error.code);
    expect(outcome.codes.counts).toEqual({ available: 1, attached: 1, activated: 1, expired: 1 });
  });

  it('keeps true in expire_date (a deadline, not an event) as the text "true"', () => {
    const code = one({ code: 'X', expire_date: true });
    expect(code.expireDate).toBe('true');
    expect(statusOf(code)).toBe('available');
  });
});

describe('a number as the code', () => {
  it.each([
    ['123', '123'],
    ['12345678901234567890', '12345678901234567890'],
    ['007', null], // not JSON: a leading zero
    ['-1', '-1'],
    ['1e5', '1e5'],
    ['1.50', '1.50'],
  ])('writes %s as its own digits', (number, expected) => {
    const text = `{"data":[{"code":${number}}],"error":0}`;
    if (expected === null) {
      expect(refusal(text).code).toBe('not-json');
      return;
    }
    expect(read(text).map((code) => code.code)).toEqual([expected]);
  });
});

describe('a date field holding something that is not a date', () => {
  it.each([
    ['text', 'soon', 'soon'],
    ['a number', 1712000000, '1712000000'],
    ['an object', { at: 1 }, '{"at":1}'],
    ['a list', [1, 'a'], '[1,"a"]'],
  ])('keeps %s as its text, and the row gets the status its presence implies', (_, value, text) => {
    for (const [field, key] of FIELDS) {
      const code = one({ code: 'X', [field]: value });
      expect(code[key]).toBe(text);
      const implied = {
        attached: 'attached',
        activated: 'activated',
        expireDate: 'available',
        expired: 'expired',
      };
      expect(statusOf(code)).toBe(implied[key]);
    }
  });

  it('reads the date forms Altcraft writes, and keeps anything Date.parse would guess at', () => {
    const codes = read(
      body([
        { code: 'A', attached: '2024-04-01T17:02:05+03:00' },
        { code: 'B', attached: '2024-04-01 14:02:05' },
        { code: 'C', attached: '2024-04-01' },
        { code: 'D', attached: 'March 7' },
        { code: 'E', attached: '1' },
        { code: 'F', attached: '2024-02-30T00:00:00Z' },
      ]),
    );
    expect(codes.map((code) => code.attached)).toEqual([
      Date.UTC(2024, 3, 1, 14, 2, 5),
      Date.UTC(2024, 3, 1, 14, 2, 5),
      Date.UTC(2024, 3, 1),
      'March 7',
      '1',
      '2024-02-30T00:00:00Z',
    ]);
  });
});

describe('answers still refused', () => {
  it.each([
    ['text', '"X"'],
    ['a number', '7'],
    ['null', 'null'],
    ['a list', '[{"code":"X"}]'],
    ['true', 'true'],
  ])('refuses an entry that is %s, naming it', (_, entry) => {
    const error = refusal(`{"data":[{"code":"A"},${entry}],"error":0}`);
    expect(error.code).toBe('malformed-response');
    expect(error.detail).toMatch(/Entry #2 of "data" is .*not an object/);
  });

  it.each([
    ['missing', '{"attached":"2024-04-01T14:02:05Z"}'],
    ['null', '{"code":null}'],
    ['false', '{"code":false}'],
    ['""', '{"code":""}'],
  ])('refuses an entry whose code is %s', (_, entry) => {
    const error = refusal(`{"data":[{"code":"A"},${entry}],"error":0}`);
    expect(error.code).toBe('malformed-response');
    expect(error.detail).toContain('#2');
  });

  it.each([
    ['true', 'true'],
    ['an object', '{"a":1}'],
    ['a list', '["A"]'],
  ])('refuses a code that is %s', (_, code) => {
    expect(refusal(`{"data":[{"code":${code}}],"error":0}`).code).toBe('malformed-response');
  });

  it('keeps a code of exactly 32,767 characters and refuses one longer, saying why', () => {
    expect(read(body([{ code: 'x'.repeat(MAX_CELL_CHARS) }]))[0]?.code).toHaveLength(MAX_CELL_CHARS);
    const error = refusal(body([{ code: 'A' }, { code: 'x'.repeat(MAX_CELL_CHARS + 1) }]));
    expect(error.code).toBe('code-too-long');
    expect(error.message).toContain('32,767');
    expect(error.message).toMatch(/Excel cell/);
    expect(error.detail).toContain('#2');
  });

  it('counts a code in characters as Excel does, not in bytes', () => {
    // 32,767 Cyrillic letters are 65,534 bytes: kept. One emoji is two UTF-16 units, as in Excel.
    expect(read(body([{ code: 'я'.repeat(MAX_CELL_CHARS) }]))[0]?.code).toHaveLength(MAX_CELL_CHARS);
    expect(refusal(body([{ code: `${'я'.repeat(MAX_CELL_CHARS - 1)}🎁` }])).code).toBe('code-too-long');
    expect(refusal(body([{ code: 'x'.repeat(200_000) }])).code).toBe('code-too-long');
  });

  it('refuses a number as code longer than a cell holds', () => {
    expect(refusal(`{"data":[{"code":${'9'.repeat(MAX_CELL_CHARS + 1)}}]}`).code).toBe('code-too-long');
  });

  it.each([
    ['an object', '{"code":"X"}'],
    ['text', '"X"'],
    ['a number', '5'],
    ['true', 'true'],
  ])('refuses "data" that is %s', (_, data) => {
    const error = refusal(`{"data":${data},"error":0}`);
    expect(error.code).toBe('malformed-response');
    expect(error.detail).toContain('not a list');
  });

  it('still reads "data": null as an empty program (Go writes an empty list so)', () => {
    expect(read('{"data":null,"error":0}')).toEqual([]);
  });

  it("reports Altcraft's own refusal even when it follows a malformed data", () => {
    const error = refusal('{"data":[7],"error":403,"error_text":"No access"}');
    expect(error.code).toBe('no-rights');
  });
});

describe('reading as the bytes arrive', () => {
  it('reads the same whatever the chunks, cut inside strings, escapes, characters and numbers', () => {
    const text = body([
      { code: 'Привет\\"\u00e9🎁', attached: '2024-04-01T14:02:05Z', expired: true },
      { code: 12345, activated: 'soon', expire_date: { a: [1, null] } },
      { code: '\u2028tab\t', expired: false },
    ]);
    const bytes = Buffer.from(text, 'utf8');
    const whole = codesOf(readExportAll(bytes));
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const reader = new ExportAllReader();
      for (let at = 0; at < bytes.length; at += size) reader.write(bytes.subarray(at, at + size));
      expect(codesOf(reader.finish())).toEqual(whole);
    }
    expect(whole.map((code) => code.code)).toEqual(['Привет\\"é🎁', '12345', '\u2028tab\t']);
  });

  it('skips a flood of whitespace around the answer and between its values', () => {
    const reader = new ExportAllReader();
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 64; i++) reader.write(spaces);
    reader.write(Buffer.from('{"data" : [ {"code":"A"}'));
    for (let i = 0; i < 64; i++) reader.write(spaces);
    reader.write(Buffer.from(']}\n'));
    expect(codesOf(reader.finish()).map((code) => code.code)).toEqual(['A']);
  });

  it('calls a body of nothing but whitespace not JSON, and stops reading a body that is not JSON', () => {
    const reader = new ExportAllReader();
    reader.write(Buffer.alloc(1024 * 1024, 0x20));
    const outcome = reader.finish();
    expect(outcome.ok ? null : outcome.error.code).toBe('not-json');
    const html = new ExportAllReader();
    html.write(Buffer.from('<html>'));
    expect(html.settled).toBe(true);
  });

  it('refuses characters that are not UTF-8 rather than replacing them', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"data":[{"code":"A'),
      Buffer.from([0xff]),
      Buffer.from('"}]}'),
    ]);
    const outcome = readExportAll(bytes);
    expect(outcome.ok ? null : outcome.error.code).toBe('malformed-response');
  });
});
