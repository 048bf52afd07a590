// Main's messages to the page wait until the page says it is ready ('app:ready', sent once it has
// mounted and subscribed), as electron/fiddle does: a File menu command chosen while the page is
// still loading, or reloading, reaches it instead of going to a page with no one listening.
// Pure: the shell hands it the function that actually sends (webContents.send), the UI harness
// one that sends into Chromium.
import type { AppEvents, EventName } from '../../app/ipcContract';

/** The one way main sends the page an event. */
export type SendToPage = <E extends EventName>(event: E, payload: AppEvents[E]) => void;

export interface PageOutbox {
  sendToPage: SendToPage;
  /** The page has mounted and listens: everything held is sent now, in order. */
  ready(): void;
  /** A new page is loading (a reload, a crash): hold messages again until it says it is ready. */
  reset(): void;
}

type Message = { [E in EventName]: { event: E; payload: AppEvents[E] } }[EventName];

/**
 * A page that never says it is ready must not make main hold messages without end: past this many
 * the oldest go. Progress comes in many messages, and only the latest of them matters.
 */
export const MAX_HELD = 200;

export function createPageOutbox(deliver: SendToPage, maxHeld = MAX_HELD): PageOutbox {
  let isReady = false;
  const held: Message[] = [];
  return {
    sendToPage(event, payload) {
      if (isReady) {
        deliver(event, payload);
        return;
      }
      held.push({ event, payload } as Message);
      if (held.length > maxHeld) held.shift();
    },
    ready() {
      isReady = true;
      for (const { event, payload } of held.splice(0)) deliver(event, payload);
    },
    reset() {
      isReady = false;
    },
  };
}
