// Main's messages to the app's window's page: one outbox (pageOutbox.ts) that sends with
// webContents.send once the page is ready, and forgets that readiness when a new page loads.
import type { WebContents } from 'electron';
import { createPageOutbox } from './pageOutbox';
import type { PageOutbox } from './pageOutbox';

/** `currentPage` answers the web contents of the app's window, or null while there is none. */
export function setupPageMessages(currentPage: () => WebContents | null): PageOutbox {
  return createPageOutbox((event, payload) => {
    const contents = currentPage();
    if (contents !== null && !contents.isDestroyed()) contents.send(event, payload);
  });
}

/** A reload (or a page started after a crash) has not yet mounted: hold messages until it says so. */
export function holdWhileLoading(contents: WebContents, outbox: PageOutbox): void {
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) outbox.reset();
  });
  contents.on('render-process-gone', () => outbox.reset());
}
