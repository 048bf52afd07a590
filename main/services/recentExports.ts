// The exports people made, newest first, kept in the settings so the page can list them with Open
// and Show in folder. Only paths on this list may be opened: the page cannot name any other file.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../app/appError';
import type { RecentExportView } from '../../app/ipcContract';
import type { RecentExport, SettingsStore } from './settingsStore';

const RECENT_EXPORTS_KEPT = 20;

/** Puts an export at the top of the list and remembers its folder for the next save dialog. */
export function rememberExport(settings: SettingsStore, entry: RecentExport): Promise<unknown> {
  return settings.update((s) => ({
    ...s,
    lastSaveFolder: dirname(entry.path),
    recentExports: [entry, ...s.recentExports.filter((e) => e.path !== entry.path)].slice(
      0,
      RECENT_EXPORTS_KEPT,
    ),
  }));
}

/** The export with this path, if the app made it. */
export function recentExport(settings: SettingsStore, path: string): RecentExport {
  const found = settings.get().recentExports.find((e) => e.path === path);
  if (found === undefined)
    throw new AppError({ code: 'not-found', message: 'This export is not in the list.' });
  return found;
}

/** The list, each entry saying whether its file is still there. */
export function listRecentExports(settings: SettingsStore): Promise<RecentExportView[]> {
  return Promise.all(
    settings.get().recentExports.map(async (entry) => ({
      ...entry,
      exists: await stat(entry.path).then(
        (s) => s.isFile(),
        () => false,
      ),
    })),
  );
}
