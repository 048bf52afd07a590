// One failed try: the error people will see if it is the last one, and whether another try may help.
import type { AppError } from '../../../app/appError';

export interface AttemptFailure {
  error: AppError;
  retryable: boolean;
  /** What the server asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
}
