// What the person is looking at: a status (or all), a search typed into the box, and a sort. The
// search reaches the main process a moment after typing pauses, so a fast typist is not slowed.
import { useEffect, useMemo, useState } from 'react';
import type { CodeSort, CodeView, SortColumn } from '../../app/codeView';
import type { CodeStatus } from '../../app/promoCode';

const SEARCH_PAUSE_MS = 60;

export function useCodeView() {
  const [status, setStatus] = useState<CodeStatus | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<CodeSort>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const view = useMemo<CodeView>(() => ({ filter: { status, search }, sort }), [status, search, sort]);

  /** Ascending, then descending, then Altcraft's own order again. */
  const toggleSort = (column: SortColumn) =>
    setSort((current) =>
      current?.column !== column
        ? { column, direction: 'asc' }
        : current.direction === 'asc'
          ? { column, direction: 'desc' }
          : null,
    );

  return { view, status, setStatus, searchText, setSearchText, toggleSort };
}
