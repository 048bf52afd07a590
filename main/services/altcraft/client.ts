// The Altcraft client: fetches all promo codes of a loyalty program (export_all) and checks that a
// host and token work. Plain Node with its collaborators injected (fetch, sleep, random, clock), so
// the Electron shell passes `net.fetch` (system proxy, OS certificates) and tests drive it against
// the simulator with small timeouts and recorded waits.
import { setTimeout as delay } from 'node:timers/promises';
import ky from 'ky';
import type { KyInstance } from 'ky';
import { AppError, cancelledError, isAppError } from '../../../app/appError';
import type { AppErrorInfo } from '../../../app/appError';
import { exportAllUrl, normaliseHost } from '../../../app/host';
import type { CompactCodes } from '../codes/compactCodes';
import { CHECK_LOYALTY_ID, checkResultOf } from './checkResult';
import type { CheckResult } from './checkResult';
import { judgeAnswer } from './classifyAnswer';
import { download, MAX_ANSWER_BYTES } from './download';
import type { AnswerHead, AnswerSink, Progress } from './download';
import { redactText } from '../redactor';
import { DEFAULT_RETRY, waitBeforeRetry } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';

export type { CheckResult, CheckStatus } from './checkResult';
export type { AnswerHead, AnswerSink, Judged, Progress } from './download';
export type { RetryOptions } from './retryPolicy';

/** Starts reading one answer as it arrives, for the host asked, at `now` (for Retry-After dates). */
export type ReadAnswers<Codes> = (
  head: AnswerHead,
  host: string,
  now: number,
  signal?: AbortSignal,
) => AnswerSink<Codes> | Promise<AnswerSink<Codes>>;

export interface AltcraftClientOptions<Codes = CompactCodes> {
  /** Electron's `net.fetch` in the app; Node's global fetch by default. */
  fetch?: typeof fetch;
  /** No response headers within this long → 'timeout'. Default 15 s. */
  connectTimeoutMs?: number;
  /** No body bytes for this long → 'timeout'. Default 30 s. There is no limit on the total time. */
  inactivityTimeoutMs?: number;
  /** An answer larger than this once decoded is refused ('answer-too-large'). Default MAX_ANSWER_BYTES. */
  maxAnswerBytes?: number;
  retry?: Partial<RetryOptions>;
  /** Waits between tries; must reject (or return early) when the signal fires. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the backoff jitter: a number in [0, 1). */
  random?: () => number;
  /** Epoch milliseconds, to read a Retry-After given as a date. */
  now?: () => number;
  /** Told before each wait for another try, for the log. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Reads and judges each answer as its bytes arrive. The app passes one that reads in its code
   * worker, so a million codes never block the main process; by default judgeAnswer on this thread.
   */
  readAnswers?: ReadAnswers<Codes>;
}

export interface RetryEvent {
  /** The try that failed, from 1. */
  attempt: number;
  waitMs: number;
  error: AppErrorInfo;
}

