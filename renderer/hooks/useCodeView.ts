// What the person is looking at: a status (or all), codes expiring soon, a search typed into the
// box, and a sort. The search reaches the main process a moment after typing pauses, so a fast
// typist is not slowed.
import { useEffect, useMemo, useState } from 'react';
import type { ExpiryWindow } from '../../app/codeInsights';
import { expiringWithin } from '../../app/codeInsights';
import type { CodeSort, CodeView, SortColumn } from '../../app/codeView';
import type { CodeStatus } from '../../app/promoCode';

const SEARCH_PAUSE_MS = 60;

/** `asOf` is when "expiring" was counted (from the insights); until it is known, that filter waits. */
export function useCodeView(asOf: number | null = null) {
  const [status, setStatus] = useState<CodeStatus | null>(null);
  const [expiring, setExpiring] = useState<ExpiryWindow | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<CodeSort>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const expiresBetween = expiring === null || asOf === null ? null : expiringWithin(expiring, asOf);
  const from = expiresBetween?.from;
  const to = expiresBetween?.to;
  const view = useMemo<CodeView>(
    () => ({
      filter: {
        status,
        search,
        expiresBetween: from === undefined || to === undefined ? null : { from, to },
      },
      sort,
    }),
    [status, search, from, to, sort],
  );

  /** Ascending, then descending, then Altcraft's own order again. */
  const toggleSort = (column: SortColumn) =>
    setSort((current) =>
      current?.column !== column
        ? { column, direction: 'asc' }
        : current.direction === 'asc'
          ? { column, direction: 'desc' }
          : null,
    );

  return { view, status, setStatus, expiring, setExpiring, searchText, setSearchText, toggleSort };
}
