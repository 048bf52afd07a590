// A whole export_all body held as text, read by the same streaming reader the downloads use
// (exportAllReader.ts, where the rules are), into PromoCode objects: for small answers, tests and
// tools. Throws the reader's AppError when the body gives no codes.
import { Buffer } from 'node:buffer';
import { AppError } from '../../../app/appError';
import type { PromoCode } from '../../../app/promoCode';
import { promoCodeAt } from '../codes/compactCodes';
import { describeBody } from './describeBody';
import { readExportAll } from './exportAllReader';

export function parseExportAll(text: string): PromoCode[] {
  const bytes = Buffer.from(text, 'utf8');
  const outcome = readExportAll(bytes);
  if (!outcome.ok) throw described(outcome.error, text, bytes.length);
  const { codes } = outcome;
  return Array.from({ length: codes.length }, (_, i) => promoCodeAt(codes, i));
}

/** A body that is not JSON, or was cut off, described by what it looks like (never copied). */
function described(error: AppError, text: string, size: number): AppError {
  if (error.code !== 'not-json' && error.code !== 'cut-off') return error;
  return new AppError({
    ...error.toInfo(),
    detail: `${error.detail ?? ''} It is ${describeBody(text.slice(0, 4096), size)}.`,
  });
}
