// Getting loyalty programs' codes, several at once if need be: progress while each downloads,
// Cancel, the failure in plain words, and a summary of the codes held this session for each. The
// codes themselves stay in the main process; a refresh keeps the old ones on screen until it lands.
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorInfo } from '../../app/appError';
import type { AppEvents, FetchSummary } from '../../app/ipcContract';
import { call, failureInfo } from '../api';

export type FetchProgressInfo = AppEvents['codes:progress'];

export interface ProgramCodes {
  /** The codes held this session; null until a fetch succeeds. */
  summary: FetchSummary | null;
  /** Under way, with what has arrived so far. */
  fetching: { progress: FetchProgressInfo | null } | null;
  error: AppErrorInfo | null;
}

const NOTHING_YET: ProgramCodes = { summary: null, fetching: null, error: null };
const keyOf = (connectionId: string, loyaltyId: number) => `${connectionId}\u0000${loyaltyId}`;

export function useProgramFetches() {
  const [programs, setPrograms] = useState<ReadonlyMap<string, ProgramCodes>>(() => new Map());

  const update = useCallback(
    (connectionId: string, loyaltyId: number, change: (current: ProgramCodes) => ProgramCodes) =>
      setPrograms((before) => {
        const key = keyOf(connectionId, loyaltyId);
        const next = new Map(before);
        next.set(key, change(before.get(key) ?? NOTHING_YET));
        return next;
      }),
    [],
  );

  useEffect(
    () =>
      window.promoExporter.on('codes:progress', (progress) =>
        update(progress.connectionId, progress.loyaltyId, (current) =>
          current.fetching === null ? current : { ...current, fetching: { progress } },
        ),
      ),
    [update],
  );

  const fetchCodes = useCallback(
    async (connectionId: string, loyaltyId: number): Promise<FetchSummary | null> => {
      update(connectionId, loyaltyId, (current) => ({
        ...current,
        fetching: { progress: null },
        error: null,
      }));
      try {
        const summary = await call('codes:fetch', { connectionId, loyaltyId });
        update(connectionId, loyaltyId, () => ({ summary, fetching: null, error: null }));
        return summary;
      } catch (failure) {
        update(connectionId, loyaltyId, (current) => ({
          ...current,
          fetching: null,
          error: failureInfo(failure),
        }));
        return null;
      }
    },
    [update],
  );

  const cancel = useCallback(
    (connectionId: string, loyaltyId: number) => void call('codes:cancel', { connectionId, loyaltyId }),
    [],
  );

  const codesOf = useCallback(
    (connectionId: string, loyaltyId: number) => programs.get(keyOf(connectionId, loyaltyId)) ?? NOTHING_YET,
    [programs],
  );

  /** The programs of a connection whose codes are held now, for saving several into one workbook. */
  const heldFor = useCallback(
    (connectionId: string) =>
      [...programs.values()].flatMap((p) =>
        p.summary !== null && p.summary.connectionId === connectionId ? [p.summary] : [],
      ),
    [programs],
  );

  return { codesOf, heldFor, fetchCodes, cancel };
}
