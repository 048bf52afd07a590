// The one plain line a failure prints on standard error: the message written for people, with
// Altcraft's own error_text when it sent one, never a stack trace and never the token.
import { isAppError } from '../../app/appError';
import { redactText } from '../services/redactor';
import { UsageError } from './exitCodes';

export function failureLine(error: unknown, secrets: readonly string[]): string {
  // A second guard behind the client's own redaction, with the same redactor: no token is printed.
  return `promo-exporter: ${redactText(oneLine(describe(error)), secrets)}\n`;
}

function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (isAppError(error)) {
    const said = error.altcraft?.errorText.trim() ?? '';
    // Altcraft's refusals already quote it; anything else that carries it gets it added.
    if (said === '' || error.message.includes(said)) return error.message;
    return `${error.message} Altcraft said: "${said}".`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Something went wrong (${text}). Please report this problem.`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
