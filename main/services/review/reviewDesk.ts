// Offline review where the codes are held (the app's code worker): opening a saved workbook into the
// library, comparing a program or an opened workbook with another export, serving the changed codes a
// window at a time, saving them, and answering what changed since a program's previous fetch. Plain:
// the worker wires it to its port, tests call it directly.

import { AppError } from '../../../app/appError';
import type { ChangeKind, ChangedCode, FetchChanges } from '../../../app/codeChanges';
import type { ChangesPage, Comparison } from '../../../app/reviewContract';
import type { StatusCounts } from '../../../app/promoCode';
import type { CompactCodes } from '../codes/compactCodes';
import { nameKey } from '../workbook/sheetNames';
import type { WorkbookLanguage } from '../workbook/workbookLayout';
import type { ExportProgress } from '../workbook/writeWorkbook';
import { readWorkbook, type ReadProgress } from '../workbookReader';
import {
  changedCodes,
  compareExports,
  comparedProgram,
  type ChangedCodes,
  type ComparedProgram,
  type ExportedCodes,
} from './compareExports';
import { recordFetch } from './sinceLastFetch';
import { openSnapshotStore } from './snapshotStore';
import { writeChangesFile, type ChangesFileResult } from './writeChanges';

/** What the desk needs of the code library it shares the thread with. */
export interface ReviewLibrary {
  store(connectionId: string, loyaltyId: number, codes: CompactCodes, fetchedAt: number): unknown;
  /** A program's codes as held; null when it is not here. */
  codesOf(connectionId: string, loyaltyId: number): CompactCodes | null;
}

