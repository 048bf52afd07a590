// Reads a file that should be small, refusing one past its limit before its bytes are read: a file
// someone replaced with gigabytes (or with /dev/zero) must not be pulled into memory.
import { open } from 'node:fs/promises';

export type LimitedRead = { kind: 'read'; bytes: Buffer } | { kind: 'too-big'; size: number };

/** The file's bytes, or `too-big` when it holds more than `maxBytes`; a missing file throws ENOENT. */
export async function readLimitedFile(path: string, maxBytes: number): Promise<LimitedRead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'too-big', size };
    // The size can lie (a device, a file still growing): reading stops one byte past the limit anyway.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const room = maxBytes + 1 - total;
      const { bytesRead, buffer } = await handle.read(
        Buffer.alloc(Math.min(room, 64 * 1024)),
        0,
        undefined,
        null,
      );
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { kind: 'too-big', size: total };
    }
    return { kind: 'read', bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}
