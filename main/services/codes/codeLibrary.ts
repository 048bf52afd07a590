// The codes fetched in this session, served to the page a window at a time: a million codes never
// cross IPC in one message. Codes are held as columns (see compactCodes.ts); filtering, searching
// (codeSearch.ts) and sorting (codeOrder.ts) work on compact indexes built once per program, so each
// keystroke costs one pass over typed arrays. The search index is built while the thread is idle
// right after the first rows of a program were asked for, so the first search does not wait for it.
// The app runs this in its worker thread (main/codeWorker); tests and tools may run it anywhere.
import type { CodeSort, CodeView } from '../../../app/codeView';
import type { CodePage } from '../../../app/ipcContract';
import type { CodeInsights } from '../../../app/codeInsights';
import type { CodeFilter, PromoCode, StatusCounts } from '../../../app/promoCode';
import { isFiltered } from '../../../app/promoCode';
import { codeInsights } from './codeInsights';
import { reversedOrder, sortedPositions } from './codeOrder';
import { matchMask, SearchIndexBuilder } from './codeSearch';
import type { SearchIndex } from './codeSearch';
import type { CompactCodes } from './compactCodes';
import { codeTextAt, compactCodes, promoCodeAt, statusAt } from './compactCodes';
import { programKey } from './programKey';
import type { ChangedCodes } from '../review/compareExports';
import type { CodeList, CsvRequest, CsvResult, WorkbookRequest, WorkbookResult } from '../workbook';
import type { CompactList } from '../workbook/workbookPlan';
// The writers' own modules, not the workbook index: the worker bundle needs no reader.
import { writeCsv } from '../workbook/writeCsv';
import { writeWorkbook } from '../workbook/writeWorkbook';

export interface StoredCodes {
  total: number;
  counts: StatusCounts;
}

/** A program to export, by its place in the library, with the name its sheet gets. */
export interface ExportedProgram {
  loyaltyId: number;
  name: string | null;
}

export type LibraryWorkbookRequest = Omit<WorkbookRequest, 'programs' | 'filter' | 'changes'> & {
  connectionId: string;
  programs: ExportedProgram[];
  filter: CodeFilter;
  /** A comparison whose changed codes go on a `Changes` sheet; the code worker looks them up. */
  changesOf?: string;
};

export type LibraryCsvRequest = Omit<CsvRequest, 'program' | 'filter'> & {
  connectionId: string;
  program: ExportedProgram;
  filter: CodeFilter;
};

/** What the handlers need of the codes fetched this session, wherever they are held. */
export interface CodeLibrary<Fetched = readonly PromoCode[]> {
  /** Keeps a program's codes (replacing any kept before) with their counts per status. */
  store(
    connectionId: string,
    loyaltyId: number,
    codes: Fetched | readonly PromoCode[],
    fetchedAt: number,
  ): StoredCodes | Promise<StoredCodes>;
  has(connectionId: string, loyaltyId: number): boolean;
  query(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    offset: number,
    limit: number,
  ): CodePage | null | Promise<CodePage | null>;
  /** The codes at positions [first, last] of a view, in order; null when the program is not here. */
  codesAt(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    ranges: [number, number][],
  ): string[] | null | Promise<string[] | null>;
  /** The program's codes at a glance, "expiring" counted from `asOf`; null when it is not here. */
  insights(
    connectionId: string,
    loyaltyId: number,
    asOf: number,
  ): CodeInsights | null | Promise<CodeInsights | null>;
  /** Exports the codes a filter shows (in Altcraft's order) to one workbook. */
  writeWorkbook(request: LibraryWorkbookRequest): Promise<WorkbookResult>;
  writeCsv(request: LibraryCsvRequest): Promise<CsvResult>;
}

