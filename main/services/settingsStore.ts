// Non-secret settings (connections without tokens, their loyalty programs, window size, last
// folder) in one JSON file in the app's data folder. Written atomically; a corrupt file is set
// aside and reported, never a crash at start.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

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
    .object({ width: z.number().int().min(400), height: z.number().int().min(300), maximized: z.boolean() })
    .nullable(),
  lastSaveFolder: z.string().nullable(),
  recentExports: z.array(recentExportSchema).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;
export type StoredConnection = z.infer<typeof connectionSchema>;
export type StoredProgram = z.infer<typeof programSchema>;
export type RecentExport = z.infer<typeof recentExportSchema>;

export const SETTINGS_FILE = 'settings.json';

export function defaultSettings(): Settings {
  return { version: 1, connections: [], window: null, lastSaveFolder: null, recentExports: [] };
}

export interface SettingsStore {
  get(): Settings;
  /** Applies a change and writes the file; writes are serialised so none is lost. */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Where a corrupt settings file was moved at start, so the app can tell the person. */
  readonly setAsidePath: string | null;
}

export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const file = join(dataDir, SETTINGS_FILE);
  await mkdir(dataDir, { recursive: true });
  const { settings: loaded, setAsidePath } = await load(file);
  let current = loaded;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    setAsidePath,
    update(change) {
      const next = settingsSchema.parse(change(structuredClone(current)));
      current = next;
      const write = queue.then(() => writeAtomically(file, JSON.stringify(next, null, 2)));
      queue = write.catch(() => undefined);
      return write.then(() => next);
    },
  };
}

async function load(file: string): Promise<{ settings: Settings; setAsidePath: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: defaultSettings(), setAsidePath: null };
    throw error;
  }
  try {
    return { settings: settingsSchema.parse(JSON.parse(text)), setAsidePath: null };
  } catch {
    const setAsidePath = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, setAsidePath);
    return { settings: defaultSettings(), setAsidePath };
  }
}

/** Temporary file in the same folder, flushed to disk, then renamed over the old one. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
