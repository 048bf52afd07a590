// The desktop's part in long work: the task bar or dock icon shows how far a download or a save has
// come (taskbarProgress.ts decides the value), and a long save that ends while the window is in
// the background says so in a notification (exportNotice.ts decides when, and the words).
import type { BrowserWindow } from 'electron';
import { Notification } from 'electron';
import type { CallChannel } from '../../app/ipcContract';
import { exportNotification, savedExport, shouldNotifyExport } from './exportNotice';
import type { SendToPage } from './pageOutbox';
import { createTaskbarProgress } from './taskbarProgress';

export interface LongWorkWatch {
  /** Sends to the page as `send` does, and shows progress events on the icon too. */
  sendToPage: SendToPage;
  /** Runs a call, following it when it is long work, and answers what the call answered. */
  follow(channel: CallChannel, arg: unknown, run: () => Promise<unknown>): Promise<unknown>;
}

export function watchLongWork(window: () => BrowserWindow | null, send: SendToPage): LongWorkWatch {
  const usable = () => {
    const current = window();
    return current !== null && !current.isDestroyed() ? current : null;
  };
  const progress = createTaskbarProgress((value) => usable()?.setProgressBar(value));
  return {
    sendToPage(event, payload) {
      progress.event(event, payload);
      send(event, payload);
    },
    async follow(channel, arg, run) {
      const key = progress.callStarted(channel, arg);
      if (key === null) return run();
      let result: unknown = null;
      try {
        result = await run();
        return result;
      } finally {
        const writingMs = progress.callFinished(key);
        const saved = savedExport(channel, arg, result);
        const current = usable();
        if (
          saved !== null &&
          Notification.isSupported() &&
          shouldNotifyExport({ writingMs, windowFocused: current?.isFocused() ?? false })
        ) {
          const notice = new Notification(exportNotification(saved.language, saved.saved));
          notice.on('click', () => {
            current?.show();
            current?.focus();
          });
          notice.show();
        }
      }
    },
  };
}
