// The list of recent exports, with Open (in the default app) and Show in folder.
import { listRecentExports, recentExport } from '../services/recentExports';
import type { HandlerDeps, HandlersOf } from './types';

type RecentExportCalls = 'exports:list' | 'exports:open' | 'exports:showInFolder';

export function recentExportCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<RecentExportCalls> {
  const { settings, desktop } = deps;
  return {
    'exports:list': () => listRecentExports(settings),
    'exports:open': async ({ path }) => {
      await desktop.openPath(recentExport(settings, path).path);
      return null;
    },
    'exports:showInFolder': async ({ path }) => {
      desktop.showInFolder(recentExport(settings, path).path);
      return null;
    },
  };
}
