// The offline-review part of the IPC contract (issue 13): comparing a program or an opened workbook
// with another export, the changed codes a window at a time, saving them, and reading progress. Kept
// beside ipcContract.ts, which takes these into its call list, results and events.
import type { ChangedCode, ProgramChanges } from './codeChanges';

/** Every review call, by name. */
export const REVIEW_CALL_CHANNELS = [
  'review:cancel',
  'review:compare',
  'review:changes',
  'review:saveChanges',
] as const;

/** A comparison of a program (or an opened workbook's programs) with an export the person chose. */
export interface Comparison {
  /** Names the comparison in `review:changes`, `review:saveChanges` and `workbook:save`. */
  comparisonId: string;
  /** The chosen file. */
  path: string;
  /** The chosen file is the older side, unless its own export time says it is newer. */
  chosenIs: 'before' | 'after';
  /** When the chosen file says its codes were exported; null when it does not say. */
  chosenExportedAt: number | null;
  programs: ProgramChanges[];
}

/** A window of a comparison's changed codes. */
export interface ChangesPage {
  /** How many changed codes the query matches; `rows` is the window from `offset`. */
  matching: number;
  offset: number;
  rows: ChangedCode[];
}

/** How far reading a workbook is (opening one, or the export chosen to compare with). */
export interface ReadingProgress {
  bytesRead: number;
  bytesTotal: number;
}

export interface ReviewCallResults {
  /** Stops the reading under way; it then fails with 'cancelled'. */
  'review:cancel': null;
  /** null when the person closed the open dialog without choosing a file. */
  'review:compare': Comparison | null;
  'review:changes': ChangesPage;
  /** null when the person closed the save dialog. */
  'review:saveChanges': { path: string; rows: number; sheetNames: string[] } | null;
}

export interface ReviewEvents {
  'review:progress': ReadingProgress;
}

export const REVIEW_EVENT_NAMES = ['review:progress'] as const satisfies readonly (keyof ReviewEvents)[];
