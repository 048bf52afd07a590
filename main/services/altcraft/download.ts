// One try at one request: send it, wait for the headers no longer than the connect timeout, then hand
// the body, chunk by chunk as it arrives, to whatever reads the answer (an AnswerSink: the parser on
// this thread, or the code worker). Nothing here holds the body: memory grows with the codes kept,
// never with the size of the answer, and Content-Length is shown as progress, never trusted for
// anything else. The download gives up when no bytes arrive for the inactivity timeout, or when the
// answer grows past MAX_ANSWER_BYTES; a big but steady download is never cut by a total time limit.
import { isTimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import type { AttemptFailure } from './attemptFailure';
import { AppError, cancelledError } from '../../../app/appError';
import { bodyFailure, requestFailure } from './networkFailure';
import type { TimedOut } from './networkFailure';

/** The most an answer may hold once decoded: a program of tens of millions of codes fits many times over. */
export const MAX_ANSWER_BYTES = 4 * 1024 ** 3;

export interface Progress {
  /** Body bytes received so far (after any content decoding). */
  received: number;
  /** The body's size when the server declared it, else null. Shown, never relied on. */
  total: number | null;
}

/** What came before the body. */
export interface AnswerHead {
  status: number;
  statusText: string;
  headers: Headers;
}

/** The answer judged: its codes, or the failure people should see and whether to try again. */
export type Judged<Codes> = { ok: true; codes: Codes } | { ok: false; failure: AttemptFailure };

/** Reads one answer's body as it arrives. */
export interface AnswerSink<Codes> {
  /** The next bytes; true once the outcome is settled and the rest of the body is not needed. */
  write(chunk: Uint8Array): boolean | Promise<boolean>;
  /** The body ended (or was no longer needed): the outcome. */
  end(): Judged<Codes> | Promise<Judged<Codes>>;
  /** The download failed or was cancelled: let go of whatever was read. */
  abandon(): void;
}

/** Starts reading an answer once its head is known. */
export type OpenAnswer<Codes> = (head: AnswerHead) => AnswerSink<Codes> | Promise<AnswerSink<Codes>>;

export interface DownloadRequest<Codes> {
  http: KyInstance;
  url: string;
  /** Shown in messages: the normalised host, never the URL with its body. */
  host: string;
  json: Record<string, unknown>;
  signal: AbortSignal | undefined;
  connectTimeoutMs: number;
  inactivityTimeoutMs: number;
  maxAnswerBytes: number;
  open: OpenAnswer<Codes>;
  onProgress: ((progress: Progress) => void) | undefined;
}

export async function download<Codes>(request: DownloadRequest<Codes>): Promise<Judged<Codes>> {
  const { signal: outer, host } = request;
  if (outer?.aborted) return { ok: false, failure: { error: cancelledError('download'), retryable: false } };

  // Our own controller, so the inactivity timeout can abort without touching the caller's signal.
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  let timedOut: TimedOut = null;
  const stop = (why: Exclude<TimedOut, null>) => {
    timedOut = why;
    controller.abort();
  };

  let response: Response;
  try {
    // ky's timeout is exactly the connect timeout: it runs until the headers come and never cuts
    // the body, which the inactivity timer below watches instead.
    response = await request.http.post(request.url, {
      json: request.json,
      signal,
      timeout: request.connectTimeoutMs,
    });
  } catch (error) {
    const situation = {
      host,
      cancelled: outer?.aborted ?? false,
      timedOut: isTimeoutError(error) ? ('connect' as const) : null,
      timeoutMs: request.connectTimeoutMs,
    };
    return { ok: false, failure: requestFailure(error, situation) };
  }

  const total = declaredLength(response.headers);
  let received = 0;
  request.onProgress?.({ received, total });
  const reader = response.body?.getReader();
  let sink: AnswerSink<Codes>;
  try {
    sink = await request.open({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    void reader?.cancel().catch(() => undefined);
    throw error;
  }

  if (reader !== undefined) {
    // Some fetch implementations leave a pending read hanging on abort; cancelling the reader ends it.
    const cancelReader = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancelReader, { once: true });
    if (signal.aborted) cancelReader(); // cancelled while the headers were being handled
    let inactivity: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      inactivity = setTimeout(() => stop('inactivity'), request.inactivityTimeoutMs);
    };
    let readError: unknown = null;
    let tooLarge = false;
    try {
      watch();
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          readError = error;
          break;
        }
        if (chunk.done || signal.aborted) break;
        clearTimeout(inactivity);
        received += chunk.value.byteLength;
        if (received > request.maxAnswerBytes) {
          tooLarge = true;
          cancelReader();
          break;
        }
        request.onProgress?.({ received, total });
        // While the sink catches up, no bytes are asked for: the inactivity timer waits too.
        const settled = await sink.write(chunk.value);
        if (settled) {
          cancelReader();
          break;
        }
        watch();
      }
    } catch (error) {
      sink.abandon();
      throw error;
    } finally {
      clearTimeout(inactivity);
      signal.removeEventListener('abort', cancelReader);
    }
    if (tooLarge) {
      sink.abandon();
      return { ok: false, failure: { error: tooLargeError(host, request.maxAnswerBytes), retryable: false } };
    }
    // A cancel or a timeout may end the stream as if it were complete: the flags decide, not the stream.
    if (readError !== null || outer?.aborted || timedOut !== null) {
      sink.abandon();
      const situation = {
        host,
        cancelled: outer?.aborted ?? false,
        timedOut,
        timeoutMs: request.inactivityTimeoutMs,
        received,
        total,
      };
      return { ok: false, failure: bodyFailure(readError, situation) };
    }
  }
  return sink.end();
}

/** Content-Length counts encoded bytes; when the body is compressed it says nothing about what we read. */
function declaredLength(headers: Headers): number | null {
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return null;
  const length = headers.get('content-length');
  if (length === null || !/^\s*\d+\s*$/.test(length)) return null;
  return Number(length);
}

function tooLargeError(host: string, limit: number): AppError {
  const size =
    limit >= 1024 ** 3
      ? `${limit / 1024 ** 3} GiB`
      : limit >= 1024 ** 2
        ? `${Math.round(limit / 1024 ** 2)} MiB`
        : `${limit.toLocaleString('en')} bytes`;
  return new AppError({
    code: 'answer-too-large',
    message: `The answer from ${host} is larger than ${size}, more than Promo Exporter reads, so no codes were read. Ask your Altcraft administrator about the size of this program.`,
    detail: `The body passed ${limit} bytes (after decoding) and was not read further.`,
  });
}
