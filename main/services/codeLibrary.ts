// The codes fetched in this session, held in the main process and served to the page a window at a
// time: a million codes never cross IPC in one message.
import type { CodePage } from '../../app/ipcContract';
import type { CodeFilter, PromoCode, StatusCounts } from '../../app/promoCode';
import { countByStatus, matchesFilter, statusOf } from '../../app/promoCode';

interface Entry {
  codes: readonly PromoCode[];
  counts: StatusCounts;
  fetchedAt: number;
  /** The last filter's matching positions, so scrolling through one filter costs no rescans. */
  lastMatch: { key: string; positions: Uint32Array } | null;
}

export interface CodeLibrary {
  store(connectionId: string, loyaltyId: number, codes: readonly PromoCode[], fetchedAt: number): Entry;
  has(connectionId: string, loyaltyId: number): boolean;
  /** The codes matching a filter, in Altcraft's order. */
  matching(connectionId: string, loyaltyId: number, filter: CodeFilter): PromoCode[];
  query(
    connectionId: string,
    loyaltyId: number,
    filter: CodeFilter,
    offset: number,
    limit: number,
  ): CodePage | null;
}

export function createCodeLibrary(): CodeLibrary {
  const entries = new Map<string, Entry>();
  const keyOf = (connectionId: string, loyaltyId: number) => `${connectionId}\u0000${loyaltyId}`;

  const positionsFor = (entry: Entry, filter: CodeFilter): Uint32Array => {
    const key = `${filter.status ?? ''}\u0000${filter.search}`;
    if (entry.lastMatch?.key === key) return entry.lastMatch.positions;
    const positions = new Uint32Array(entry.codes.length);
    let n = 0;
    entry.codes.forEach((code, i) => {
      if (matchesFilter(code, filter)) positions[n++] = i;
    });
    entry.lastMatch = { key, positions: positions.subarray(0, n) };
    return entry.lastMatch.positions;
  };

  return {
    store(connectionId, loyaltyId, codes, fetchedAt) {
      const entry: Entry = { codes, counts: countByStatus(codes), fetchedAt, lastMatch: null };
      entries.set(keyOf(connectionId, loyaltyId), entry);
      return entry;
    },
    has: (connectionId, loyaltyId) => entries.has(keyOf(connectionId, loyaltyId)),
    matching(connectionId, loyaltyId, filter) {
      const entry = entries.get(keyOf(connectionId, loyaltyId));
      if (entry === undefined) return [];
      if (filter.status === null && filter.search === '') return [...entry.codes];
      return Array.from(positionsFor(entry, filter), (i) => entry.codes[i] as PromoCode);
    },
    query(connectionId, loyaltyId, filter, offset, limit) {
      const entry = entries.get(keyOf(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsFor(entry, filter);
      const rows = Array.from(positions.subarray(offset, offset + limit), (i) => {
        const code = entry.codes[i] as PromoCode;
        return { ...code, status: statusOf(code) };
      });
      return { matching: positions.length, total: entry.codes.length, counts: entry.counts, rows };
    },
  };
}
