// Non-secret settings (connections without tokens, their loyalty programs, the window's size and
// place, the program shown last, the last folder) in one JSON file in the app's data folder, shared
// with the command line. Written atomically under a lock both take; a corrupt file is set aside and
// reported, never a crash at start. Saved the way workbooks are: complete or not at all.
import { chmod, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isAppError } from '../../app/appError';
import { readLimitedFile } from './readLimitedFile';
import { withFileLock } from './settingsLock';
import { saveAtomically } from './workbook/atomicSave';

const programSchema = z.object({
  loyaltyId: z.number().int().positive(),
  name: z.string().nullable(),
  lastFetchedAt: z.number().nullable(),
  lastCount: z.number().int().nonnegative().nullable(),
});

const connectionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  host: z.string(),
  programs: z.array(programSchema),
});

const recentExportSchema = z.object({
  path: z.string(),
  kind: z.enum(['xlsx', 'csv']),
  programs: z.array(z.string()),
  rows: z.number().int().nonnegative(),
  at: z.number(),
});

const settingsSchema = z.object({
  version: z.literal(1),
  connections: z.array(connectionSchema),
  window: z
    .object({
      x: z.number().int().optional(),
      y: z.number().int().optional(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
      maximized: z.boolean(),
    })
    .nullable(),
  /** The program the window showed last, shown again at the next start. */
  selectedProgram: z
    .object({ connectionId: z.string().min(1), loyaltyId: z.number().int().positive() })
    .nullable()
    .default(null),
  lastSaveFolder: z.string().nullable(),
  recentExports: z.array(recentExportSchema).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;
export type StoredConnection = z.infer<typeof connectionSchema>;
export type StoredProgram = z.infer<typeof programSchema>;
export type RecentExport = z.infer<typeof recentExportSchema>;

export const SETTINGS_FILE = 'settings.json';
/** The data folder and the settings file are for their owner's eyes: they name hosts and files. */
export const DATA_FOLDER_MODE = 0o700;
export const SETTINGS_FILE_MODE = 0o600;
/**
 * Settings take kilobytes (a thousand saved programs come to about 150 KB); a file past this limit
 * is not one the app wrote, and is set aside unread, like a corrupt one.
 */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

export function defaultSettings(): Settings {
  return {
    version: 1,
    connections: [],
    window: null,
    selectedProgram: null,
    lastSaveFolder: null,
    recentExports: [],
  };
}

export interface SettingsStore {
  /** The settings as this process last read or wrote them. */
  get(): Settings;
  /**
   * Applies a change to the settings as they are on disk now and writes them back, all under a lock
   * the command line takes too: whatever another process saved meanwhile is kept.
   */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Where an unreadable settings file was moved, so the app can tell the person. */
  readonly setAsidePath: string | null;
}

export interface SettingsStoreOptions {
  /** How long an update waits for another process to finish saving (LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export async function openSettingsStore(
  dataDir: string,
  options: SettingsStoreOptions = {},
): Promise<SettingsStore> {
  const file = join(dataDir, SETTINGS_FILE);
  await createDataFolder(dataDir);
  const locked = <T>(work: (stillHeld: () => void) => Promise<T>): Promise<T> =>
    withFileLock(file, work, options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs });

  let setAsidePath: string | null = null;
  /** What is on disk now; an unreadable file is moved aside (never overwritten) and `fallback` used. */
  const readLatest = async (fallback: Settings): Promise<Settings> => {
    const found = await readSettings(file);
    if (found.kind === 'settings') return found.settings;
    if (found.kind === 'unreadable') setAsidePath = await setAside(file, found.reason);
    return fallback;
  };

  // Under the lock, so two processes starting together cannot both move the same file aside.
  let current = await locked(() => readLatest(defaultSettings())).catch(async (error: unknown) => {
    if (isAppError(error) && error.code === 'file-locked') throw error;
    // A folder that refuses the lock (read-only) refuses every save too: what is there can still be
    // read, so the connections show; nothing is moved aside, and a save later says why it failed.
    const found = await readSettings(file);
    return found.kind === 'settings' ? found.settings : defaultSettings();
  });
  // One update at a time in this process; the lock orders them against other processes.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    get: () => current,
    get setAsidePath() {
      return setAsidePath;
    },
    update(change) {
      const step = queue.then(() =>
        locked(async (stillHeld) => {
          // A file gone missing meanwhile is rebuilt from what this process knew.
          const latest = await readLatest(current);
          const next = settingsSchema.parse(change(structuredClone(latest)));
          stillHeld();
          // 0600 even over a file an older version left readable by others.
          await saveAtomically(
            file,
            async (output) => {
              output.end(JSON.stringify(next, null, 2));
            },
            undefined,
            { mode: SETTINGS_FILE_MODE },
          );
          current = next;
          return next;
        }),
      );
      queue = step.catch(() => undefined);
      return step;
    },
  };
}

/**
 * The app's own folder is created 0700 whatever the umask (Electron creates `userData` so too). One
 * that already exists keeps its mode: PROMO_EXPORTER_DATA_DIR may name a folder the person set up.
 */
async function createDataFolder(dataDir: string): Promise<void> {
  const created = await mkdir(dataDir, { recursive: true, mode: DATA_FOLDER_MODE });
  if (created !== undefined) await chmod(dataDir, DATA_FOLDER_MODE);
}

type SettingsOnDisk =
  | { kind: 'settings'; settings: Settings }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: 'corrupt' | 'too-big' };

async function readSettings(file: string): Promise<SettingsOnDisk> {
  let text: string;
  try {
    const found = await readLimitedFile(file, MAX_SETTINGS_BYTES);
    if (found.kind === 'too-big') return { kind: 'unreadable', reason: 'too-big' };
    text = found.bytes.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    // A folder where the file should be is no settings file either.
    if (code === 'EISDIR') return { kind: 'unreadable', reason: 'corrupt' };
    throw error;
  }
  try {
    return { kind: 'settings', settings: settingsSchema.parse(JSON.parse(text)) };
  } catch {
    return { kind: 'unreadable', reason: 'corrupt' };
  }
}

/** Moves the file to `settings.json.<reason>-<time>` (corrupt, too-big): the person can still find it. */
async function setAside(file: string, reason: string): Promise<string> {
  const path = `${file}.${reason}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, path);
  return path;
}
