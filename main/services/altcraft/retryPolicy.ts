// When to try again and how long to wait first. Kept apart from the HTTP code so the rules (at most
// 3 tries; network errors, 408, 429, 502, 503, 504; Retry-After honoured) read in one place.

export interface RetryOptions {
  /** Tries in total, the first included. */
  maxTries: number;
  /** The wait before the second try, before jitter; it doubles for each try after. */
  baseDelayMs: number;
  /** No computed backoff waits longer than this. */
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this, so a "come back in an hour" cannot hang the app. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxTries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** HTTP statuses that say "not now" rather than "no": worth another try. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so clients that
 * failed together do not all come back at the same instant. `retry` is 1 before the second try.
 */
export function backoffMs(retry: number, options: RetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before the next try: the server's Retry-After when it gave one (capped), else backoff. */
export function waitBeforeRetry(
  retry: number,
  serverAskedMs: number | undefined,
  options: RetryOptions,
  random: () => number,
): number {
  if (serverAskedMs !== undefined) return Math.min(serverAskedMs, options.maxRetryAfterMs);
  return backoffMs(retry, options, random);
}
