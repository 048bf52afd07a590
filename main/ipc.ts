// Registers the handler table with Electron. Only the app's own page in the app's own window may
// call; anything else is refused before an argument is looked at.
import type { IpcMainInvokeEvent } from 'electron';
import { BrowserWindow, ipcMain } from 'electron';
import { CALL_CHANNELS } from '../app/ipcContract';
import { isAppPageUrl } from './appPage';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';
import type { Log } from './services/log';

export function setupIpc(handlers: Handlers, pageUrl: string, log: Log): void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean =>
    BrowserWindow.fromWebContents(event.sender) !== null &&
    event.senderFrame !== null &&
    isAppPageUrl(event.senderFrame.url, pageUrl);

  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrusted(event)) {
        log.warn(`Refused ${channel} from a page that is not the app's`, { url: event.senderFrame?.url });
        return { ok: false, error: { code: 'invalid-input', message: 'This page may not use the app.' } };
      }
      const sender = event.sender;
      return dispatch(
        handlers,
        channel,
        arg,
        {
          emit: (name, payload) => {
            if (!sender.isDestroyed()) sender.send(name, payload);
          },
        },
        log,
      );
    });
  }
}
