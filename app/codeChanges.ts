// What changed between two sets of a program's codes (two exports, or the last fetch and this one):
// the shapes the command line prints, the page shows and the snapshots answer. Pure, shared by all sides.
import type { CodeDate, CodeStatus, StatusCounts } from './promoCode';

/** So many codes went from one status to another. */
export interface StatusChange {
  from: CodeStatus;
  to: CodeStatus;
  count: number;
}

/** One program compared: how many codes before and after, and what changed. */
export interface ProgramChanges {
  /** null when neither export says the program's ID. */
  loyaltyId: number | null;
  name: string;
  before: number;
  after: number;
  /** Codes only in the newer export. */
  added: number;
  /** Codes only in the older export. */
  removed: number;
  /** Only the pairs that happened, in the order of CODE_STATUSES (from, then to). */
  statusChanges: StatusChange[];
}

/** How a code changed. */
export type ChangeKind = 'added' | 'removed' | 'status';

/** One changed code, with its status on either side and its dates as the newer side has them. */
export interface ChangedCode {
  loyaltyId: number | null;
  program: string;
  code: string;
  kind: ChangeKind;
  /** null for an added code. */
  statusBefore: CodeStatus | null;
  /** null for a removed code. */
  statusAfter: CodeStatus | null;
  attached: CodeDate;
  activated: CodeDate;
  expireDate: CodeDate;
  expired: CodeDate;
}

/** What changed in a program since its previous fetch: "+120 attached, +45 activated since 28 Nov". */
export interface FetchChanges {
  /** When the previous fetch was. */
  since: number;
  before: number;
  after: number;
  added: number;
  removed: number;
  statusChanges: StatusChange[];
  /** Codes that now have each status and did not before: changed to it, or new with it. */
  reached: StatusCounts;
}
