// Turns a file-system failure into an AppError that tells non-technical staff what to do next.
// Shared by every writer that saves a file for the user (workbook, CSV, and anything after them).

import { AppError, isAppError, type ErrorCode } from '../../../app/appError';

/** Where in an atomic save the failure happened: `replace` is the final rename over the target. */
export type SaveStage = 'create' | 'write' | 'flush' | 'replace';

export interface SaveFailureContext {
  /** The file the user chose. */
  target: string;
  stage: SaveStage;
  /** Whether the target already existed when the rename failed (only meaningful for `replace`). */
  targetExists?: boolean;
  /** Injected so the Windows-only rules can be tested on Linux. */
  platform?: NodeJS.Platform;
}

const MESSAGES: Record<FileErrorCode, string> = {
  'permission-denied':
    'Promo Exporter is not allowed to save in this folder. Choose another folder (for example Documents) or ask your administrator for access.',
  'disk-full': 'The disk is full. Free some space or save to another drive, then try again.',
  'file-locked':
    'The file is open in another program (such as Excel). Close it there and try again, or save under another name.',
  'read-only': 'This drive or folder is read-only. Save to another folder or drive.',
  'path-too-long':
    'The file name or folder path is too long. Choose a shorter file name or a folder nearer the top of the drive.',
  'file-write-failed': 'The file could not be saved. Try again, or save to another folder.',
};

type FileErrorCode =
  'permission-denied' | 'disk-full' | 'file-locked' | 'read-only' | 'path-too-long' | 'file-write-failed';

/** The stable code for an fs error, following the rules the page and the CLI rely on. */
export function fileErrorCode(errno: string | undefined, context: SaveFailureContext): FileErrorCode {
  const platform = context.platform ?? process.platform;
  if (context.stage === 'replace' && context.targetExists === true) {
    // Windows refuses to replace a file another program holds open (Excel does): EBUSY, or EPERM/EACCES.
    if (errno === 'EBUSY') return 'file-locked';
    if (platform === 'win32' && (errno === 'EPERM' || errno === 'EACCES')) return 'file-locked';
  }
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'ENAMETOOLONG':
      return 'path-too-long';
    case 'EBUSY':
      return 'file-locked';
    default:
      return 'file-write-failed';
  }
}

/** Wraps any failure of a save as an AppError; AppErrors (a cancel, say) pass through unchanged. */
export function fileWriteError(error: unknown, context: SaveFailureContext): AppError {
  if (isAppError(error)) return error;
  const errno = errnoOf(error);
  const code: ErrorCode = fileErrorCode(errno, context);
  let message = MESSAGES[code];
  if (code === 'file-write-failed' && (errno === 'ENOENT' || errno === 'ENOTDIR')) {
    message = 'The folder could not be found. It may have been moved or removed: choose another folder.';
  }
  const technical = error instanceof Error ? error.message : String(error);
  return new AppError(
    { code, message, detail: `${context.stage} ${context.target}: ${technical}` },
    { cause: error },
  );
}

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