export interface ExportAllRequest {
  host: string;
  token: string;
  loyaltyId: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface AltcraftClient<Codes = CompactCodes> {
  /** Every code of the program; rejects with an AppError whose code says what went wrong. */
  exportAll(request: ExportAllRequest): Promise<Codes>;
  /** Whether the host and token work (see checkResult.ts); rejects only when cancelled. */
  check(host: string, token: string, signal?: AbortSignal): Promise<CheckResult>;
}

export function createAltcraftClient(options?: AltcraftClientOptions): AltcraftClient;
export function createAltcraftClient<Codes>(
  options: AltcraftClientOptions<Codes> & { readAnswers: ReadAnswers<Codes> },
): AltcraftClient<Codes>;
export function createAltcraftClient<Codes>(
  options: AltcraftClientOptions<Codes> = {},
): AltcraftClient<Codes> {
  const readAnswers: ReadAnswers<Codes> =
    options.readAnswers ??
    ((head, host, now) => judgeAnswer(head, host, now) as unknown as AnswerSink<Codes>);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const http: KyInstance = ky.create({
    // Called as a plain function: some fetch implementations mind what `this` is.
    fetch: (input, init) => fetchImpl(input, init),
    retry: 0, // our own loop: it also retries broken bodies, and never retries Altcraft's refusals
    // Each request sets ky's timeout to the connect timeout (download.ts): ky's ends with the headers.
    throwHttpErrors: false, // Altcraft's `error` in the body decides, whatever the status
    redirect: 'manual',
    headers: { accept: 'application/json' },
  });
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const inactivityTimeoutMs = options.inactivityTimeoutMs ?? 30_000;
  const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  async function exportOnce(
    host: string,
    token: string,
    loyaltyId: number,
    request: Partial<ExportAllRequest>,
  ) {
    const url = exportAllUrl(host);
    const json = { token, loyalty_id: loyaltyId, format: 'json' };
    const { signal, onProgress } = request;
    for (let attempt = 1; ; attempt++) {
      const judged = await download({
        http,
        url,
        host,
        json,
        signal,
        connectTimeoutMs,
        inactivityTimeoutMs,
        maxAnswerBytes,
        open: (head) => readAnswers(head, host, now(), signal),
        onProgress,
      });
      if (judged.ok) return judged.codes;
      const { error, retryable, retryAfterMs } = judged.failure;
      if (!retryable || attempt >= retry.maxTries) {
        throw attempt > 1 ? withDetail(error, `Gave up after ${attempt} tries.`) : error;
      }
      const waitMs = waitBeforeRetry(attempt, retryAfterMs, retry, random);
      options.onRetry?.({ attempt, waitMs, error: redacted(error, token).toInfo() });
      try {
        await sleep(waitMs, signal);
      } catch {
        throw cancelledError('download');
      }
      if (signal?.aborted) throw cancelledError('download');
    }
  }

  return {
    async exportAll(request) {
      try {
        if (!Number.isSafeInteger(request.loyaltyId) || request.loyaltyId <= 0) {
          throw invalidInput('The loyalty program ID must be a whole number greater than 0.');
        }
        return await exportOnce(validHost(request.host), request.token, request.loyaltyId, request);
      } catch (error) {
        throw redacted(error, request.token);
      }
    },

    async check(host, token, signal) {
      try {
        await exportOnce(validHost(host), token, CHECK_LOYALTY_ID, signal ? { signal } : {});
        return { status: 'ok' };
      } catch (error) {
        const safe = redacted(error, token);
        if (safe.code === 'cancelled') throw safe;
        return checkResultOf(safe.toInfo());
      }
    },
  };
}

function validHost(input: string): string {
  const result = normaliseHost(input);
  if (result.ok) return result.host;
  const why = {
    empty: 'The Altcraft host is empty.',
    invalid: `"${input.trim().slice(0, 100)}" is not a valid host address.`,
    'https-required': 'The host must use https:// (plain http:// is only allowed for this computer).',
  }[result.reason];
  throw invalidInput(why);
}

function invalidInput(message: string): AppError {
  return new AppError({ code: 'invalid-input', message });
}

function withDetail(error: AppError, more: string): AppError {
  const detail = error.detail === undefined ? more : `${error.detail} ${more}`;
  return new AppError({ ...error.toInfo(), detail }, { cause: error.cause });
}

/**
 * The last guard before an error leaves the client: a server may echo what it was sent, so the
 * token is cut out of every text an AppError carries (by the log's own redactor, with its marker),
 * and anything that is not an AppError becomes 'unexpected' with its message, redacted too, as the
 * detail.
 */
function redacted(error: unknown, token: string): AppError {
  const scrub = (text: string) => redactText(text, [token]);
  if (!isAppError(error)) {
    const detail = scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return new AppError({
      code: 'unexpected',
      message: 'Something went wrong while talking to Altcraft.',
      detail,
    });
  }
  const info = error.toInfo();
  const clean: AppErrorInfo = { ...info, message: scrub(info.message) };
  if (info.detail !== undefined) clean.detail = scrub(info.detail);
  if (info.altcraft !== undefined)
    clean.altcraft = { ...info.altcraft, errorText: scrub(info.altcraft.errorText) };
  const changed =
    clean.message !== info.message ||
    clean.detail !== info.detail ||
    clean.altcraft?.errorText !== info.altcraft?.errorText;
  // The cause is dropped when anything was cut: it may hold the same text.
  return changed ? new AppError(clean) : error;
}
