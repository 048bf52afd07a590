// Comparing what is on screen (a fetched program, or an opened workbook's programs) with another
// export the person chooses: reading it (with progress and Cancel), the comparison once it is here,
// or why the file could not be compared. Closing it, or new codes arriving (a refresh), brings the
// codes back.
import { useCallback, useMemo, useState } from 'react';
import type { AppErrorInfo } from '../../app/appError';
import type { Comparison } from '../../app/reviewContract';
import { call, failureInfo } from '../api';

export type ComparisonState =
  | { phase: 'none' }
  | { phase: 'reading' }
  | { phase: 'shown'; comparison: Comparison }
  | { phase: 'failed'; error: AppErrorInfo };

const NONE: ComparisonState = { phase: 'none' };

/**
 * `heldAt` says which codes are on screen (when they were fetched or opened): a comparison made of
 * older codes is dropped once newer ones arrive.
 */
export function useComparison(sourceId: string, loyaltyIds: readonly number[], heldAt: number | null) {
  const [kept, setKept] = useState<{ state: ComparisonState; of: number | null }>({
    state: NONE,
    of: heldAt,
  });
  const state = useMemo(() => (kept.of === heldAt ? kept.state : NONE), [kept, heldAt]);
  const ids = loyaltyIds.join(' ');

  const compare = useCallback(async () => {
    const before = state;
    const set = (next: ComparisonState) => setKept({ state: next, of: heldAt });
    set({ phase: 'reading' });
    try {
      const comparison = await call('review:compare', {
        sourceId,
        loyaltyIds: ids.split(' ').map(Number),
      });
      // Closing the open dialog, like Cancel, leaves things as they were.
      set(comparison === null ? before : { phase: 'shown', comparison });
    } catch (failure) {
      const error = failureInfo(failure);
      set(error.code === 'cancelled' ? before : { phase: 'failed', error });
    }
  }, [sourceId, ids, state, heldAt]);

  const close = useCallback(() => setKept({ state: NONE, of: heldAt }), [heldAt]);

  return { state, compare, close };
}
