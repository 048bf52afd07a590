// Whom the app answers: only its own page, in the main frame of its own window. This is the one
// copy of that rule; main/shell/ipc.ts asks it for every call through Electron, and the UI test
// harness asks it for every call through Chromium, so CI runs the rule the app runs.
// Pure: it imports only Electron's types.
import type { IpcMainInvokeEvent } from 'electron';

/** What the rule needs to know about whoever sent a call. */
export interface SenderFacts {
  /** The sender is the web contents of the app's own window, not another window or a webview. */
  fromAppWindow: boolean;
  /** The sender's web contents is gone (closed, crashed) by the time the call is looked at. */
  destroyed: boolean;
  /** The frame that sent the call; null once it has navigated away or been destroyed. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/**
 * True when the sender is the app's own page: the app's window, still there, its main frame, at
 * the app's page address. `pageUrl` is that address (app://promo-exporter/index.html, or the
 * development server under `npm run dev`), so the rule does not change when the page moves.
 */
export function isAppSender(facts: SenderFacts, pageUrl: string): boolean {
  return (
    facts.fromAppWindow &&
    !facts.destroyed &&
    facts.frame !== null &&
    facts.frame.isMainFrame &&
    isAppPageUrl(facts.frame.url, pageUrl)
  );
}

/**
 * The facts of an Electron call. `appPage` is the web contents of the app's window (null before it
 * opens). A destroyed sender is not asked anything more: Electron throws on a destroyed object.
 */
export function factsOfElectronCall(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  appPage: object | null,
): SenderFacts {
  const destroyed = event.sender.isDestroyed();
  const frame = destroyed ? null : event.senderFrame;
  return {
    fromAppWindow: appPage !== null && event.sender === appPage,
    destroyed,
    frame: frame === null || frame.detached ? null : { url: frame.url, isMainFrame: frame.parent === null },
  };
}

/**
 * Whether an address is the app's page: for a server or a custom protocol, the same scheme and
 * host. A custom scheme's origin is opaque ("null") in the URL standard, so it is compared by scheme
 * and host instead, never as two equal "null"s. A file:// address never is: the page does not come
 * from files, and every file:// address would share its powers.
 */
export function isAppPageUrl(url: string, pageUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(pageUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== expected.protocol || expected.protocol === 'file:') return false;
  if (expected.origin !== 'null') return actual.origin === expected.origin;
  return expected.host !== '' && actual.host === expected.host;
}
