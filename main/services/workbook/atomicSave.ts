// Saves a file so the user's target is either fully replaced or left exactly as it was: the bytes go to a
// hidden temporary file in the same folder (same file system, so the rename is atomic), are flushed to
// disk, and only then renamed over the target. On any failure or cancel the temporary file is removed.
// A replaced file keeps its permissions (a 0600 export stays 0600); a new one follows the umask.

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError, cancelledError } from '../../../app/appError';
import { fileWriteError, type SaveStage } from './fileWriteError';

/** Writes the content into `output` and resolves once it has called `output.end()`. */
export type WriteContent<T> = (output: Writable, signal: AbortSignal) => Promise<T>;

/** Leaves room under the usual 255-byte file-name limit for the `.~` prefix and the random suffix. */
const MAX_TEMP_NAME_BYTES = 200;

export interface SaveOptions {
  /**
   * The saved file's permission bits, exactly, whatever the umask (the settings file: 0600). Without
   * it a replaced file keeps its own, and a new one gets what the person's umask leaves of 0666.
   */
  mode?: number;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw cancelledError('export');
}

export async function saveAtomically<T>(
  target: string,
  write: WriteContent<T>,
  signal?: AbortSignal,
  options: SaveOptions = {},
): Promise<T> {
  throwIfCancelled(signal);
  const temp = temporaryPathFor(target);
  const mode = options.mode ?? (await modeToKeep(target));
  // One controller stops the writer whether the user cancels or the disk fails under it.
  const stop = new AbortController();
  const onCancel = (): void => stop.abort(cancelledError('export'));
  signal?.addEventListener('abort', onCancel, { once: true });

  let stage: SaveStage = 'create';
  // The stream owns the descriptor: it opens the file (`wx`: never someone else's), and on finishing
  // flushes it to disk (fsync) before closing it; 'close' comes only after both worked.
  // Created with the mode it will have (less what the umask takes), so it is never more open than that.
  const output = createWriteStream(temp, { flags: 'wx', flush: true, mode: mode ?? 0o666 });
  const closed = new Promise<void>((resolve) => output.once('close', resolve));
  const flushed = new Promise<void>((resolve, reject) => {
    output.once('open', () => {
      stage = 'write';
    });
    output.once('finish', () => {
      stage = 'flush';
    });
    output.once('close', resolve);
    // `on`, not `once`: whatever is still piping into a failed stream must not crash the process.
    output.on('error', (error) => {
      stop.abort(error);
      reject(error);
    });
  });
  const stopped = new Promise<never>((_, reject) => {
    const fail = (): void => reject(stop.signal.reason);
    if (stop.signal.aborted) fail();
    else stop.signal.addEventListener('abort', fail, { once: true });
  });
  flushed.catch(() => undefined);
  stopped.catch(() => undefined);

  try {
    const writing = write(output, stop.signal);
    // A writer blocked on a dead stream may never settle: the race lets the failure win regardless.
    writing.catch(() => undefined);
    const value = await Promise.race([writing, stopped]);
    await Promise.race([flushed, stopped]);
    throwIfCancelled(signal);

    // Then exactly that mode, bits the umask took included. A file system without permission bits (FAT
    // on a USB stick) may refuse: the file is then as that system makes it, which is no more open.
    if (mode !== undefined) await chmod(temp, mode).catch(() => undefined);
    stage = 'replace';
    await rename(temp, target);
    await flushFolder(dirname(target));
    return value;
  } catch (error) {
    output.destroy();
    // Windows cannot delete a file that is still open.
    await closed;
    // Only once it was opened is the file ours: `wx` refused any file already there.
    if (stage !== 'create') await unlink(temp).catch(() => undefined);
    const cause = stop.signal.aborted && !(error instanceof AppError) ? stop.signal.reason : error;
    const targetExists = stage === 'replace' ? await exists(target) : undefined;
    throw fileWriteError(cause ?? error, { target, stage, targetExists });
  } finally {
    signal?.removeEventListener('abort', onCancel);
  }
}

/** `.~<name>.<random>.tmp` beside the target: hidden, and clearly ours if a crash ever leaves one. */
export function temporaryPathFor(target: string): string {
  const name = truncateUtf8(basename(target), MAX_TEMP_NAME_BYTES);
  return join(dirname(target), `.~${name}.${randomBytes(4).toString('hex')}.tmp`);
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    result += char;
  }
  return result;
}

/**
 * The permission bits of the file about to be replaced, so replacing it does not change who may read
 * it. Windows has no such bits (its files take their folder's access rules), so nothing is kept there.
 */
async function modeToKeep(target: string): Promise<number | undefined> {
  if (process.platform === 'win32') return undefined;
  const existing = await stat(target).catch(() => undefined);
  return existing?.isFile() === true ? existing.mode & 0o777 : undefined;
}

/** Makes the rename itself durable; folders cannot be opened for this on Windows, which is fine. */
async function flushFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort: the data is already flushed and renamed.
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