export interface ReadingControl {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

/** A program of an opened workbook, as the library holds it. */
export interface OpenedProgram {
  /** The program's ID in the library: its own, or a stand-in when the workbook does not say. */
  loyaltyId: number;
  /** What the workbook says; null when it does not. */
  statedId: number | null;
  name: string;
  total: number;
  counts: StatusCounts;
}

export interface OpenedWorkbookContent {
  programs: OpenedProgram[];
  /** When the workbook says its codes were exported. */
  exportedAt: number | null;
}

/** Which codes to compare the chosen file with: programs of a connection, or of an opened workbook. */
export interface ComparisonRequest {
  /** A connection's ID, or an opened workbook's source ID. */
  sourceId: string;
  /** The programs of the source to compare, with the names people know them by. */
  programs: { loyaltyId: number; name: string }[];
  /** When the source's codes are from: the fetch time (a workbook's own time is known here). */
  at: number | null;
  path: string;
}

export interface ChangesQuery {
  comparisonId: string;
  /** A program by its place in Comparison.programs, or all. */
  program: number | null;
  kind: ChangeKind | null;
  offset: number;
  limit: number;
}

export interface SaveChangesRequest {
  comparisonId: string;
  target: string;
  format: 'xlsx' | 'csv';
  timeZone: string;
  language: WorkbookLanguage;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** Comparisons kept for the page to page through: the latest few, since each holds two sets of codes. */
const KEPT_COMPARISONS = 3;

export function createReviewDesk(library: ReviewLibrary) {
  const opened = new Map<string, { programs: OpenedProgram[]; exportedAt: number | null }>();
  const comparisons = new Map<string, ComparedProgram[]>();
  let nextComparison = 1;

  const comparisonOf = (comparisonId: string): ComparedProgram[] => {
    const found = comparisons.get(comparisonId);
    if (found === undefined) {
      throw new AppError({ code: 'not-found', message: 'This comparison is no longer open. Compare again.' });
    }
    return found;
  };

  return {
    /** Reads a workbook into the library under `sourceId`, one entry per program. */
    async openWorkbook(
      path: string,
      sourceId: string,
      openedAt: number,
      control: ReadingControl = {},
    ): Promise<OpenedWorkbookContent> {
      const read = await readWorkbook(path, control);
      const programs = read.programs.map((program, index): OpenedProgram => {
        // A program whose ID the workbook does not say gets a stand-in, so it can still be shown.
        const loyaltyId = program.loyaltyId ?? index + 1;
        library.store(sourceId, loyaltyId, program.codes, openedAt);
        return {
          loyaltyId,
          statedId: program.loyaltyId,
          name: program.name,
          total: program.codes.length,
          counts: { ...program.codes.counts },
        };
      });
      opened.set(sourceId, { programs, exportedAt: read.exportedAt });
      return { programs, exportedAt: read.exportedAt };
    },

    /** Compares the source's programs with the export at `path`, program by program. */
    async compareWithFile(request: ComparisonRequest, control: ReadingControl = {}): Promise<Comparison> {
      const workbook = opened.get(request.sourceId);
      const ours: ExportedCodes[] = request.programs.map(({ loyaltyId, name }) => {
        const codes = library.codesOf(request.sourceId, loyaltyId);
        if (codes === null) {
          throw new AppError({ code: 'not-found', message: 'Get the codes of this loyalty program first.' });
        }
        const known = workbook?.programs.find((program) => program.loyaltyId === loyaltyId);
        return known === undefined
          ? { loyaltyId, name, codes }
          : { loyaltyId: known.statedId, name: known.name, codes };
      });
      const chosen = await readWorkbook(request.path, control);
      const ourAt = workbook?.exportedAt ?? request.at;
      const chosenIs =
        chosen.exportedAt !== null && ourAt !== null && chosen.exportedAt > ourAt ? 'after' : 'before';
      const inOrder = (theirs: ExportedCodes | null, mine: ExportedCodes | null) =>
        chosenIs === 'before' ? comparedProgram(theirs, mine) : comparedProgram(mine, theirs);
      const [single] = ours;
      // One program: its counterpart in the chosen file, and nothing else of that file. Several (an
      // opened workbook): the two exports compared whole, programs only one side has included.
      const kept =
        ours.length === 1 && single !== undefined
          ? [inOrder(counterpart(single, chosen.programs), single)]
          : chosenIs === 'before'
            ? compareExports(chosen.programs, ours)
            : compareExports(ours, chosen.programs);
      const comparisonId = `comparison ${nextComparison++}`;
      comparisons.set(comparisonId, kept);
      for (const id of comparisons.keys()) {
        if (comparisons.size <= KEPT_COMPARISONS) break;
        comparisons.delete(id);
      }
      return {
        comparisonId,
        path: request.path,
        chosenIs,
        chosenExportedAt: chosen.exportedAt,
        programs: kept.map((program) => program.summary),
      };
    },

    /** A window of a comparison's changed codes. */
    changes(query: ChangesQuery): ChangesPage {
      const list = changedCodes(comparisonOf(query.comparisonId), {
        program: query.program,
        kind: query.kind,
      });
      const end = Math.min(list.length, query.offset + query.limit);
      const rows: ChangedCode[] = [];
      for (let i = query.offset; i < end; i += 1) rows.push(list.at(i));
      return { matching: list.length, offset: query.offset, rows };
    },

    /** Every changed code of a comparison, for a `Changes` sheet beside an export. */
    changedCodes(comparisonId: string): ChangedCodes {
      return changedCodes(comparisonOf(comparisonId));
    },

    saveChanges(request: SaveChangesRequest): Promise<ChangesFileResult> {
      const { comparisonId, ...file } = request;
      return writeChangesFile({ ...file, changes: changedCodes(comparisonOf(comparisonId)) });
    },

    /** What changed since the program's previous fetch; keeps this fetch for next time. */
    recordFetch(
      dataDir: string,
      connectionId: string,
      loyaltyId: number,
      fetchedAt: number,
      onProblem?: (what: string, error: unknown) => void,
    ): Promise<FetchChanges | null> {
      const codes = library.codesOf(connectionId, loyaltyId);
      if (codes === null) return Promise.resolve(null);
      return recordFetch(
        openSnapshotStore(dataDir),
        { connectionId, loyaltyId, codes, fetchedAt },
        onProblem,
      );
    },
  };
}

export type ReviewDesk = ReturnType<typeof createReviewDesk>;

/** The desk as the main process reaches it, in the code worker: every answer comes later. */
export interface ReviewService {
  openWorkbook(
    path: string,
    sourceId: string,
    openedAt: number,
    control?: ReadingControl,
  ): Promise<OpenedWorkbookContent>;
  compareWithFile(request: ComparisonRequest, control?: ReadingControl): Promise<Comparison>;
  changes(query: ChangesQuery): Promise<ChangesPage>;
  saveChanges(request: SaveChangesRequest): Promise<ChangesFileResult>;
  recordFetch(
    dataDir: string,
    connectionId: string,
    loyaltyId: number,
    fetchedAt: number,
  ): Promise<{ changes: FetchChanges | null; problems: string[] }>;
}

/**
 * The chosen file's program to compare one program with: the one with its loyalty ID, else its name,
 * else the file's only program unless it says it is another (the person chose that file for this
 * program); null when none fits, and then every code counts as added.
 */
function counterpart(program: ExportedCodes, chosen: readonly ExportedCodes[]): ExportedCodes | null {
  const byId = program.loyaltyId === null ? undefined : chosen.find((p) => p.loyaltyId === program.loyaltyId);
  const key = nameKey(program.name);
  const byName = chosen.find(
    (p) => nameKey(p.name) === key && (p.loyaltyId === null || program.loyaltyId === null),
  );
  const [first] = chosen;
  const only =
    chosen.length === 1 &&
    (first?.loyaltyId === null || program.loyaltyId === null || first?.loyaltyId === program.loyaltyId)
      ? first
      : undefined;
  const found = byId ?? byName ?? only;
  return found === undefined ? null : { ...found, loyaltyId: program.loyaltyId, name: program.name };
}
