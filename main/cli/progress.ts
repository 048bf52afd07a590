// Progress on standard error, rewritten in place, only when standard error is a terminal: a cron job
// or a script capturing the output gets nothing but the failure line, if any.

export interface Progress {
  /** Replaces the progress line; calls closer together than a tenth of a second are skipped. */
  show(text: string, force?: boolean): void;
  /** Removes the progress line (before a final message or a failure). */
  clear(): void;
  /** A line that stays, such as "Saved …"; nothing when not a terminal. */
  note(text: string): void;
}

const INTERVAL_MS = 100;

export function progressOn(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true) return { show() {}, clear() {}, note() {} };
  let shown = false;
  let lastAt = 0;
  return {
    show(text, force = false) {
      const at = now();
      if (!force && at - lastAt < INTERVAL_MS) return;
      lastAt = at;
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r${text.slice(0, width)}\u001b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
    note(text) {
      this.clear();
      stream.write(`${text}\n`);
    },
  };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
