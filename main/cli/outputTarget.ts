// Checks --out before the download: a mistyped folder should not cost a long download first.
// (The writers still report every failure while writing; this only catches the obvious ones early.)
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError, isAppError } from '../../app/appError';
// The module itself, not the workbook service's index, which would load the spreadsheet library.
import { fileWriteError } from '../services/workbook/fileWriteError';
import { EXIT, exitCodeFor, UsageError } from './exitCodes';

/** A folder given as --out is a usage error; a folder that is missing (or is a file) cannot be written. */
export async function checkTarget(target: string): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory() === true) {
    throw new UsageError(`--out "${target}" is a folder: give the name of the file to write.`);
  }
  const folder = dirname(target);
  const error = await stat(folder).then(
    (info) =>
      info.isDirectory() ? null : Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' }),
    (failure: unknown) => failure,
  );
  if (error !== null) throw aboutFile(fileWriteError(error, { target, stage: 'create' }), target);
}

/** File failures say which file, so a log line from a nightly job is enough to act on. */
export function aboutFile(error: unknown, target: string): unknown {
  if (!isAppError(error) || exitCodeFor(error) !== EXIT.fileNotWritten) return error;
  return new AppError(
    { ...error.toInfo(), message: `Could not write ${target}: ${error.message}` },
    { cause: error },
  );
}
