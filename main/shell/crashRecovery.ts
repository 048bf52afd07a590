// Staying up: an error nobody caught in the main process is logged and shown, never a silent exit
// (nor Electron's own dialog, which prints a raw stack); a page whose process died is reloaded with a
// message; a start that fails says so before the app quits.
import type { MessageBoxOptions } from 'electron';
import { app, BrowserWindow, dialog } from 'electron';
import type { ProblemDialog } from './crashPolicy';
import { createCrashPolicy, pageGoneDialog, startFailureDialog, unexpectedErrorDialog } from './crashPolicy';
import type { KnownSecrets } from '../services/knownSecrets';
import type { Log } from '../services/log';

export function setupCrashRecovery(log: Log, secrets: KnownSecrets): void {
  let showing = false;
  const report = (what: string) => (error: unknown) => {
    log.error(`${what} in the main process`, error);
    // One dialog at a time: an error that repeats in a loop must not bury the screen in dialogs.
    if (showing) return;
    showing = true;
    void show(unexpectedErrorDialog(error, secrets.values()), null).finally(() => {
      showing = false;
    });
  };
  process.on('uncaughtException', report('An uncaught error'));
  process.on('unhandledRejection', report('An unhandled rejection'));

  const policy = createCrashPolicy();
  app.on('render-process-gone', (_event, contents, details) => {
    log.error('A page process stopped', details);
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const decision = policy.onCrash(Date.now());
    if (decision === 'reload') contents.reload();
    void show(pageGoneDialog(details.reason, decision), BrowserWindow.fromWebContents(contents));
  });
  app.on('child-process-gone', (_event, details) => log.warn('A helper process stopped', details));
}

/** For a start that failed before there was a window: say so, then quit. */
export async function reportStartFailure(error: unknown, log: Log, secrets: KnownSecrets): Promise<void> {
  log.error('The app could not start', error);
  await show(startFailureDialog(error, secrets.values()), null);
  app.exit(1);
}

/** A message box once the app is ready (it never blocks the main process); the only dialog before. */
async function show(problem: ProblemDialog, owner: BrowserWindow | null): Promise<void> {
  try {
    if (!app.isReady()) {
      dialog.showErrorBox(problem.title, `${problem.message}\n\n${problem.detail}`);
      return;
    }
    const options: MessageBoxOptions = {
      type: 'error',
      title: problem.title,
      message: problem.message,
      detail: problem.detail,
      buttons: ['OK'],
    };
    await (owner === null ? dialog.showMessageBox(options) : dialog.showMessageBox(owner, options));
  } catch {
    // Showing the problem failed too; it is in the log.
  }
}
