// The shapes every group of calls shares: the handler table the IPC contract asks for, what a
// handler may do besides answering, and the services the handlers are written against.
import { AppError } from '../../app/appError';
import type { AppEvents, CallArg, CallChannel, CallResults, EventName } from '../../app/ipcContract';
import type { PromoCode } from '../../app/promoCode';
import type { AltcraftClient } from '../services/altcraft/client';
import type { CodeLibrary } from '../services/codes/codeLibrary';
import type { Connections } from '../services/connections';
import type { SettingsStore } from '../services/settingsStore';
import type { TokenVault } from '../services/tokenVault';
import type { ReviewService } from '../services/review/reviewDesk';
import type { Desktop, Dialogs } from './desktop';

/** What a handler may do besides answering: talk to the page that called it. */
export interface CallContext {
  /** Sends the page an event; held until the page is ready (main/shell/pageOutbox.ts). */
  emit<E extends EventName>(event: E, payload: AppEvents[E]): void;
  /** The page has mounted and listens: the events held for it go now. */
  pageReady(): void;
}

export type Handlers = {
  [C in CallChannel]: (arg: CallArg<C>, context: CallContext) => Promise<CallResults[C]>;
};

/** The handlers of some of the calls: each group of calls builds one of these. */
export type HandlersOf<C extends CallChannel> = Pick<Handlers, C>;

/**
 * `Fetched` is what the Altcraft client's exportAll gives and the library stores: PromoCodes on this
 * thread, or a handle to codes parsed in the code worker (see composeServices).
 */
export interface HandlerDeps<Fetched = readonly PromoCode[]> {
  connections: Connections;
  vault: TokenVault;
  /** Holds the fetched codes, answers the page's queries and writes the exports. */
  library: CodeLibrary<NoInfer<Fetched>>;
  altcraft: Pick<AltcraftClient<Fetched>, 'exportAll' | 'check'>;
  /** Offline review, where the codes are held: opening workbooks, comparing, snapshots. */
  review: ReviewService;
  /** The app's data folder, where each program's last fetch is kept (snapshots/). */
  dataDir: string;
  dialogs: Dialogs;
  desktop: Desktop;
  settings: SettingsStore;
  appVersion: string;
  /** Where the save dialog opens the first time. */
  documentsDir: string;
  now?: () => Date;
}

/** A program's name as people know it: the one they gave it, else "Loyalty <id>". */
export function programLabel(connections: Connections, connectionId: string, loyaltyId: number): string {
  return (
    connections.get(connectionId).programs.find((p) => p.loyaltyId === loyaltyId)?.name ??
    `Loyalty ${loyaltyId}`
  );
}

export function notFetched(): AppError {
  return new AppError({ code: 'not-found', message: 'Get the codes of this loyalty program first.' });
}