interface Entry {
  codes: CompactCodes;
  fetchedAt: number;
  /** Built while the thread is idle after the first query, or finished by the first search, then kept. */
  search: SearchIndex | null;
  /** The index being built a slice at a time; null before it starts and once it is done. */
  searchBuilder: SearchIndexBuilder | null;
  /** Each sort's order, computed once per column and direction. */
  orders: Map<string, Uint32Array>;
  /** The last view's positions, so scrolling through one view costs no recomputation. */
  lastView: { key: string; positions: Uint32Array } | null;
}

/** The library on this thread: every answer is immediate. */
export interface InThreadCodeLibrary extends CodeLibrary {
  store(
    connectionId: string,
    loyaltyId: number,
    codes: readonly PromoCode[] | CompactCodes,
    fetchedAt: number,
  ): StoredCodes;
  query(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    offset: number,
    limit: number,
  ): CodePage | null;
  codesAt(
    connectionId: string,
    loyaltyId: number,
    view: CodeView,
    ranges: [number, number][],
  ): string[] | null;
  insights(connectionId: string, loyaltyId: number, asOf: number): CodeInsights | null;
  /** The codes a view shows, in its order, made on demand. */
  selection(connectionId: string, loyaltyId: number, view: CodeView): CodeList | null;
  /** As CodeLibrary's, with a comparison's changed codes given as they are, on this thread. */
  writeWorkbook(request: LibraryWorkbookRequest & { changes?: ChangedCodes }): Promise<WorkbookResult>;
  /** A program's codes as held, for comparing them with an export; null when it is not here. */
  codesOf(connectionId: string, loyaltyId: number): CompactCodes | null;
  /** The same as PromoCodes, for small programs and tests. */
  matching(connectionId: string, loyaltyId: number, view: CodeView): PromoCode[];
}

