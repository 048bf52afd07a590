// The lock the app and the command line take around every read-change-write of the settings file,
// so two processes saving at the same moment both keep their change. proper-lockfile makes the lock a
// folder beside the file (mkdir is atomic everywhere, network drives included) and keeps touching it
// while it is held: a lock nobody touched for a while belongs to a process that crashed, and is taken over.
import lockfile from 'proper-lockfile';
import { AppError } from '../../app/appError';
import { fileWriteError } from './workbook/fileWriteError';

/** A holder refreshes its lock every half of this; one left untouched this long is a crashed process's. */
export const LOCK_STALE_MS = 5_000;
/** How long to wait for another process's lock: longer than LOCK_STALE_MS, so a crashed one's is outlasted. */
export const LOCK_WAIT_MS = 15_000;

export interface LockOptions {
  /** How long to wait for the lock before giving up (LOCK_WAIT_MS unless a test says otherwise). */
  waitMs?: number;
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

/**
 * Runs `work` while holding the lock on `file`. Throws a plain AppError when the lock stays held by
 * another process, or when the lock was lost before `work` finished (its result is then not trusted).
 */
export async function withFileLock<T>(
  file: string,
  work: (stillHeld: () => void) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  let lost: Error | null = null;
  const release = await takeLock(file, options.waitMs ?? LOCK_WAIT_MS, (error) => {
    lost = error;
  });
  const stillHeld = (): void => {
    if (lost !== null) throw lockLost(file, lost);
  };
  try {
    const result = await work(stillHeld);
    stillHeld();
    return result;
  } finally {
    // A lost lock is no longer ours to remove.
    if (lost === null) await release().catch(() => undefined);
  }
}

async function takeLock(
  file: string,
  waitMs: number,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await lockfile.lock(file, {
        // The settings file may not exist yet; the lock does not need it to.
        realpath: false,
        lockfilePath: lockPathFor(file),
        stale: LOCK_STALE_MS,
        // proper-lockfile's default throws from a timer, which would crash the app.
        onCompromised,
      });
    } catch (error) {
      if (!isHeldElsewhere(error))
        throw fileWriteError(error, { target: lockPathFor(file), stage: 'create' });
      if (Date.now() >= deadline) throw lockBusy(file, waitMs, error);
      // A little randomness, so two processes waiting on each other do not retry in step.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

function isHeldElsewhere(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ELOCKED';
}

function lockBusy(file: string, waitMs: number, cause: unknown): AppError {
  return new AppError(
    {
      code: 'file-locked',
      message: `The settings are being saved by another Promo Exporter (the app or the command line), which did not finish within ${Math.round(waitMs / 1000)} seconds. Try again in a moment; if it keeps happening, close the other one.`,
      detail: `lock ${lockPathFor(file)} held by another process`,
    },
    { cause },
  );
}

function lockLost(file: string, cause: Error): AppError {
  return new AppError(
    {
      code: 'file-write-failed',
      message:
        'The settings may not have been saved: this Promo Exporter stalled and another one took the settings over meanwhile. Try again.',
      detail: `lock ${lockPathFor(file)} lost: ${cause.message}`,
    },
    { cause },
  );
}
