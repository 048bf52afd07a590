// What the command line talks to: the standard streams, the environment and a cancel signal.
// Passed in rather than read from `process`, so every command's output goes through one place.

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  /** Progress and prompts go here, and only when it is a terminal (isTTY). */
  stderr: NodeJS.WriteStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Fires on Ctrl+C or SIGTERM: downloads stop, a half-written file is removed. */
  signal: AbortSignal;
}
