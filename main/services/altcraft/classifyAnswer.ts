// An HTTP answer judged: the codes, or the failure people should see. Its body is read as it arrives
// (exportAllReader.ts) and only its first bytes are kept, to describe it. Altcraft's `error` in the
// body decides first whatever the HTTP status (an HTTP 401 with {error: 401} and an HTTP 200 with
// error ≠ 0 are both refusals, never retried). Without an Altcraft error in the body the HTTP status
// decides: 400/401/402/403 as Altcraft's codes, 408 a timeout, 429 and 5xx a server error (retried for
// 408, 429, 502, 503, 504), anything else "not Altcraft data" ('not-json').
import { Buffer } from 'node:buffer';
import { AppError } from '../../../app/appError';
import type { CompactCodes } from '../codes/compactCodes';
import { REFUSAL_MESSAGES } from './altcraftRefusal';
import { describeBody, isHtmlPage } from './describeBody';
import type { AnswerHead, AnswerSink, Judged } from './download';
import { ExportAllReader } from './exportAllReader';
import type { ReadOutcome } from './exportAllReader';
import { RETRYABLE_STATUSES, retryAfterMs } from './retryPolicy';

/** How much of the body is kept to describe it in a message. */
const SAMPLE_BYTES = 4096;

/** What is known once the body has been read. */
export interface ReadAnswer {
  head: AnswerHead;
  /** The body as read; null when it was not read (a redirect). */
  outcome: ReadOutcome | null;
  /** The body's first bytes as text. */
  start: string;
  /** Bytes read. */
  size: number;
}

/** An AnswerSink that answers at once: it reads on the thread it runs on. */
export interface AnswerReading extends AnswerSink<CompactCodes> {
  write(chunk: Uint8Array): boolean;
  end(): Judged<CompactCodes>;
}

/** Reads an answer on this thread as it arrives, and judges it at the end. */
export function judgeAnswer(head: AnswerHead, host: string, now: number): AnswerReading {
  const redirect = head.status >= 300 && head.status < 400;
  let reader: ExportAllReader | null = redirect ? null : new ExportAllReader();
  const sample = new Uint8Array(SAMPLE_BYTES);
  let sampled = 0;
  let size = 0;
  return {
    write(chunk) {
      size += chunk.byteLength;
      if (sampled < SAMPLE_BYTES) {
        const take = Math.min(SAMPLE_BYTES - sampled, chunk.byteLength);
        sample.set(chunk.subarray(0, take), sampled);
        sampled += take;
      }
      if (reader === null) return true;
      reader.write(chunk);
      return reader.settled;
    },
    end() {
      const outcome = reader?.finish() ?? null;
      reader = null;
      const start = Buffer.from(sample.buffer, 0, sampled).toString('utf8');
      return judge({ head, outcome, start, size }, host, now);
    },
    abandon() {
      reader = null;
    },
  };
}

export function judge(answer: ReadAnswer, host: string, now: number): Judged<CompactCodes> {
  const { status } = answer.head;
  if (status >= 300 && status < 400) return fail(redirected(answer, host), false);
  // The reason phrase is the server's own text: shown, but kept short.
  const reason = answer.head.statusText.slice(0, 60);
  const http = `HTTP ${status}${reason ? ` ${reason}` : ''}`;
  const outcome = answer.outcome as ReadOutcome;

  if (!outcome.ok && outcome.error.altcraft !== undefined) {
    return fail(withHttp(outcome.error, status, `${outcome.error.detail ?? ''} (${http})`), false);
  }
  if (status >= 200 && status < 300) {
    if (outcome.ok) return { ok: true, codes: outcome.codes };
    const { error } = outcome;
    if (error.code === 'not-json') return fail(notAltcraftData(answer, host, http), false);
    return fail(withHttp(error, status, `${error.detail ?? ''} (${http})`), error.code === 'cut-off');
  }
  return statusFailure(answer, host, http, now);
}

function statusFailure(answer: ReadAnswer, host: string, http: string, now: number): Judged<never> {
  const { status, headers } = answer.head;
  const body = describeBody(answer.start, answer.size, headers.get('content-type'));
  const detail = `${http} with ${body}, no Altcraft error in it.`;
  const retryable = RETRYABLE_STATUSES.has(status);
  const after = retryable ? retryAfterMs(headers.get('retry-after'), now) : undefined;
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
    const page = isHtmlPage(answer.start) ? 'an error page' : 'an error';
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

function notAltcraftData(answer: ReadAnswer, host: string, http: string): AppError {
  const body = describeBody(answer.start, answer.size, answer.head.headers.get('content-type'));
  const what = isHtmlPage(answer.start) ? 'a web page' : 'something that is not Altcraft data';
  return new AppError({
    code: 'not-json',
    message: `${host} answered with ${what} (${http}) instead of promo codes. Check the host address; a proxy may also be asking you to sign in.`,
    detail: `Expected Altcraft JSON, got ${body} (${http}).`,
    httpStatus: answer.head.status,
  });
}

/** Redirects are not followed: the body carries the token, and it must not go to another address. */
function redirected(answer: ReadAnswer, host: string): AppError {
  const location = answer.head.headers.get('location');
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
    detail: `HTTP ${answer.head.status} to ${target}; redirects are not followed.`,
    httpStatus: answer.head.status,
  });
}

function withHttp(error: AppError, httpStatus: number, detail: string): AppError {
  return new AppError({ ...error.toInfo(), detail, httpStatus }, { cause: error.cause });
}

function fail(error: AppError, retryable: boolean, retryAfter?: number): Judged<never> {
  return {
    ok: false,
    failure: retryAfter === undefined ? { error, retryable } : { error, retryable, retryAfterMs: retryAfter },
  };
}
