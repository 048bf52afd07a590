// Failures as values people can act on: a stable code the page translates into plain words, an
// English message for the log and the command line, and the technical detail kept apart.

export const ERROR_CODES = [
  // Altcraft answered, and refused
  'token-refused', // 401
  'tariff-limit', // 402
  'no-rights', // 403
  'program-not-found',
  'bad-request', // 400
  'altcraft-error', // error ≠ 0 with any other code
  // No valid answer came back
  'host-not-found',
  'connection-refused',
  'certificate',
  'timeout',
  'cut-off',
  'not-json',
  'malformed-response',
  'code-too-long', // longer than an Excel cell holds
  'answer-too-large', // past MAX_ANSWER_BYTES
  'server-error',
  'network',
  'cancelled',
  // The keychain
  'token-missing',
  'keychain-unavailable',
  // Files
  'permission-denied',
  'disk-full',
  'file-locked',
  'read-only',
  'path-too-long',
  'file-write-failed',
  'not-a-workbook',
  // The app itself
  'invalid-input',
  'not-found',
  'worker-unavailable', // the part that holds the codes could not start: a broken install
  'unexpected',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a file is 'not-a-workbook': each has its own plain words on the page. */
export const UNREADABLE_REASONS = ['over-limit', 'not-a-workbook', 'damaged', 'no-code-column'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** The shape of a failure as it crosses IPC and reaches the page: plain data, no stack. */
export interface AppErrorInfo {
  code: ErrorCode;
  /** English, for people; the page shows its own translation of `code` and keeps this as a fallback. */
  message: string;
  /** Technical detail for the "Details" fold and the log. Never holds a token. */
  detail?: string;
  /** With 'not-a-workbook': why the file could not be read. */
  reason?: UnreadableReason;
  /** Altcraft's own `error` and `error_text`, when Altcraft answered with them. */
  altcraft?: { error: number; errorText: string };
  /** The HTTP status, when one came back. */
  httpStatus?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly altcraft: AppErrorInfo['altcraft'];
  readonly httpStatus: number | undefined;
  readonly reason: UnreadableReason | undefined;

  constructor(info: AppErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'AppError';
    this.code = info.code;
    this.detail = info.detail;
    this.altcraft = info.altcraft;
    this.httpStatus = info.httpStatus;
    this.reason = info.reason;
  }

  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { code: this.code, message: this.message };
    if (this.detail !== undefined) info.detail = this.detail;
    if (this.altcraft !== undefined) info.altcraft = this.altcraft;
    if (this.httpStatus !== undefined) info.httpStatus = this.httpStatus;
    if (this.reason !== undefined) info.reason = this.reason;
    return info;
  }
}

/** What the person can stop, each with its own words for what did (or did not) happen. */
const CANCELLED = {
  download: 'The download was cancelled.',
  export: 'The export was cancelled. No file was changed.',
  'workbook-open': 'Opening the workbook was cancelled.',
  'connection-add': 'Cancelled: no connection was saved.',
} as const;

export type CancelledWork = keyof typeof CANCELLED;

/** The one failure for "the person stopped it": always the code 'cancelled'. */
export function cancelledError(what: CancelledWork): AppError {
  return new AppError({ code: 'cancelled', message: CANCELLED[what] });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What every call across IPC answers: a value, or a failure the page can show. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };
