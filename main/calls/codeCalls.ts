// Getting a program's codes from Altcraft (with progress and Cancel) and showing them a window at a
// time: a million codes never cross IPC in one message.
import { programKey } from '../services/codes/programKey';
import type { HandlerDeps, HandlersOf } from './types';
import { notFetched } from './types';

type CodeCalls = 'codes:fetch' | 'codes:cancel' | 'codes:query' | 'codes:texts' | 'codes:insights';

const PROGRESS_INTERVAL_MS = 100;

export function codeCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<CodeCalls> {
  const { connections, vault, library } = deps;
  const now = deps.now ?? (() => new Date());
  const downloads = new Map<string, AbortController>();

  return {
    'codes:fetch': async ({ connectionId, loyaltyId }, context) => {
      const connection = connections.get(connectionId);
      const token = await vault.read(connectionId);
      const key = programKey(connectionId, loyaltyId);
      downloads.get(key)?.abort();
      const controller = new AbortController();
      downloads.set(key, controller);
      let lastProgressAt = 0;
      try {
        const fetched = await deps.altcraft.exportAll({
          host: connection.host,
          token,
          loyaltyId,
          signal: controller.signal,
          onProgress: ({ received, total }) => {
            const at = Date.now();
            if (at - lastProgressAt < PROGRESS_INTERVAL_MS && received !== total) return;
            lastProgressAt = at;
            context.emit('codes:progress', { connectionId, loyaltyId, received, total });
          },
        });
        const fetchedAt = now().getTime();
        const { total, counts } = await library.store(connectionId, loyaltyId, fetched, fetchedAt);
        await connections.recordFetch(connectionId, loyaltyId, total, fetchedAt);
        // What changed since the last fetch costs only itself if the snapshot cannot be kept.
        const since = await deps.review
          .recordFetch(deps.dataDir, connectionId, loyaltyId, fetchedAt)
          .catch(() => ({ changes: null }));
        return { connectionId, loyaltyId, total, counts, fetchedAt, sinceLastFetch: since.changes };
      } finally {
        if (downloads.get(key) === controller) downloads.delete(key);
      }
    },

    'codes:cancel': async ({ connectionId, loyaltyId }) => {
      downloads.get(programKey(connectionId, loyaltyId))?.abort();
      return null;
    },

    'codes:query': async ({ connectionId, loyaltyId, view, offset, limit }) => {
      const page = await library.query(connectionId, loyaltyId, view, offset, limit);
      if (page === null) throw notFetched();
      return page;
    },

    'codes:insights': async ({ connectionId, loyaltyId }) => {
      const insights = await library.insights(connectionId, loyaltyId, now().getTime());
      if (insights === null) throw notFetched();
      return insights;
    },

    'codes:texts': async ({ connectionId, loyaltyId, view, ranges }) => {
      const texts = await library.codesAt(connectionId, loyaltyId, view, ranges);
      if (texts === null) throw notFetched();
      return texts.join('\n');
    },
  };
}
