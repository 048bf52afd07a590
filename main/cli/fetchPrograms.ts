// Fetches every program before anything is written, so a refusal or a broken download never leaves a
// file behind (or touches one already there). Each failure names the program it happened to.
import { AppError, isAppError } from '../../app/appError';
import type { AltcraftClient } from '../services/altcraft/client';
import type { CompactCodes } from '../services/codes/compactCodes';
import { megabytes } from './progress';
import type { Progress } from './progress';

export interface FetchedProgram {
  loyaltyId: number;
  /** Read as they arrived, straight into columns (see exportAllReader.ts). */
  codes: CompactCodes;
}

export interface FetchRequest {
  client: AltcraftClient;
  host: string;
  token: string;
  loyaltyIds: readonly number[];
  signal: AbortSignal;
  progress: Progress;
}

export async function fetchPrograms(request: FetchRequest): Promise<FetchedProgram[]> {
  const { client, host, token, loyaltyIds, signal, progress } = request;
  const fetched: FetchedProgram[] = [];
  for (const [index, loyaltyId] of loyaltyIds.entries()) {
    const label = `Loyalty program ${loyaltyId}${loyaltyIds.length > 1 ? ` (${index + 1} of ${loyaltyIds.length})` : ''}`;
    progress.show(`${label}: asking Altcraft…`, true);
    try {
      const codes = await client.exportAll({
        host,
        token,
        loyaltyId,
        signal,
        onProgress: ({ received, total }) => {
          const share = total === null || total === 0 ? '' : ` of ${megabytes(total)}`;
          progress.show(`${label}: ${megabytes(received)}${share} received`);
        },
      });
      fetched.push({ loyaltyId, codes });
    } catch (error) {
      progress.clear();
      throw aboutProgram(error, loyaltyId);
    }
  }
  progress.clear();
  return fetched;
}

/** "Loyalty program 9401: Altcraft did not accept the API token…": several programs, one line. */
function aboutProgram(error: unknown, loyaltyId: number): unknown {
  if (!isAppError(error) || error.code === 'cancelled') return error;
  return new AppError({ ...error.toInfo(), message: `Loyalty program ${loyaltyId}: ${error.message}` });
}
