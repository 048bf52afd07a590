// What the app says and does when something breaks that no handler caught, kept apart from the
// Electron wiring (crashRecovery.ts) so the decisions are tested in plain Node.
import { redactText } from '../services/redactor';

export interface ProblemDialog {
  title: string;
  message: string;
  detail: string;
}

const TITLE = 'Promo Exporter ran into a problem';

/** The dialog for an error nobody caught: plain words, and a short, redacted technical line. */
export function unexpectedErrorDialog(error: unknown, secrets: readonly string[]): ProblemDialog {
  return {
    title: TITLE,
    message:
      'Something unexpected went wrong. You can keep working; if something looks wrong, save your work and restart Promo Exporter. If it keeps happening, send the log (Help → Open logs folder) to your administrator.',
    detail: technicalLine(error, secrets),
  };
}

/** The dialog when the app cannot start at all. */
export function startFailureDialog(error: unknown, secrets: readonly string[]): ProblemDialog {
  return {
    title: TITLE,
    message:
      'Promo Exporter could not start. Try starting it again; if it still fails, send the log (Help → Open logs folder in a working copy, or the "logs" folder in the app\'s data folder) to your administrator.',
    detail: technicalLine(error, secrets),
  };
}

/** One line, no stack, no secret: enough for someone to recognise the problem again. */
function technicalLine(error: unknown, secrets: readonly string[]): string {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : `A ${typeof error} was thrown: ${String(error)}`;
  const line = redactText(text.split('\n')[0] ?? '', secrets);
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export type CrashDecision = 'reload' | 'give-up';

/**
 * Whether to reload a page whose process died: yes, unless it died `limit` times within `windowMs`,
 * in which case reloading again would only loop (a page that crashes as it starts).
 */
export function createCrashPolicy(limit = 3, windowMs = 60_000) {
  const recent: number[] = [];
  return {
    onCrash(now: number): CrashDecision {
      recent.push(now);
      while (recent.length > 0 && (recent[0] as number) <= now - windowMs) recent.shift();
      return recent.length >= limit ? 'give-up' : 'reload';
    },
  };
}

/** The message shown after a reload (or when giving up), in words for the person at the screen. */
export function pageGoneDialog(reason: string, decision: CrashDecision): ProblemDialog {
  return decision === 'reload'
    ? {
        title: TITLE,
        message: 'The window stopped working and was reloaded.',
        detail: `Codes already fetched are kept; pick the connection and loyalty program again to see them. (Reason: ${reason}.)`,
      }
    : {
        title: TITLE,
        message: 'The window keeps stopping, so it was not reloaded again. Quit and restart Promo Exporter.',
        detail: `If it keeps happening, send the log (Help → Open logs folder) to your administrator. (Reason: ${reason}.)`,
      };
}
