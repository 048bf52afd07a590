import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../app/appError';
import { compactCodes, promoCodeAt } from '../../main/services/codes/compactCodes';
import type { CompactCodes } from '../../main/services/codes/compactCodes';
import { parseExportAllCompact } from '../../main/services/codes/parseCompact';
import { parseExportAll } from '../../main/services/altcraft/parseExportAll';

// Whatever a server (or a proxy, or a broken connection) sends, the parser answers codes or a typed
// AppError with a known code: never another throw, never a hang. Over 10,000 bodies per run, random
// and mutated; fast-check prints the seed and the smallest failing body when one breaks the rule.
// The app parses in its code worker with parseExportAllCompact, which promises parseExportAll's
// outcome exactly (codes, or the same error code and message): every body checks that too.

const RUNS = 2_000;
/** A single body taking longer than this counts as a hang (bodies here are at most a few KB). */
const HANG_MS = 2_000;
let bodiesTried = 0;

afterAll(() => {
  expect(bodiesTried).toBeGreaterThanOrEqual(10_000);
});

/** The outcome of a parse, as something two parsers can be compared on. */
function outcomeOf(parse: () => CompactCodes): { codes: unknown[] } | { error: unknown } {
  try {
    const codes = parse();
    return { codes: Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i)) };
  } catch (error) {
    return { error };
  }
}

/** The rule every body must keep. */
function answersCodesOrATypedError(body: string): void {
  bodiesTried++;
  const started = performance.now();
  const plain = outcomeOf(() => compactCodes(parseExportAll(body)));
  const compact = outcomeOf(() => parseExportAllCompact(body));
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  if ('codes' in plain) {
    for (const code of plain.codes as ReturnType<typeof promoCodeAt>[]) {
      expect(typeof code.code).toBe('string');
      for (const date of [code.attached, code.activated, code.expireDate]) {
        expect(date === null || Number.isFinite(date)).toBe(true);
      }
      expect(
        code.expired === null || typeof code.expired === 'boolean' || Number.isFinite(code.expired),
      ).toBe(true);
    }
    expect(compact).toEqual(plain);
    return;
  }
  for (const outcome of [plain, compact]) {
    expect('error' in outcome, 'one parser answered codes, the other an error').toBe(true);
    const error = (outcome as { error: unknown }).error;
    expect(error, `not an AppError: ${String(error)}`).toBeInstanceOf(AppError);
    expect(ERROR_CODES).toContain((error as AppError).code);
    expect((error as AppError).message.length).toBeGreaterThan(0);
    expect((error as AppError).message).not.toMatch(/\n\s+at /);
  }
  const [a, b] = [plain, compact].map((o) => (o as { error: AppError }).error);
  expect({ code: b?.code, message: b?.message }).toEqual({ code: a?.code, message: a?.message });
}

const property = (body: fc.Arbitrary<string>) =>
  fc.assert(fc.property(body, answersCodesOrATypedError), { numRuns: RUNS });

// Values as Altcraft sends them, and every other JSON value in their place.
const rfc3339 = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const anyJson = fc.jsonValue({ maxDepth: 3 });
const dateField = fc.oneof(rfc3339, fc.constant(''), fc.constant(null), anyJson);
const codeEntry = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        code: fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary' }) }, anyJson),
        attached: dateField,
        activated: dateField,
        expire_date: dateField,
        expired: fc.oneof(dateField, fc.boolean(), fc.constantFrom('true', 'false')),
        extra: anyJson,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyJson },
);
const hugeNumber = fc.oneof(
  fc.double(),
  fc.bigInt().map((n) => n * 10n ** 30n),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 0.5, -0),
);
const answer = fc.record(
  {
    data: fc.oneof({ weight: 5, arbitrary: fc.array(codeEntry, { maxLength: 20 }) }, anyJson),
    error: fc.oneof(fc.constant(0), fc.integer(), hugeNumber, fc.string(), anyJson),
    error_text: fc.oneof(fc.string({ unit: 'grapheme' }), anyJson),
  },
  { requiredKeys: [] },
);
/** JSON text, with bigints written out as the huge integers JSON allows. */
const jsonText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `__big${v}__` : v)).replace(
    /"__big(-?\d+)__"/g,
    '$1',
  );

const validBody = fc
  .array(fc.record({ code: fc.string({ unit: 'grapheme' }), attached: rfc3339 }), { maxLength: 30 })
  .map((data) => JSON.stringify({ data, error: 0, error_text: 'Successful operation' }));

/** A body, cut, with characters flipped, inserted or removed at random places. */
function mutated(base: fc.Arbitrary<string>) {
  const edit = fc.tuple(
    fc.nat(),
    fc.constantFrom('flip', 'insert', 'delete', 'truncate'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
  );
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([body, edits]) => {
    let out = body;
    for (const [at, kind, text] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === 'truncate') out = out.slice(0, i);
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + text.length);
      else if (kind === 'insert') out = out.slice(0, i) + text + out.slice(i);
      else out = out.slice(0, i) + text + out.slice(i + text.length);
    }
    return out;
  });
}

/** Bytes flipped in the UTF-8 encoding, decoded leniently as the client does for a lossy body. */
const byteFlipped = fc
  .tuple(
    validBody,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
  )
  .map(([body, flips]) => {
    const bytes = new TextEncoder().encode(body);
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    return new TextDecoder().decode(bytes);
  });

/** Arrays or objects nested thousands deep, closed or cut off, alone or as `data`. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array', 'object'), fc.boolean(), fc.boolean())
  .map(([depth, shape, closed, asData]) => {
    const [open, close] = shape === 'array' ? ['[', ']'] : ['{"a":', '}'];
    const nested = open.repeat(depth) + (closed ? `1${close.repeat(depth)}` : '');
    return asData ? `{"data":[${nested}${closed ? ']}' : ''}` : nested;
  });

describe('parseExportAll under random and broken bodies', () => {
  it('answers codes or a typed error for answers with the wrong type in every field', () => {
    property(answer.map(jsonText));
  });

  it('answers codes or a typed error for any JSON value at all', () => {
    property(fc.jsonValue().map((v) => JSON.stringify(v)));
  });

  it('answers codes or a typed error for a valid body cut, flipped, inserted into or shortened', () => {
    property(mutated(validBody));
  });

  it('answers codes or a typed error for a valid body with bytes flipped', () => {
    property(byteFlipped);
  });

  it('answers codes or a typed error for raw text: unicode, markup, huge numbers, deep nesting', () => {
    property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 500 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `{${s}`),
        fc.string({ maxLength: 200 }).map((s) => `<xml>${s}`),
        fc.string({ maxLength: 200 }).map((s) => `<!DOCTYPE html><html><title>${s}</title>`),
        hugeNumber.map((n) => `{"data":[],"error":${String(n)}}`),
        deeplyNested,
        fc.constantFrom('', ' ', '\uFEFF', '\uFEFF{"data":[]}', 'null', 'true', '[]', '{}', '"x"', '1e400'),
      ),
    );
  });
});
