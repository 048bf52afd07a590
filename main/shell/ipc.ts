// Registers the handler table with Electron. Only the app's own page in the app's own window may
// call; anything else is refused before an argument is looked at.
import type { WebContents } from 'electron';
import { ipcMain } from 'electron';
import { CALL_CHANNELS } from '../../app/ipcContract';
import type { CallChannel } from '../../app/ipcContract';
import type { PageOutbox } from './pageOutbox';
import { factsOfElectronCall, isAppSender } from './senderTrust';
import { dispatch } from '../calls/dispatch';
import type { Handlers } from '../calls/handlers';
import type { KnownSecrets } from '../services/knownSecrets';
import type { Log } from '../services/log';

/**
 * `appPage` answers the web contents of the app's window, or null while there is none; `page` is
 * that page's outbox, through which handlers send it events. `follow` runs each call, and may
 * watch it on the way (the task bar's progress for long work).
 */
export function setupIpc(
  handlers: Handlers,
  pageUrl: string,
  appPage: () => WebContents | null,
  page: PageOutbox,
  log: Log,
  secrets: KnownSecrets,
  follow: (channel: CallChannel, arg: unknown, run: () => Promise<unknown>) => Promise<unknown> = (
    _channel,
    _arg,
    run,
  ) => run(),
): void {
  // Only the app's page gets this far, so "the page that called" is always that page.
  const context = { emit: page.sendToPage, pageReady: page.ready };
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      const facts = factsOfElectronCall(event, appPage());
      if (!isAppSender(facts, pageUrl)) {
        log.warn(`Refused ${channel} from a page that is not the app's`, facts);
        return { ok: false, error: { code: 'invalid-input', message: 'This page may not use the app.' } };
      }
      // A token the page sends is known to the redactor before anything could log it, even if the
      // call then fails before the keychain sees it.
      const token = typeof arg === 'object' && arg !== null ? (arg as { token?: unknown }).token : undefined;
      if (typeof token === 'string') secrets.add(token);
      return follow(channel, arg, () => dispatch(handlers, channel, arg, context, log));
    });
  }
}
