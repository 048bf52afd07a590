// The one IPC contract between the main process and the page: every call (`domain:verb`) with the
// schema of its argument and the type of its result, and every event from main to the page.
// Main's handler table satisfies it, the preload exposes exactly these calls, and the page's
// `window.promoExporter` type is derived from it, so none of the three can drift.
import type { z } from 'zod';
import type { AppErrorInfo, Result } from './appError';
import type { CodeInsights } from './codeInsights';
import type { CallSchemas } from './ipcSchemas';
import type { FetchChanges } from './codeChanges';
import type { CodeStatus, PromoCode, StatusCounts } from './promoCode';
import { REVIEW_CALL_CHANNELS, REVIEW_EVENT_NAMES } from './reviewContract';
import type { ReviewCallResults, ReviewEvents } from './reviewContract';

// ---- Calls: the page asks, main answers a Result.

/** Every call, by name. The preload exposes exactly these. */
export const CALL_CHANNELS = [
  'app:ready',
  'app:notices',
  'connections:list',
  'connections:add',
  'connections:rename',
  'connections:setHost',
  'connections:check',
  'connections:replaceToken',
  'connections:forget',
  'programs:add',
  'programs:rename',
  'programs:remove',
  'codes:fetch',
  'codes:cancel',
  'codes:query',
  'codes:texts',
  'codes:insights',
  'workbook:save',
  'workbook:cancel',
  'csv:save',
  'workbook:open',
  'exports:list',
  'exports:open',
  'exports:showInFolder',
  ...REVIEW_CALL_CHANNELS,
  'window:rememberedProgram',
  'window:rememberProgram',
] as const satisfies readonly (keyof CallSchemas)[];

export type CallChannel = (typeof CALL_CHANNELS)[number];
export type CallArg<C extends CallChannel> = z.infer<CallSchemas[C]>;

/** What each call answers when it succeeds (the review calls' in reviewContract.ts). */
export interface CallResults extends ReviewCallResults {
  /** The page has mounted and listens: events main held for it are sent now. */
  'app:ready': null;
  'app:notices': AppNotices;
  'connections:list': ConnectionView[];
  'connections:add': ConnectionView;
  'connections:rename': ConnectionView;
  'connections:setHost': ConnectionView;
  'connections:check': ConnectionCheck;
  'connections:replaceToken': ConnectionView;
  'connections:forget': null;
  'programs:add': ConnectionView;
  'programs:rename': ConnectionView;
  'programs:remove': ConnectionView;
  'codes:fetch': FetchSummary;
  'codes:cancel': null;
  'codes:query': CodePage;
  /** The codes at the given positions of a view ([first, last] inclusive), one per line, to copy. */
  'codes:texts': string;
  /** The program's codes at a glance: the timeline of attachments and activations, codes expiring soon. */
  'codes:insights': CodeInsights;
  /** null when the person closed the save dialog without choosing a file. */
  'workbook:save': SavedWorkbook | null;
  /** Stops the save under way; it then fails with 'cancelled' and the target is untouched. */
  'workbook:cancel': null;
  /** null when the person closed the save dialog. */
  'csv:save': SavedWorkbook | null;
  /**
   * The workbook's programs, loaded for review under a source of their own; null when the dialog was
   * closed. Read in the code worker with 'review:progress' events; 'review:cancel' stops it.
   */
  'workbook:open': OpenedWorkbook | null;
  'exports:list': RecentExportView[];
  'exports:open': null;
  'exports:showInFolder': null;
  /** The program the window showed last, to show again at start; null the first time. */
  'window:rememberedProgram': { connectionId: string; loyaltyId: number } | null;
  'window:rememberProgram': null;
}

// ---- The shapes the calls answer with.

export interface LoyaltyProgramView {
  loyaltyId: number;
  name: string | null;
  lastFetchedAt: number | null;
  lastCount: number | null;
}

/** A connection as the page sees it: never the token, only whether the keychain holds one. */
export interface ConnectionView {
  id: string;
  name: string;
  host: string;
  hasToken: boolean;
  programs: LoyaltyProgramView[];
}

/** What "Check" found: fine, or what is wrong in the person's terms, with the failure behind it. */
export type ConnectionCheck =
  | { status: 'ok' }
  | { status: 'token-refused' | 'no-rights' | 'host-wrong' | 'unreachable' | 'failed'; error: AppErrorInfo };

/** Things the app must tell the person once, at start. */
export interface AppNotices {
  /** Where an unreadable settings file was moved; the app started with fresh settings. */
  settingsSetAside: string | null;
}

export interface FetchSummary {
  connectionId: string;
  loyaltyId: number;
  total: number;
  counts: StatusCounts;
  fetchedAt: number;
  /** After a fetch: what changed since the program's previous fetch; null for its first. */
  sinceLastFetch?: FetchChanges | null;
}

export interface CodeRow extends PromoCode {
  status: CodeStatus;
}

export interface CodePage {
  /** How many codes the view shows; `rows` is the window [offset, offset + limit) of them. */
  matching: number;
  offset: number;
  total: number;
  counts: StatusCounts;
  rows: CodeRow[];
}

export interface SavedWorkbook {
  path: string;
  rows: number;
  sheetNames: string[];
}

export interface OpenedWorkbook {
  /** Stands where a connection id stands in `codes:query`. */
  sourceId: string;
  path: string;
  programs: FetchSummary[];
  names: (string | null)[];
  /** When the workbook says its codes were exported; null when it does not say. */
  exportedAt: number | null;
}

export interface RecentExportView {
  path: string;
  kind: 'xlsx' | 'csv';
  programs: string[];
  rows: number;
  at: number;
  /** false when the file has been moved or deleted since. */
  exists: boolean;
}

// ---- Events: what main sends to the page, unasked. The page listens with `on()`; main sends through
// one typed sendToPage, which holds them until the page has said 'app:ready'.

/** What the application menu asks the page to do. */
export type MenuCommand =
  | 'open-workbook'
  | 'save-excel'
  | 'save-csv'
  /** Opens the Export menu of the program on screen. */
  | 'export'
  /** Puts the cursor in the search box. */
  | 'find'
  /** Gets the codes of the program on screen again. */
  | 'refresh';

/** Every event with its payload. */
export interface AppEvents extends ReviewEvents {
  'menu:command': { command: MenuCommand };
  'codes:progress': { connectionId: string; loyaltyId: number; received: number; total: number | null };
  'workbook:progress': { rowsWritten: number; rowsTotal: number };
}

export type EventName = keyof AppEvents;

/** Every event, by name. The preload lets the page listen to exactly these. */
export const EVENT_NAMES = [
  'menu:command',
  'codes:progress',
  'workbook:progress',
  ...REVIEW_EVENT_NAMES,
] as const satisfies readonly EventName[];

/** The page's API, as the preload exposes it on `window.promoExporter`. */
export type PageApi = {
  [C in CallChannel]: (
    ...args: CallArg<C> extends undefined ? [] : [CallArg<C>]
  ) => Promise<Result<CallResults[C]>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
};

export const PAGE_API_KEY = 'promoExporter';

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time proof that the channel list, the schemas and the results name the same calls, and
// that the event list names every event: adding one anywhere without the others does not compile.
true satisfies SameKeys<CallChannel, keyof CallSchemas>;
true satisfies SameKeys<CallChannel, keyof CallResults>;
true satisfies SameKeys<(typeof EVENT_NAMES)[number], EventName>;
