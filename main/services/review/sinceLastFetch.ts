// After each fetch: what changed since the program's previous fetch ("+120 attached, +45 activated
// since 28 Nov"), worked out against the snapshot that fetch left, which this fetch then replaces.
// A snapshot that cannot be read or written costs only this answer, never the fetch.

import type { FetchChanges } from '../../../app/codeChanges';
import { compareCodes, type CodeStates } from './compareCodes';
import type { SnapshotStore } from './snapshotStore';

export interface FetchRecord {
  connectionId: string;
  loyaltyId: number;
  codes: CodeStates;
  fetchedAt: number;
}

/** The changes since the previous fetch (null for a first fetch), with the new snapshot saved. */
export async function recordFetch(
  store: SnapshotStore,
  fetch: FetchRecord,
  onProblem: (what: string, error: unknown) => void = () => undefined,
): Promise<FetchChanges | null> {
  const { connectionId, loyaltyId, codes, fetchedAt } = fetch;
  let changes: FetchChanges | null = null;
  try {
    const previous = await store.load(connectionId, loyaltyId);
    if (previous !== null) {
      const found = compareCodes(previous, codes);
      changes = {
        since: previous.fetchedAt,
        before: previous.length,
        after: codes.length,
        added: found.added.length,
        removed: found.removed.length,
        statusChanges: found.statusChanges,
        reached: found.reached,
      };
    }
  } catch (error) {
    onProblem(`The last fetch of loyalty program ${loyaltyId} could not be read back`, error);
  }
  try {
    await store.save(connectionId, loyaltyId, codes, fetchedAt);
  } catch (error) {
    onProblem(`This fetch of loyalty program ${loyaltyId} could not be kept for next time`, error);
  }
  return changes;
}
