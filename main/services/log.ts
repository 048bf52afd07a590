// Where the main process writes what happened. The Electron shell and the command line give it a
// sink; tests give it a list. Callers never pass tokens; the redactor is the second line of defence.
import type { KnownSecrets } from './knownSecrets';
import { formatForLog, redactText } from './redactor';

export interface Log {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export type LogLevel = keyof Log;

/** Receives finished, already redacted lines. */
export type LogSink = (level: LogLevel, line: string) => void;

/**
 * The Log services use, turning each message and detail into one redacted line before the sink sees
 * it: known token values, Authorization headers and token fields are cut out, errors are written
 * with their causes. Logging never throws into the caller, whatever the sink does.
 */
export function redactingLog(sink: LogSink, secrets: KnownSecrets): Log {
  const write =
    (level: LogLevel) =>
    (message: string, detail?: unknown): void => {
      try {
        const known = secrets.values();
        const text = redactText(message, known);
        const more = formatForLog(detail, known);
        sink(level, more === '' ? text : `${text} ${more}`);
      } catch {
        // A log that fails must not take the app down with it.
      }
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
