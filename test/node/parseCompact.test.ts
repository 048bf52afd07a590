import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { promoCodeAt } from '../../main/services/codes/compactCodes';
import { parseExportAllCompact } from '../../main/services/codes/parseCompact';
import { parseExportAll } from '../../main/services/altcraft/parseExportAll';
import { builtInProgram } from '../altcraft-sim/programs';

// The worker's batched parser must give exactly what parseExportAll gives: the same codes, or the same
// error with the same code and message.
function outcome(parse: () => unknown): unknown {
  try {
    return { codes: parse() };
  } catch (error) {
    return error instanceof AppError ? { error: error.toInfo() } : { thrown: String(error) };
  }
}

function expectSameAsParseExportAll(text: string): void {
  const compact = outcome(() => {
    const codes = parseExportAllCompact(text);
    return Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i));
  });
  expect(compact).toEqual(outcome(() => parseExportAll(text)));
}

const program = (id: number) => [...(builtInProgram(id)?.codes() ?? [])];
const welcome = program(1);
/** More than one batch (about 20,000 entries each), so the cuts between batches are exercised. */
const sized = program(1_000_000 + 45_001);

describe('parseExportAllCompact', () => {
  it('reads every Welcome code byte for byte, as parseExportAll does', () => {
    expectSameAsParseExportAll(JSON.stringify({ error: 0, error_text: '', data: welcome }));
  });

  it('reads answers of several batches, compact or pretty-printed, with data first or last', () => {
    expectSameAsParseExportAll(JSON.stringify({ error: 0, error_text: '', data: sized }));
    expectSameAsParseExportAll(JSON.stringify({ data: sized, error: 0 }, null, 2));
    expectSameAsParseExportAll(`\ufeff  ${JSON.stringify({ data: sized })}  `);
  });

  it('keeps codes that hold the text it cuts batches at', () => {
    const tricky = sized.map((code, i) => (i % 997 === 0 ? { ...code, code: `a"},{"code":"b${i}\\` } : code));
    expectSameAsParseExportAll(JSON.stringify({ error: 0, data: tricky }));
  });

  it('gives parseExportAll own errors for refusals, cut-off, malformed and non-JSON bodies', () => {
    const body = JSON.stringify({ error: 0, error_text: '', data: sized });
    expectSameAsParseExportAll(JSON.stringify({ error: 401, error_text: 'Invalid token', data: sized }));
    expectSameAsParseExportAll(body.slice(0, Math.floor(body.length / 2)));
    expectSameAsParseExportAll(body.replace('"code":"S45001-0030000"', '"code":30000'));
    expectSameAsParseExportAll(body.replace('"attached":"2024', '"attached":"not a date 2024'));
    expectSameAsParseExportAll('<html><body>Sign in</body></html>');
    expectSameAsParseExportAll(JSON.stringify({ error: 0, data: null }));
    expectSameAsParseExportAll(JSON.stringify({ error: 0, data: [] }));
    expectSameAsParseExportAll(JSON.stringify({ data: sized, data2: 1, error: 'x' }));
  });
});
