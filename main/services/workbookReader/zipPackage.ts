// The parts of an .xlsx (a zip), opened by name in the order the reading needs them, on yauzl. Every
// limit is checked before memory is spent: the entry count before the directory is read, each part's
// declared size before it is unpacked, and while it unpacks, its real size against the declared one
// (a part that grows one byte past what it declared is stopped there) and against what the whole
// package may unpack to. Entry names are only ever looked up, never used as paths on disk, and names
// that climb out of the package are left out, so no relationship can reach them.

import { open } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../../app/appError';
import { READ_LIMITS } from './readLimits';
import { unreadable } from './unreadable';

export interface ZipPackage {
  /** Part names as the zip spells them (without those left out). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** What the zip says the part unpacks to; 0 for a part it does not hold. */
  declaredSize(name: string): number;
  /** The part as UTF-8 text; `onBytes` hears of each unpacked chunk's size, for progress. */
  text(
    name: string,
    options?: { signal?: AbortSignal; onBytes?: (bytes: number) => void },
  ): Promise<Readable>;
  close(): void;
}

const UNPACKED_AHEAD = 512 * 1024;

interface Part {
  entry: yauzl.Entry;
  name: string;
}

/** Opens the zip and reads its directory; fails with 'not-a-workbook' for anything that is not a zip. */
export async function openZipPackage(path: string, limits = READ_LIMITS): Promise<ZipPackage> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, opened) => (error === null && opened !== undefined ? resolve(opened) : reject(error)),
    );
  }).catch(async (error: unknown) => {
    throw await openFailure(path, error);
  });
  try {
    const parts = await readDirectory(zip, limits);
    return packageOf(zip, parts, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function readDirectory(zip: yauzl.ZipFile, limits: typeof READ_LIMITS): Promise<Map<string, Part>> {
  if (zip.entryCount > limits.entries) {
    throw unreadable(
      'over-limit',
      `the zip lists ${zip.entryCount} parts; at most ${limits.entries} are read`,
    );
  }
  const parts = new Map<string, Part>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: unknown) => reject(directoryFailure(error)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entryName(entry);
      if (name !== null) {
        const key = name.toLowerCase(); // part names are compared without case (ECMA-376 part 2)
        if (parts.has(key)) {
          reject(unreadable('damaged', `the zip holds the part ${name} twice`));
          return;
        }
        parts.set(key, { entry, name });
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
  return parts;
}

function packageOf(zip: yauzl.ZipFile, parts: Map<string, Part>, limits: typeof READ_LIMITS): ZipPackage {
  let unpackedTotal = 0;
  const find = (name: string) => parts.get(name.toLowerCase());

  return {
    names: [...parts.values()].map((part) => part.name),
    has: (name) => find(name) !== undefined,
    declaredSize: (name) => find(name)?.entry.uncompressedSize ?? 0,
    async text(name, options = {}) {
      const part = find(name);
      if (part === undefined) throw unreadable('not-a-workbook', `it has no part ${name}`);
      const declared = part.entry.uncompressedSize;
      if (declared > limits.totalUnpackedBytes - unpackedTotal) {
        throw unreadable(
          'over-limit',
          `${name} unpacks to ${declared} bytes; the whole file may unpack to ${limits.totalUnpackedBytes}`,
        );
      }
      options.signal?.throwIfAborted();
      const raw = await new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(part.entry, (error, stream) =>
          error === null && stream !== undefined ? resolve(stream) : reject(partFailure(name, error)),
        );
      });
      let unpacked = 0;
      const guard = new Transform({
        // Room for a few hundred KB of text, so unpacking (on libuv's threads) runs ahead of parsing.
        readableHighWaterMark: UNPACKED_AHEAD,
        transform(chunk: Buffer, _encoding, done: TransformCallback) {
          unpacked += chunk.length;
          unpackedTotal += chunk.length;
          if (unpacked > declared) {
            done(unreadable('damaged', `${name} unpacks to more than the ${declared} bytes the zip says`));
            return;
          }
          options.onBytes?.(chunk.length);
          done(null, chunk);
        },
      });
      const stop = (error: unknown) => {
        // yauzl's destroy stops reading the file and unpacking: nothing more is inflated.
        raw.unpipe(guard);
        raw.destroy();
        guard.destroy(error as Error);
      };
      raw.on('error', (error) => stop(partFailure(name, error)));
      guard.on('error', () => {
        raw.unpipe(guard);
        raw.destroy();
      });
      const onAbort = () => stop(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      guard.on('close', () => options.signal?.removeEventListener('abort', onAbort));
      raw.pipe(guard);
      return guard.setEncoding('utf8');
    },
    close: () => zip.close(),
  };
}

/** The entry's name, or null for a folder or a name that could reach outside the package. */
function entryName(entry: yauzl.Entry): string | null {
  const raw = entry.fileName as unknown as Buffer;
  // Bit 11 says UTF-8; otherwise the name is CP437, whose ASCII half is all an .xlsx part name uses.
  const name = raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
  if (name.endsWith('/') || name.includes('\\') || name.includes('\u0000')) return null;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null;
  if (name.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return name;
}

const LOCAL_HEADER = Buffer.from('PK\u0003\u0004', 'latin1');

/** Errors of the file itself (missing, no permission) pass as they are, for the caller to name. */
async function openFailure(path: string, error: unknown): Promise<unknown> {
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && errno.startsWith('E')) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!/signature not found/i.test(message)) return directoryFailure(error);
  // No end of the zip's directory: a zip cut short still starts like one; anything else is no zip.
  const start = Buffer.alloc(LOCAL_HEADER.length);
  const file = await open(path, 'r');
  try {
    await file.read(start, 0, start.length, 0);
  } finally {
    await file.close();
  }
  return start.equals(LOCAL_HEADER)
    ? unreadable('damaged', `the zip is cut short: ${message}`, error)
    : unreadable('not-a-workbook', `it is not a zip archive: ${message}`, error);
}

function directoryFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return unreadable('damaged', `its zip directory is damaged: ${message}`, error);
}

function partFailure(name: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return unreadable('damaged', `${name} could not be unpacked: ${message}`, error);
}
