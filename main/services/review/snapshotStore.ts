// Where the programs' last fetches are kept: `snapshots/<connection>/<loyalty ID>.snapshot` in the
// app's data folder, never in the settings file (a million codes would make every settings save slow).
// Written whole or not at all (a temporary file renamed over the old one), readable by the owner
// only, and read with size limits like any file the app did not just write.

import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CodeStates } from './compareCodes';
import { DamagedSnapshot, decodeSnapshot, encodeSnapshot, type Snapshot } from './snapshotFormat';

export interface SnapshotStore {
  /** The program's last fetch; null when there is none. Throws DamagedSnapshot for a file it cannot trust. */
  load(connectionId: string, loyaltyId: number): Promise<Snapshot | null>;
  save(connectionId: string, loyaltyId: number, codes: CodeStates, fetchedAt: number): Promise<void>;
  /** How many bytes the program's snapshot takes on disk; null when there is none. */
  size(connectionId: string, loyaltyId: number): Promise<number | null>;
  forgetProgram(connectionId: string, loyaltyId: number): Promise<void>;
  forgetConnection(connectionId: string): Promise<void>;
}

export const SNAPSHOTS_FOLDER = 'snapshots';
/** A snapshot file larger than this was not written by the app. */
export const MAX_SNAPSHOT_FILE_BYTES = 128 * 1024 * 1024;

export function openSnapshotStore(dataDir: string): SnapshotStore {
  const root = join(dataDir, SNAPSHOTS_FOLDER);
  const folderOf = (connectionId: string) => join(root, safeName(connectionId));
  const fileOf = (connectionId: string, loyaltyId: number) =>
    join(folderOf(connectionId), `${Math.trunc(loyaltyId)}.snapshot`);

  return {
    async load(connectionId, loyaltyId) {
      const path = fileOf(connectionId, loyaltyId);
      const size = await fileSize(path);
      if (size === null) return null;
      if (size > MAX_SNAPSHOT_FILE_BYTES) throw new DamagedSnapshot(`${path} is ${size} bytes`);
      const snapshot = await decodeSnapshot(await readFile(path));
      if (snapshot.loyaltyId !== loyaltyId) throw new DamagedSnapshot(`${path} is another program's`);
      return snapshot;
    },

    async save(connectionId, loyaltyId, codes, fetchedAt) {
      const folder = folderOf(connectionId);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const target = fileOf(connectionId, loyaltyId);
      const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      const bytes = await encodeSnapshot({ loyaltyId, fetchedAt }, codes);
      const file = await open(temp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } catch (error) {
        await file.close();
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      await file.close();
      await rename(temp, target).catch(async (error: unknown) => {
        await unlink(temp).catch(() => undefined);
        throw error;
      });
    },

    size: (connectionId, loyaltyId) => fileSize(fileOf(connectionId, loyaltyId)),

    async forgetProgram(connectionId, loyaltyId) {
      await rm(fileOf(connectionId, loyaltyId), { force: true });
    },

    async forgetConnection(connectionId) {
      await rm(folderOf(connectionId), { recursive: true, force: true });
    },
  };
}

/** A connection's ID as one harmless folder name, whatever characters it holds. */
function safeName(connectionId: string): string {
  const encoded = encodeURIComponent(connectionId).replace(/\./g, '%2E').replace(/\*/g, '%2A');
  return encoded === '' ? '%00' : encoded;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}
