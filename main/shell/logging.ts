// The log file in the app's log folder (Electron's `logs` path), every line redacted, and the way
// to open that folder from the Help menu so people can send it to their administrator.
import { app, shell } from 'electron';
import { join } from 'node:path';
import { fileLogSink, LOG_FILE_NAME } from '../services/fileLog';
import type { KnownSecrets } from '../services/knownSecrets';
import type { Log } from '../services/log';
import { redactingLog } from '../services/log';

export function setupLogging(secrets: KnownSecrets): Log {
  // Electron's default log folder, made explicit before it is read: ~/Library/Logs/Promo Exporter on
  // macOS, "logs" in the data folder elsewhere (so demo mode, with its own data folder, logs apart).
  app.setAppLogsPath();
  const file = join(app.getPath('logs'), LOG_FILE_NAME);
  const log = redactingLog(fileLogSink({ file, console: !app.isPackaged }), secrets);
  log.info(
    `Promo Exporter ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`,
  );
  return log;
}

export function openLogsFolder(log: Log): void {
  shell.openPath(app.getPath('logs')).then(
    (problem) => {
      if (problem !== '') log.warn('Could not open the logs folder', problem);
    },
    (error: unknown) => log.warn('Could not open the logs folder', error),
  );
}
