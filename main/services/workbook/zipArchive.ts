// Just enough of a zip reader to open an .xlsx's parts in any order, by name, as streams: the central
// directory gives each part's place, so nothing is read that is not asked for and no part is buffered.
// (exceljs's own reader streams the zip front to back instead; see workbookSheets.ts for why that fails.)
// Zip64 is understood, as are stored and deflated parts, which is all an .xlsx uses.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export class NotAZipError extends Error {
  override name = 'NotAZipError';
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  /** The part's uncompressed bytes as a stream. */
  open(name: string): Promise<Readable>;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_TAIL = 22 + 0xffff;

export async function openZip(path: string): Promise<ZipArchive> {
  const file = await open(path, 'r');
  let entries: Map<string, ZipEntry>;
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      if (bytesRead < length) throw new NotAZipError('the zip is cut short');
      return buffer;
    };
    const { size } = await file.stat();
    const tailLength = Math.min(size, MAX_TAIL);
    const tail = await read(size - tailLength, tailLength);
    const endAt = findEndOfDirectory(tail);
    let count = tail.readUInt16LE(endAt + 10);
    let directorySize = tail.readUInt32LE(endAt + 12);
    let directoryOffset = tail.readUInt32LE(endAt + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
      const locatorAt = size - tailLength + endAt - 20;
      const locator = await read(locatorAt, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new NotAZipError('zip64 locator missing');
      const end64 = await read(Number(locator.readBigUInt64LE(8)), 56);
      if (end64.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY)
        throw new NotAZipError('zip64 end record missing');
      count = Number(end64.readBigUInt64LE(32));
      directorySize = Number(end64.readBigUInt64LE(40));
      directoryOffset = Number(end64.readBigUInt64LE(48));
    }
    entries = readDirectory(await read(directoryOffset, directorySize), count);
  } finally {
    await file.close();
  }

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    async open(name) {
      const entry = entries.get(name);
      if (entry === undefined) throw new NotAZipError(`no part ${name}`);
      const file = await open(path, 'r');
      let dataStart: number;
      try {
        const header = Buffer.alloc(30);
        await file.read(header, 0, 30, entry.localHeaderOffset);
        if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new NotAZipError(`bad local header for ${name}`);
        dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      } finally {
        await file.close();
      }
      if (entry.compressedSize === 0) return Readable.from([]);
      const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
      if (entry.method === 0) return raw;
      if (entry.method !== 8) throw new NotAZipError(`${name} uses compression method ${entry.method}`);
      const inflate = createInflateRaw();
      raw.on('error', (error) => inflate.destroy(error));
      return raw.pipe(inflate);
    },
  };
}

function findEndOfDirectory(tail: Buffer): number {
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new NotAZipError('no zip end-of-directory record');
}

function readDirectory(directory: Buffer, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new NotAZipError('broken zip directory');
    }
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64 extra field: the 64-bit values, in this order, for each 32-bit field that overflowed.
    let extraAt = at + 46 + nameLength;
    const extraEnd = extraAt + extraLength;
    while (extraAt + 4 <= extraEnd) {
      const id = directory.readUInt16LE(extraAt);
      const length = directory.readUInt16LE(extraAt + 2);
      if (id === 0x0001) {
        let valueAt = extraAt + 4;
        const next = (): number => {
          const value = Number(directory.readBigUInt64LE(valueAt));
          valueAt += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extraAt += 4 + length;
    }
    entries.set(name.replace(/^\/+/, ''), { method, compressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}
