// Failures below HTTP (no answer, or an answer that broke off) turned into AppErrors. Node's fetch
// reports them as `TypeError: fetch failed` with the system error code somewhere down the `cause`
// chain (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, UND_ERR_SOCKET...); Electron's net.fetch puts
// Chromium's `net::ERR_...` name in the message. Both are read.
import { AppError, cancelledError } from '../../../app/appError';
import type { AttemptFailure } from './attemptFailure';

export type TimedOut = 'connect' | 'inactivity' | null;

interface Situation {
  host: string;
  /** The caller's signal fired: the person cancelled. */
  cancelled: boolean;
  /** Which of our own timers fired, if one did. */
  timedOut: TimedOut;
  timeoutMs: number;
}

const DNS = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_NODATA',
  'EAI_FAIL',
  'ERR_NAME_NOT_RESOLVED',
]);
const DNS_TEMPORARY = new Set(['EAI_AGAIN']);
const REFUSED = new Set(['ECONNREFUSED', 'ERR_CONNECTION_REFUSED']);
const TIMEOUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_TIMED_OUT',
  'ERR_CONNECTION_TIMED_OUT',
]);
const CERTIFICATE = /CERT|SSL|TLS|^EPROTO$/;

/** No response headers came back. */
export function requestFailure(error: unknown, situation: Situation): AttemptFailure {
  if (situation.cancelled) return { error: cancelledError('download'), retryable: false };
  const { host } = situation;
  if (situation.timedOut !== null) {
    const seconds = Math.round(situation.timeoutMs / 1000);
    return retry(
      new AppError({
        code: 'timeout',
        message: `${host} did not answer within ${seconds} seconds. The server or the network may be busy: try again later.`,
        detail: `No response headers within ${situation.timeoutMs} ms.`,
      }),
    );
  }
  const { codes, text } = signalsOf(error);
  const has = (set: ReadonlySet<string>) => codes.some((code) => set.has(code));
  const detail = `${text}${codes.length > 0 ? ` [${codes.join(', ')}]` : ''}`;

  if (has(DNS)) {
    const failure = new AppError(
      {
        code: 'host-not-found',
        message: `The host ${host} could not be found. Check the host address for typos, and that this computer is online.`,
        detail,
      },
      { cause: error },
    );
    return { error: failure, retryable: has(DNS_TEMPORARY) };
  }
  if (has(REFUSED)) {
    return retry(
      new AppError(
        {
          code: 'connection-refused',
          message: `${host} refused the connection. The address or port may be wrong, or the server may be down.`,
          detail,
        },
        { cause: error },
      ),
    );
  }
  if (has(TIMEOUT)) {
    return retry(
      new AppError(
        {
          code: 'timeout',
          message: `${host} did not answer in time. The server or the network may be busy: try again later.`,
          detail,
        },
        { cause: error },
      ),
    );
  }
  if (codes.some((code) => CERTIFICATE.test(code))) {
    const failure = new AppError(
      {
        code: 'certificate',
        message: `The secure connection to ${host} could not be trusted (a certificate problem). Ask your IT department; a company proxy may be intercepting the connection.`,
        detail,
      },
      { cause: error },
    );
    return { error: failure, retryable: false };
  }
  return retry(
    new AppError(
      {
        code: 'network',
        message: `The connection to ${host} failed. Check the internet connection or the proxy settings, then try again.`,
        detail,
      },
      { cause: error },
    ),
  );
}

/** The headers came, then the body broke off or went quiet. */
export function bodyFailure(
  error: unknown,
  situation: Situation & { received: number; total: number | null },
): AttemptFailure {
  if (situation.cancelled) return { error: cancelledError('download'), retryable: false };
  const got = `${situation.received} of ${situation.total ?? 'an unknown number of'} bytes received`;
  if (situation.timedOut !== null) {
    const seconds = Math.round(situation.timeoutMs / 1000);
    return retry(
      new AppError({
        code: 'timeout',
        message: `The download from ${situation.host} stopped: no data arrived for ${seconds} seconds. Try again later.`,
        detail: `No body bytes for ${situation.timeoutMs} ms; ${got}.`,
      }),
    );
  }
  const { codes, text } = signalsOf(error);
  return retry(
    new AppError(
      {
        code: 'cut-off',
        message: `The answer from ${situation.host} was cut off before it was complete. Try again.`,
        detail: `${text}${codes.length > 0 ? ` [${codes.join(', ')}]` : ''}; ${got}.`,
      },
      { cause: error },
    ),
  );
}

function retry(error: AppError): AttemptFailure {
  return { error, retryable: true };
}

/** Every error code and message down the cause chain (and inside AggregateErrors). */
function signalsOf(error: unknown): { codes: string[]; text: string } {
  const codes: string[] = [];
  const messages: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 20; seen++) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
    if (typeof message === 'string' && message !== '') {
      messages.push(message);
      for (const match of message.matchAll(/net::(ERR_[A-Z_]+)/g)) {
        if (match[1] !== undefined && !codes.includes(match[1])) codes.push(match[1]);
      }
    }
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return { codes, text: messages.join(': ') || String(error) };
}
