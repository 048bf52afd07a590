// What it means when Altcraft answers with `error ≠ 0`: one typed AppError per known code, carrying
// Altcraft's own code and text, so the page can explain it and the log keeps the original.
import { AppError } from '../../../app/appError';
import type { ErrorCode } from '../../../app/appError';

/** The error code the simulator uses for an unknown loyalty program (Altcraft does not document one). */
export const PROGRAM_NOT_FOUND_ERROR = 404;

// Altcraft's text for an unknown program is not documented; recognise the usual phrasings in
// English and Russian when the code itself is not the simulator's 404.
const PROGRAM_WORDS = /loyalty|program|программ|лояльност/i;
const NOT_FOUND_WORDS =
  /not\s*found|not\s*exist|doesn'?t\s*exist|unknown|no\s+such|не\s*найден|не\s*существ|отсутств/i;

export function isProgramNotFound(error: number, errorText: string): boolean {
  if (error === PROGRAM_NOT_FOUND_ERROR) return true;
  return PROGRAM_WORDS.test(errorText) && NOT_FOUND_WORDS.test(errorText);
}

export type RefusalCode = Extract<
  ErrorCode,
  'token-refused' | 'tariff-limit' | 'no-rights' | 'program-not-found' | 'bad-request' | 'altcraft-error'
>;

/** Plain-words explanations, also used when only the HTTP status (not the body) says which refusal it was. */
export const REFUSAL_MESSAGES: Record<Exclude<RefusalCode, 'altcraft-error'>, string> = {
  'token-refused':
    'Altcraft did not accept the API token. It may be mistyped, expired or revoked: replace the token in the connection settings.',
  'tariff-limit':
    "Altcraft refused the request because the account's tariff limit has been reached. Ask your Altcraft administrator.",
  'no-rights':
    "The API token is not allowed to read this loyalty program. Ask your Altcraft administrator to give the token's role access to it.",
  'program-not-found':
    'Altcraft has no loyalty program with this ID, or it was deleted. Check the ID in the Loyalty section of Altcraft.',
  'bad-request':
    'Altcraft rejected the request as incorrect. Check the loyalty program ID; if it is right, report this problem.',
};

/**
 * 401/402/403 are decided by the code alone (they are documented); an unknown program is
 * recognised before 400 because Altcraft may report it as an incorrect request.
 */
export function refusalCode(error: number, errorText: string): RefusalCode {
  if (error === 401) return 'token-refused';
  if (error === 402) return 'tariff-limit';
  if (error === 403) return 'no-rights';
  if (isProgramNotFound(error, errorText)) return 'program-not-found';
  if (error === 400) return 'bad-request';
  return 'altcraft-error';
}

export function altcraftRefusal(error: number, errorText: string): AppError {
  const code = refusalCode(error, errorText);
  const said = errorText.trim() === '' ? '' : ` Altcraft said: "${errorText.trim()}".`;
  const message =
    code === 'altcraft-error'
      ? `Altcraft refused the request (error ${error}).${said}`
      : `${REFUSAL_MESSAGES[code]}${said}`;
  return new AppError({
    code,
    message,
    detail: `Altcraft answered error ${error}: ${errorText}`,
    altcraft: { error, errorText },
  });
}
