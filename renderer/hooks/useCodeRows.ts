// The first rows of a fetched program, asked of the main process a window at a time.
import { useEffect, useState } from 'react';
import type { CodePage, FetchSummary } from '../../app/ipcContract';
import { call } from '../api';

export const FIRST_ROWS = 500;

export function useCodeRows(summary: FetchSummary | null): CodePage | null {
  const [page, setPage] = useState<CodePage | null>(null);
  useEffect(() => {
    if (summary === null) return;
    let current = true;
    void call('codes:query', {
      connectionId: summary.connectionId,
      loyaltyId: summary.loyaltyId,
      filter: { status: null, search: '' },
      offset: 0,
      limit: FIRST_ROWS,
    }).then((next) => {
      if (current) setPage(next);
    });
    return () => {
      current = false;
    };
  }, [summary]);
  return summary === null ? null : page;
}
