// Where the main process writes what happened. The Electron shell and the command line give it a
// sink; tests give it a list. Callers never pass tokens; the redactor is the second line of defence.

export interface Log {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {} };

export function consoleLog(): Log {
  return {
    info: (message, detail) => console.info(message, detail ?? ''),
    warn: (message, detail) => console.warn(message, detail ?? ''),
    error: (message, detail) => console.error(message, detail ?? ''),
  };
}
