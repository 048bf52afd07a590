// Non-secret settings (connections without tokens, their loyalty programs, window size, last
// folder) in one JSON file in the app's data folder. Written atomically; a corrupt file is set
// aside and reported, never a crash at start. Saved the way workbooks are: complete or not at all.
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
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
  let seen = await modifiedAt(file);
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * The app and the command line share this file: when someone else wrote it since we last did,
   * their version is the base for our change, so neither process drops the other's connections.
   */
  const latest = async (): Promise<Settings> => {
    const now = await modifiedAt(file);
    if (now === seen) return current;
    try {
      return settingsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch {
      return current;
    }
  };

  return {
    get: () => current,
    setAsidePath,
    update(change) {
      const step = queue.then(async () => {
        const next = settingsSchema.parse(change(structuredClone(await latest())));
        await saveAtomically(file, async (output) => {
          output.end(JSON.stringify(next, null, 2));
        });
        current = next;
        seen = await modifiedAt(file);
        return next;
      });
      queue = step.catch(() => undefined);
      return step;
    },
  };
}

async function modifiedAt(file: string): Promise<number | null> {
  return stat(file).then(
    (s) => s.mtimeMs,
    () => null,
  );
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
