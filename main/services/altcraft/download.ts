// One try at one request: send it, wait for the headers no longer than the connect timeout, then read
// the body as a stream, reporting progress and giving up only when no bytes arrive for the inactivity
// timeout. A big but steady download is never cut by a total time limit.
import { isTimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import type { AttemptFailure } from './attemptFailure';
import { cancelledError } from '../../../app/appError';
import { bodyFailure, requestFailure } from './networkFailure';
import type { TimedOut } from './networkFailure';

export interface Progress {
  /** Body bytes received so far (after any content decoding). */
  received: number;
  /** The body's size when the server declared it, else null. */
  total: number | null;
}

export interface DownloadRequest {
  http: KyInstance;
  url: string;
  /** Shown in messages: the normalised host, never the URL with its body. */
  host: string;
  json: Record<string, unknown>;
  signal: AbortSignal | undefined;
  connectTimeoutMs: number;
  inactivityTimeoutMs: number;
  onProgress: ((progress: Progress) => void) | undefined;
}

export interface Downloaded {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body's bytes, not yet decoded: decoding and parsing may happen on another thread. */
  body: Uint8Array;
}

export type DownloadOutcome = { ok: true; answer: Downloaded } | { ok: false; failure: AttemptFailure };

export async function download(request: DownloadRequest): Promise<DownloadOutcome> {
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
  const body = new BodyBuffer(total);
  let received = 0;
  request.onProgress?.({ received, total });

  const reader = response.body?.getReader();
  if (reader !== undefined) {
    // Some fetch implementations leave a pending read hanging on abort; cancelling the reader ends it.
    const cancelReader = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancelReader, { once: true });
    if (signal.aborted) cancelReader(); // cancelled while the headers were being handled
    let inactivity = setTimeout(() => stop('inactivity'), request.inactivityTimeoutMs);
    let readError: unknown = null;
    try {
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
        inactivity = setTimeout(() => stop('inactivity'), request.inactivityTimeoutMs);
        body.append(chunk.value);
        received += chunk.value.byteLength;
        request.onProgress?.({ received, total });
      }
    } finally {
      clearTimeout(inactivity);
      signal.removeEventListener('abort', cancelReader);
    }
    // A cancel or a timeout may end the stream as if it were complete: the flags decide, not the stream.
    if (readError !== null || outer?.aborted || timedOut !== null) {
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

  return {
    ok: true,
    answer: {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: body.bytes(),
    },
  };
}

/** Content-Length counts encoded bytes; when the body is compressed it says nothing about what we read. */
function declaredLength(headers: Headers): number | null {
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return null;
  const length = headers.get('content-length');
  if (length === null || !/^\s*\d+\s*$/.test(length)) return null;
  return Number(length);
}

/**
 * The body's bytes in one buffer of its own (never Node's shared pool, so it can be transferred to a
 * worker thread). With a declared length it is allocated once and filled as chunks come, so a 50 MB
 * body is not held twice (chunks, then their copy); without one the chunks are joined at the end.
 */
class BodyBuffer {
  private readonly chunks: Uint8Array[] = [];
  private filled: Uint8Array | null;
  private size = 0;

  constructor(declared: number | null) {
    this.filled = declared === null || declared > 2 ** 31 ? null : new Uint8Array(declared);
  }

  append(chunk: Uint8Array): void {
    if (this.filled !== null && this.size + chunk.byteLength <= this.filled.byteLength) {
      this.filled.set(chunk, this.size);
    } else {
      if (this.filled !== null) this.chunks.push(this.filled.subarray(0, this.size)); // longer than declared
      this.filled = null;
      this.chunks.push(chunk);
    }
    this.size += chunk.byteLength;
  }

  bytes(): Uint8Array {
    if (this.filled !== null)
      return this.size === this.filled.byteLength ? this.filled : this.filled.slice(0, this.size);
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }
}

/** The body as text; `lossy` when it was not valid UTF-8 and holds replacement characters. */
export function decodeUtf8(bytes: Uint8Array): { text: string; lossy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), lossy: true };
  }
}
