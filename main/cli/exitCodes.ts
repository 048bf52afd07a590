// The exit codes scripts rely on (issue 5), and which failure gets which. AppError codes decide, so a
// new refusal or disk failure the services learn to name lands in the right group without changes here.
import type { ErrorCode } from '../../app/appError';
import { AppError, isAppError } from '../../app/appError';

export const EXIT = {
  done: 0,
  failed: 1,
  usage: 2,
  /** Altcraft answered and refused: HTTP 4xx or `error ≠ 0`. */
  refused: 3,
  /** No valid answer: network, timeout, 5xx, not JSON, cut off, malformed. */
  noValidAnswer: 4,
  fileNotWritten: 5,
  /** An input file could not be read: missing, not a workbook, damaged, over a limit. */
  unreadableInput: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong usage of the command line: a missing or contradictory option, an unknown name. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const EXIT_BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  'token-refused': EXIT.refused,
  'tariff-limit': EXIT.refused,
  'no-rights': EXIT.refused,
  'program-not-found': EXIT.refused,
  'bad-request': EXIT.refused,
  'altcraft-error': EXIT.refused,

  'host-not-found': EXIT.noValidAnswer,
  'connection-refused': EXIT.noValidAnswer,
  certificate: EXIT.noValidAnswer,
  timeout: EXIT.noValidAnswer,
  'cut-off': EXIT.noValidAnswer,
  'not-json': EXIT.noValidAnswer,
  'malformed-response': EXIT.noValidAnswer,
  'code-too-long': EXIT.noValidAnswer,
  'answer-too-large': EXIT.noValidAnswer,
  'server-error': EXIT.noValidAnswer,
  network: EXIT.noValidAnswer,

  'permission-denied': EXIT.fileNotWritten,
  'disk-full': EXIT.fileNotWritten,
  'file-locked': EXIT.fileNotWritten,
  'read-only': EXIT.fileNotWritten,
  'path-too-long': EXIT.fileNotWritten,
  'file-write-failed': EXIT.fileNotWritten,

  // A host the services reject as an address is a mistyped argument.
  'invalid-input': EXIT.usage,
};

/** A file the command was given to read, and why it could not be: the message names the file. */
export class UnreadableInput extends AppError {
  constructor(path: string, cause: AppError) {
    super({ ...cause.toInfo(), message: `Could not read ${path}: ${cause.message}` }, { cause });
    this.name = 'UnreadableInput';
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof UnreadableInput) return EXIT.unreadableInput;
  if (isAppError(error)) return EXIT_BY_CODE[error.code] ?? EXIT.failed;
  return EXIT.failed;
}