export function createCodeLibrary(): InThreadCodeLibrary {
  const entries = new Map<string, Entry>();
  const notFetched = (loyaltyId: number) => new Error(`Loyalty program ${loyaltyId} has not been fetched.`);

  /** A program's codes for a writer: the compact columns, and the positions the filter shows. */
  const compactSelection = (connectionId: string, loyaltyId: number, filter: CodeFilter): CompactList => {
    const entry = entries.get(programKey(connectionId, loyaltyId));
    if (entry === undefined) throw notFetched(loyaltyId);
    if (!isFiltered(filter)) return { compact: entry.codes };
    return { compact: entry.codes, filtered: positionsOf(entry, { filter, sort: null }) };
  };
  const library: InThreadCodeLibrary = {
    store(connectionId, loyaltyId, codes, fetchedAt) {
      const compact = Array.isArray(codes) ? compactCodes(codes) : (codes as CompactCodes);
      const entry: Entry = {
        codes: compact,
        fetchedAt,
        search: null,
        searchBuilder: null,
        orders: new Map(),
        lastView: null,
      };
      entries.set(programKey(connectionId, loyaltyId), entry);
      return { total: compact.length, counts: compact.counts };
    },
    has: (connectionId, loyaltyId) => entries.has(programKey(connectionId, loyaltyId)),
    insights(connectionId, loyaltyId, asOf) {
      const entry = entries.get(programKey(connectionId, loyaltyId));
      return entry === undefined ? null : codeInsights(entry.codes, asOf);
    },
    selection(connectionId, loyaltyId, view) {
      const entry = entries.get(programKey(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsOf(entry, view);
      return {
        length: positions.length,
        at: (index) => promoCodeAt(entry.codes, positions[index] as number),
      };
    },
    codesOf: (connectionId, loyaltyId) => entries.get(programKey(connectionId, loyaltyId))?.codes ?? null,
    matching(connectionId, loyaltyId, view) {
      const list = library.selection(connectionId, loyaltyId, view);
      return list === null ? [] : Array.from({ length: list.length }, (_, i) => list.at(i) as PromoCode);
    },
    codesAt(connectionId, loyaltyId, view, ranges) {
      const entry = entries.get(programKey(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsOf(entry, view);
      const texts: string[] = [];
      for (const [first, last] of ranges) {
        for (const i of positions.subarray(first, last + 1)) texts.push(codeTextAt(entry.codes, i));
      }
      return texts;
    },
    query(connectionId, loyaltyId, view, offset, limit) {
      const entry = entries.get(programKey(connectionId, loyaltyId));
      if (entry === undefined) return null;
      const positions = positionsOf(entry, view);
      const rows = Array.from(positions.subarray(offset, offset + limit), (i) => ({
        ...promoCodeAt(entry.codes, i),
        status: statusAt(entry.codes, i),
      }));
      searchWhenIdle(entry);
      return {
        matching: positions.length,
        total: entry.codes.length,
        counts: entry.codes.counts,
        offset,
        rows,
      };
    },
    async writeWorkbook({ connectionId, programs, filter, changesOf: _byName, ...request }) {
      const selected = programs.map((program) => ({
        ...program,
        codes: compactSelection(connectionId, program.loyaltyId, filter),
      }));
      return writeWorkbook({ ...request, programs: selected, filter: isFiltered(filter) ? filter : null });
    },
    async writeCsv({ connectionId, program, filter, ...request }) {
      return writeCsv({
        ...request,
        program: { ...program, codes: compactSelection(connectionId, program.loyaltyId, filter) },
        filter: isFiltered(filter) ? filter : null,
      });
    },
  };
  return library;
}

/** Codes indexed per slice while idle: a slice is a few milliseconds, so a query never waits long. */
const SEARCH_SLICE = 32_768;

/**
 * The rows have been answered: build the search index a slice at a time whenever nothing else is
 * waiting (each slice a macrotask), so the page's next query is answered between two slices.
 */
function searchWhenIdle(entry: Entry): void {
  if (entry.search !== null || entry.searchBuilder !== null) return;
  const builder = new SearchIndexBuilder(entry.codes);
  entry.searchBuilder = builder;
  const slice = () => {
    if (entry.searchBuilder !== builder) return; // finished by a search meanwhile
    builder.step(SEARCH_SLICE);
    if (!builder.done) {
      setImmediate(slice).unref?.();
      return;
    }
    entry.search = builder.finish();
    entry.searchBuilder = null;
  };
  setImmediate(slice).unref?.();
}

/** The search index now: what the idle slices built so far, finished here. */
function searchIndexOf(entry: Entry): SearchIndex {
  if (entry.search === null) {
    entry.search = (entry.searchBuilder ?? new SearchIndexBuilder(entry.codes)).finish();
    entry.searchBuilder = null;
  }
  return entry.search;
}

/** The positions (indexes into the program's codes) a view shows, in its order. */
function positionsOf(entry: Entry, view: CodeView): Uint32Array {
  const key = JSON.stringify(view);
  if (entry.lastView?.key === key) return entry.lastView.positions;
  const order = orderOf(entry, view.sort);
  const keep = matchMask(entry.codes, view.filter, () => searchIndexOf(entry));
  let positions: Uint32Array;
  if (keep === null) {
    positions = order;
  } else {
    const picked = new Uint32Array(order.length);
    let n = 0;
    for (const i of order) if (keep[i] === 1) picked[n++] = i;
    positions = picked.subarray(0, n);
  }
  entry.lastView = { key, positions };
  return positions;
}

/** The program's positions in a sort's order, computed once per column and direction. */
function orderOf(entry: Entry, sort: CodeSort): Uint32Array {
  const key = sort === null ? 'altcraft' : `${sort.column} ${sort.direction}`;
  const cached = entry.orders.get(key);
  if (cached !== undefined) return cached;
  // Descending is the ascending order read backwards (ties kept in Altcraft's order), when it is known.
  const ascending = sort?.direction === 'desc' ? entry.orders.get(`${sort.column} asc`) : undefined;
  const order =
    ascending === undefined || sort === null
      ? sortedPositions(entry.codes, sort)
      : reversedOrder(entry.codes, sort.column, ascending);
  entry.orders.set(key, order);
  return order;
}
