// How the page asks to see a program's codes: which ones (filter) and in what order (sort).
import type { CodeFilter } from './promoCode';

export const SORT_COLUMNS = ['code', 'status', 'attached', 'activated', 'expireDate', 'expired'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** null keeps Altcraft's own order. */
export type CodeSort = { column: SortColumn; direction: 'asc' | 'desc' } | null;

export interface CodeView {
  filter: CodeFilter;
  sort: CodeSort;
}
