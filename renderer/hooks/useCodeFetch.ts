// Getting a loyalty program's codes: progress while they download, Cancel, and the failure in
// plain words when it goes wrong. The codes stay in the main process; the page gets a summary.
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorInfo } from '../../app/appError';
import type { AppEvents, FetchSummary } from '../../app/ipcContract';
import { call, failureInfo } from '../api';

type Progress = AppEvents['codes:progress'];

export type FetchState =
  | { phase: 'idle' }
  | { phase: 'fetching'; loyaltyId: number; progress: Progress | null }
  | { phase: 'done'; summary: FetchSummary }
  | { phase: 'failed'; loyaltyId: number; error: AppErrorInfo };

export function useCodeFetch(connectionId: string) {
  const [state, setState] = useState<FetchState>({ phase: 'idle' });

  useEffect(
    () =>
      window.promoExporter.on('codes:progress', (progress) => {
        if (progress.connectionId !== connectionId) return;
        setState((current) =>
          current.phase === 'fetching' && current.loyaltyId === progress.loyaltyId
            ? { ...current, progress }
            : current,
        );
      }),
    [connectionId],
  );

  const fetchCodes = useCallback(
    async (loyaltyId: number) => {
      setState({ phase: 'fetching', loyaltyId, progress: null });
      try {
        const summary = await call('codes:fetch', { connectionId, loyaltyId });
        setState({ phase: 'done', summary });
        return true;
      } catch (error) {
        setState({ phase: 'failed', loyaltyId, error: failureInfo(error) });
        return false;
      }
    },
    [connectionId],
  );

  const cancel = useCallback(async () => {
    if (state.phase !== 'fetching') return;
    await call('codes:cancel', { connectionId, loyaltyId: state.loyaltyId });
  }, [connectionId, state]);

  return { state, fetchCodes, cancel };
}
