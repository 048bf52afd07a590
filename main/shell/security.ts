// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), the
// parts that hold for every page the app could ever show. Item by item:
//  1 secure content only      the page is the app's own files (app://promo-exporter/, appProtocol.ts)
//                              and its CSP lets it fetch nothing else; Altcraft is reached over https
//                              only (plain http for this computer alone, app/host.ts)
//  2 no Node in remote pages   nodeIntegration off (window.ts); there are no remote pages
//  3 context isolation         on (window.ts)
//  4 sandbox                   on (window.ts) and forced for every renderer here (enableSandbox)
//  5 permission requests       every request and check denied (setupSessionSecurity)
//  6 webSecurity               on (window.ts)
//  7 Content-Security-Policy   a strict one (app/contentSecurityPolicy.ts), in the page's <meta> and
//                              sent as a header by the app's protocol (pageFiles.ts)
//  8 insecure content          allowRunningInsecureContent off (window.ts)
//  9 experimental features     off (window.ts)
// 10 enableBlinkFeatures       never used; Auxclick is disabled (window.ts)
// 11 <webview>                 webviewTag off (window.ts); attaching one is refused here
// 12 webview options           n/a: no webview is ever attached
// 13 navigation                every navigation and redirect refused here
// 14 new windows               every window.open refused here; allowed links go to the browser
// 15 shell.openExternal        only https links on the allowlist (externalLinks.ts)
// 16 current Electron          kept current in package.json; Electronegativity checks the installed
//                              version in npm test
// 17 IPC senders               verified on every call (ipc.ts, senderTrust.ts): only the app's page
// 18 custom protocol           the page comes from app://promo-exporter/ (appProtocol.ts), never
//                              file://: only files inside the built page folder (pageFiles.ts)
// 19 fuses                     set by electron-builder (electron-builder.yml), file:// privileges off
// 20 no @electron/remote       not used
// Development switches (the development server's page and its developer tools, the demo, a test
// keychain) are honoured only when the app is not packaged (developmentSwitches.ts).
import type { Session, WebContents } from 'electron';
import { app, shell } from 'electron';
import { isAllowedExternalUrl } from './externalLinks';
import type { Log } from '../services/log';

/** Before the app is ready: sandbox everything, and harden each web contents as it is created. */
export function setupSecurity(log: Log): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/** After the app is ready: the session grants no permission to any page. */
export function setupSessionSecurity(session: Session, log: Log): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    log.warn(`Refused the permission "${permission}" to a page`, { url: contents.getURL() });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Screen capture: refused by answering with no stream.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

function hardenWebContents(contents: WebContents, log: Log): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a <webview>');
  });
  // The page is a single screen that never navigates, so any navigation is someone else's doing; a
  // link to an allowed address opens in the system browser instead.
  const refuse = (what: string) => (event: Electron.Event<{ url: string }>) => {
    event.preventDefault();
    openOutside(event.url, what, log);
  };
  contents.on('will-navigate', refuse('a navigation'));
  contents.on('will-frame-navigate', refuse('a frame navigation'));
  contents.on('will-redirect', refuse('a redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, 'a new window', log);
    return { action: 'deny' };
  });
}

function openOutside(url: string, what: string, log: Log): void {
  if (!isAllowedExternalUrl(url)) {
    log.warn(`Refused ${what}`, { url });
    return;
  }
  shell.openExternal(url).catch((error: unknown) => log.warn('Could not open a link', error));
}
