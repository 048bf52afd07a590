import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../app/appError';
import { ExportAllReader, readExportAll } from '../../main/services/altcraft/exportAllReader';
import type { ReadOutcome } from '../../main/services/altcraft/exportAllReader';
import { promoCodeAt } from '../../main/services/codes/compactCodes';

// Whatever a server (or a proxy, or a broken connection) sends, the reader answers codes or a typed
// AppError with a known code: never another throw, never a hang. Over 10,000 bodies per run, random
// and mutated; fast-check prints the seed and the smallest failing body when one breaks the rule.
// The reader is fed as the network cuts an answer, anywhere: every body is also fed one byte at a time,
// which must give the same outcome. And it reads JSON as JSON.parse does: a body JSON.parse refuses is
// never read as codes, and one it accepts is never called "not JSON" or "cut off".

const RUNS = 2_000;
/** A single body taking longer than this counts as a hang (bodies here are at most a few KB). */
const HANG_MS = 2_000;
let bodiesTried = 0;

afterAll(() => {
  expect(bodiesTried).toBeGreaterThanOrEqual(10_000);
});

/** An outcome as something two readings can be compared on. */
function comparable(outcome: ReadOutcome): { codes: unknown[] } | { error: unknown } {
  if (!outcome.ok) return { error: outcome.error.toInfo() };
  const { codes } = outcome;
  return { codes: Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i)) };
}

function byteByByte(bytes: Uint8Array): ReadOutcome {
  const reader = new ExportAllReader();
  for (let i = 0; i < bytes.length; i++) reader.write(bytes.subarray(i, i + 1));
  return reader.finish();
}

function jsonParses(body: string): boolean {
  try {
    JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    return true;
  } catch {
    return false;
  }
}

/** The rule every body must keep. */
function answersCodesOrATypedError(body: string): void {
  bodiesTried++;
  const bytes = Buffer.from(body, 'utf8');
  const started = performance.now();
  const whole = readExportAll(bytes);
  const pieces = byteByByte(bytes);
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  expect(comparable(pieces)).toEqual(comparable(whole));
  if (whole.ok) {
    expect(jsonParses(body), 'codes read from a body JSON.parse refuses').toBe(true);
    for (let i = 0; i < whole.codes.length; i++) {
      const code = promoCodeAt(whole.codes, i);
      expect(typeof code.code).toBe('string');
      for (const date of [code.attached, code.activated, code.expireDate, code.expired]) {
        expect(date === null || date === true || typeof date === 'string' || Number.isFinite(date)).toBe(
          true,
        );
      }
    }
    return;
  }
  const { error } = whole;
  expect(error, `not an AppError: ${String(error)}`).toBeInstanceOf(AppError);
  expect(ERROR_CODES).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/\n\s+at /);
  // Nesting past the reader's depth is refused where it starts, before the rest is seen.
  if (error.detail?.includes('too deeply') === true) return;
  const unreadable = error.code === 'not-json' || error.code === 'cut-off';
  expect(unreadable, `${error.code} for a body JSON.parse ${jsonParses(body) ? 'reads' : 'refuses'}`).toBe(
    !jsonParses(body),
  );
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

describe('the export_all reader under random and broken bodies', () => {
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
