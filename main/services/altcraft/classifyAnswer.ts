// An HTTP answer that arrived whole, judged: the codes, or the failure people should see. Altcraft's
// `error` in the body decides first whatever the HTTP status (an HTTP 401 with {error: 401} and an
// HTTP 200 with error ≠ 0 are both refusals, never retried). Without an Altcraft error in the body
// the HTTP status decides: 400/401/402/403 as Altcraft's codes, 408 a timeout, 429 and 5xx a server
// error (retried for 408, 429, 502, 503, 504), anything else "not Altcraft data" ('not-json').
import { AppError, isAppError } from '../../../app/appError';
import type { PromoCode } from '../../../app/promoCode';
import { REFUSAL_MESSAGES } from './altcraftRefusal';
import type { AttemptFailure } from './attemptFailure';
import { describeBody, isHtmlPage } from './describeBody';
import { decodeUtf8 } from './download';
import type { Downloaded } from './download';
import { parseExportAll } from './parseExportAll';
import { RETRYABLE_STATUSES, retryAfterMs } from './retryPolicy';

export type Judged<Codes = PromoCode[]> = { ok: true; codes: Codes } | { ok: false; failure: AttemptFailure };

interface DecodedAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  lossy: boolean;
}

/**
 * `parse` turns the body's text into codes, throwing AppErrors as parseExportAll does; the app passes
 * one that keeps them compactly in its worker thread.
 */
export function classifyAnswer(answer: Downloaded, host: string, now: number): Judged;
export function classifyAnswer<Codes>(
  answer: Downloaded,
  host: string,
  now: number,
  parse: (text: string) => Codes,
): Judged<Codes>;
export function classifyAnswer<Codes>(
  downloaded: Downloaded,
  host: string,
  now: number,
  parse: (text: string) => Codes = parseExportAll as unknown as (text: string) => Codes,
): Judged<Codes> {
  const { text, lossy } = decodeUtf8(downloaded.body);
  const answer: DecodedAnswer = { ...downloaded, text, lossy };
  const { status } = answer;
  if (status >= 300 && status < 400) return fail(redirected(answer, host), false);

  let codes: Codes | null = null;
  let parseError: AppError | null = null;
  try {
    codes = parse(answer.text);
  } catch (error) {
    if (!isAppError(error)) throw error;
    parseError = error;
  }
  // The reason phrase is the server's own text: shown, but kept short.
  const reason = answer.statusText.slice(0, 60);
  const http = `HTTP ${status}${reason ? ` ${reason}` : ''}`;

  if (parseError?.altcraft !== undefined) {
    return fail(withHttp(parseError, status, `${parseError.detail ?? ''} (${http})`), false);
  }
  if (status >= 200 && status < 300) {
    if (codes !== null && !answer.lossy) return { ok: true, codes };
    if (codes !== null) {
      const error = new AppError({
        code: 'malformed-response',
        message:
          "Altcraft's answer contained characters that could not be read, so no codes were read. Report this problem.",
        detail: `The body is not valid UTF-8 (${http}).`,
        httpStatus: status,
      });
      return fail(error, false);
    }
    const error = parseError as AppError;
    if (error.code === 'not-json') return fail(notAltcraftData(answer, host, http), false);
    return fail(withHttp(error, status, `${error.detail ?? ''} (${http})`), error.code === 'cut-off');
  }
  return statusFailure(answer, host, http, now);
}

function statusFailure(answer: DecodedAnswer, host: string, http: string, now: number): Judged<never> {
  const { status } = answer;
  const body = describeBody(answer.text, answer.headers.get('content-type'));
  const detail = `${http} with ${body}, no Altcraft error in it.`;
  const retryable = RETRYABLE_STATUSES.has(status);
  const after = retryable ? retryAfterMs(answer.headers.get('retry-after'), now) : undefined;
  const refusal = httpRefusal(status);
  if (refusal !== null) {
    return fail(
      new AppError({ code: refusal, message: REFUSAL_MESSAGES[refusal], detail, httpStatus: status }),
      false,
    );
  }
  if (status === 408) {
    const message = `${host} gave up waiting for the request (HTTP 408). The network may be slow: try again later.`;
    return fail(new AppError({ code: 'timeout', message, detail, httpStatus: status }), true, after);
  }
  if (status === 429) {
    const message =
      'Altcraft is receiving too many requests right now (HTTP 429). Try again in a few minutes.';
    return fail(new AppError({ code: 'server-error', message, detail, httpStatus: status }), true, after);
  }
  if (status >= 500) {
    const page = isHtmlPage(answer.text) ? 'an error page' : 'an error';
    const message = `${host} answered with ${page} (${http}) instead of promo codes. The Altcraft server or a proxy in front of it is having trouble: try again later.`;
    return fail(
      new AppError({ code: 'server-error', message, detail, httpStatus: status }),
      retryable,
      after,
    );
  }
  return fail(notAltcraftData(answer, host, http), false);
}

function httpRefusal(status: number): keyof typeof REFUSAL_MESSAGES | null {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'token-refused';
  if (status === 402) return 'tariff-limit';
  if (status === 403) return 'no-rights';
  return null;
}

function notAltcraftData(answer: DecodedAnswer, host: string, http: string): AppError {
  const body = describeBody(answer.text, answer.headers.get('content-type'));
  const what = isHtmlPage(answer.text) ? 'a web page' : 'something that is not Altcraft data';
  return new AppError({
    code: 'not-json',
    message: `${host} answered with ${what} (${http}) instead of promo codes. Check the host address; a proxy may also be asking you to sign in.`,
    detail: `Expected Altcraft JSON, got ${body} (${http}).`,
    httpStatus: answer.status,
  });
}

/** Redirects are not followed: the body carries the token, and it must not go to another address. */
function redirected(answer: DecodedAnswer, host: string): AppError {
  const location = answer.headers.get('location');
  let target = 'another address';
  try {
    if (location !== null) {
      const url = new URL(location, host);
      target = `${url.origin}${url.pathname}`;
    }
  } catch {
    // An unreadable Location is reported as "another address".
  }
  return new AppError({
    code: 'not-json',
    message: `${host} redirected the request to ${target} instead of answering. Check the host address.`,
    detail: `HTTP ${answer.status} to ${target}; redirects are not followed.`,
    httpStatus: answer.status,
  });
}

function withHttp(error: AppError, httpStatus: number, detail: string): AppError {
  return new AppError({ ...error.toInfo(), detail, httpStatus }, { cause: error.cause });
}

function fail(error: AppError, retryable: boolean, retryAfter?: number): Judged<never> {
  const failure: AttemptFailure = { error, retryable };
  if (retryAfter !== undefined) failure.retryAfterMs = retryAfter;
  return { ok: false, failure };
}
