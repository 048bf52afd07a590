// The log file: electron-log's file transport, which appends synchronously and, past `maxBytes`,
// renames the file to `main.old.log` (replacing the previous old one) and starts afresh, so at most
// two files ever sit in the folder. It never reads the log whole: it learns the size from stat, and
// reads only when that rename fails (the old file held open on Windows), to keep the newest quarter
// of `maxBytes`, at most 256 KB, in a fresh file. (Its readAllLogs, which would, is never called.)
// electron-log's Node flavour on purpose: its Electron flavour opens an IPC channel through which
// any page could write into the log, unchecked.
// Plain Node, so the file, its rotation and its redaction are tested without Electron.
import electronLog from 'electron-log/node';
import type { LogSink } from './log';

export const LOG_FILE_NAME = 'main.log';
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;

export interface FileLogOptions {
  /** The full path of the log file; its folder is created when missing. */
  file: string;
  maxBytes?: number;
  /** Also print to the terminal (`npm run dev`). */
  console?: boolean;
}

export function fileLogSink(options: FileLogOptions): LogSink {
  const logger = electronLog.create({ logId: `promo-exporter ${options.file}` });
  const file = logger.transports.file;
  file.resolvePathFn = () => options.file;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  // electron-log takes 0 for "never rotate": a log that grows without end.
  if (!(maxBytes > 0)) throw new RangeError(`The log's size limit must be positive, not ${maxBytes}`);
  file.maxSize = maxBytes;
  // Readable by this user only: the log names hosts, connections and files.
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  logger.transports.console.level = options.console === true ? 'info' : false;
  // Nothing leaves this computer: no remote log server, no forwarding to a page.
  logger.transports.remote.level = false;
  // Present only inside Electron (and a no-op in the Node flavour); off, whatever a later version does.
  const ipc = logger.transports.ipc as { level: unknown } | undefined;
  if (ipc !== undefined && ipc !== null) ipc.level = false;
  return (level, line) => logger[level](line);
}
