#!/usr/bin/env node
// promo-exporter: the command line (built to out/main/cli.js, the package's bin). Plain Node, never
// Electron: it wires the process (streams, environment, signals) to run() and sets the exit code.
import { run } from './run';

const controller = new AbortController();
let interrupted = false;
const stop = (signal: NodeJS.Signals) => {
  // The first Ctrl+C stops cleanly (no half-written file is left); a second one does not wait.
  if (interrupted) process.exit(signal === 'SIGINT' ? 130 : 143);
  interrupted = true;
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const code = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
// Idle keep-alive sockets or the keychain's connection could hold the process open for a while;
// the exit code is settled, so leave once the output has had a moment to drain.
setTimeout(() => process.exit(code), 1_000).unref();
