// A program's last fetch, kept compactly: each code's text and status, nothing more (the dates would
// triple the size and "what changed since" needs only these). The file is a short header, read without
// unpacking, then one deflated body: the statuses (a byte each), each code's length (a varint of
// UTF-16 units) and the codes' text as one UTF-8 run, which reads back as one string cut into codes.
// Reading checks every size against what the file has before trusting it.

import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { CodeStates } from './compareCodes';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

const MAGIC = Buffer.from('PESNAP1\n', 'latin1');
const MAX_HEADER_BYTES = 4096;
/** What a snapshot's body may unpack to: far above a few million codes. */
export const MAX_SNAPSHOT_UNPACKED_BYTES = 512 * 1024 * 1024;

export interface SnapshotHeader {
  loyaltyId: number;
  fetchedAt: number;
  count: number;
}

export interface Snapshot extends CodeStates, SnapshotHeader {}

export class DamagedSnapshot extends Error {
  override name = 'DamagedSnapshot';
}

export async function encodeSnapshot(
  header: Omit<SnapshotHeader, 'count'>,
  codes: CodeStates,
): Promise<Buffer> {
  const n = codes.length;
  const lengths = Buffer.alloc(n * 5);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    let length = codes.codeAt(i).length;
    while (length >= 0x80) {
      lengths[at++] = (length & 0x7f) | 0x80;
      length >>>= 7;
    }
    lengths[at++] = length;
  }
  const text = Buffer.from(Array.from({ length: n }, (_, i) => codes.codeAt(i)).join(''), 'utf8');
  const body = await deflate(Buffer.concat([codes.statuses.subarray(0, n), lengths.subarray(0, at), text]), {
    level: 6,
  });
  const headerBytes = Buffer.from(JSON.stringify({ ...header, count: n }), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(headerBytes.length);
  return Buffer.concat([MAGIC, headerLength, headerBytes, body]);
}

export function decodeHeader(file: Buffer): { header: SnapshotHeader; bodyAt: number } {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DamagedSnapshot('not a snapshot file');
  }
  const headerLength = file.readUInt32LE(MAGIC.length);
  const headerAt = MAGIC.length + 4;
  if (headerLength > MAX_HEADER_BYTES || headerAt + headerLength > file.length) {
    throw new DamagedSnapshot('its header is cut short or too long');
  }
  let header: unknown;
  try {
    header = JSON.parse(file.toString('utf8', headerAt, headerAt + headerLength));
  } catch {
    throw new DamagedSnapshot('its header is not JSON');
  }
  if (!isHeader(header)) throw new DamagedSnapshot('its header is not a snapshot header');
  return { header, bodyAt: headerAt + headerLength };
}

export async function decodeSnapshot(
  file: Buffer,
  maxUnpacked = MAX_SNAPSHOT_UNPACKED_BYTES,
): Promise<Snapshot> {
  const { header, bodyAt } = decodeHeader(file);
  let body: Buffer;
  try {
    body = await inflate(file.subarray(bodyAt), { maxOutputLength: maxUnpacked });
  } catch (error) {
    throw new DamagedSnapshot(`its body does not unpack: ${(error as Error).message}`);
  }
  const n = header.count;
  // Every code takes at least a status byte and a length byte.
  if (n * 2 > body.length) throw new DamagedSnapshot('it holds fewer codes than its header says');
  const statuses = Uint8Array.from(body.subarray(0, n));
  if (statuses.some((status) => status > 3)) throw new DamagedSnapshot('it has an unknown status');
  const lengths = new Uint32Array(n);
  let at = n;
  for (let i = 0; i < n; i += 1) {
    let length = 0;
    let shift = 0;
    for (;;) {
      if (at >= body.length || shift > 28) throw new DamagedSnapshot('its code lengths are cut short');
      const byte = body[at++] as number;
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    lengths[i] = length;
  }
  const text = body.toString('utf8', at);
  const codes = new Array<string>(n);
  let from = 0;
  for (let i = 0; i < n; i += 1) {
    const to = from + (lengths[i] as number);
    if (to > text.length) throw new DamagedSnapshot('its codes are cut short');
    codes[i] = text.slice(from, to);
    from = to;
  }
  if (from !== text.length) throw new DamagedSnapshot('it has text after its last code');
  return { ...header, length: n, codeAt: (i) => codes[i] as string, statuses };
}

function isHeader(value: unknown): value is SnapshotHeader {
  if (typeof value !== 'object' || value === null) return false;
  const { loyaltyId, fetchedAt, count } = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(loyaltyId) &&
    Number.isFinite(fetchedAt) &&
    Number.isSafeInteger(count) &&
    (count as number) >= 0
  );
}
