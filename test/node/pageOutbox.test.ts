import { describe, expect, it } from 'vitest';
import type { AppEvents, EventName } from '../../app/ipcContract';
import { createPageOutbox } from '../../main/shell/pageOutbox';

// Main's messages to the page, held until the page says it is ready (main/shell/pageOutbox.ts).

function recordingOutbox(maxHeld?: number) {
  const delivered: [EventName, AppEvents[EventName]][] = [];
  const outbox = createPageOutbox((event, payload) => delivered.push([event, payload]), maxHeld);
  return { outbox, delivered };
}

const progress = (rowsWritten: number) => ({ rowsWritten, rowsTotal: 10 });

describe('the page outbox', () => {
  it('holds a menu command sent before the page is ready, and delivers it when it is', () => {
    const { outbox, delivered } = recordingOutbox();
    outbox.sendToPage('menu:command', { command: 'save-excel' });
    expect(delivered).toEqual([]);
    outbox.ready();
    expect(delivered).toEqual([['menu:command', { command: 'save-excel' }]]);
  });

  it('delivers what it held in the order it was sent, once', () => {
    const { outbox, delivered } = recordingOutbox();
    outbox.sendToPage('workbook:progress', progress(1));
    outbox.sendToPage('menu:command', { command: 'open-workbook' });
    outbox.sendToPage('workbook:progress', progress(2));
    outbox.ready();
    outbox.ready(); // React's development mode mounts twice: a second ready sends nothing again
    expect(delivered.map(([event]) => event)).toEqual([
      'workbook:progress',
      'menu:command',
      'workbook:progress',
    ]);
  });

  it('sends at once while the page is ready', () => {
    const { outbox, delivered } = recordingOutbox();
    outbox.ready();
    outbox.sendToPage('menu:command', { command: 'save-csv' });
    expect(delivered).toEqual([['menu:command', { command: 'save-csv' }]]);
  });

  it('holds again after a reload until the new page says it is ready', () => {
    const { outbox, delivered } = recordingOutbox();
    outbox.ready();
    outbox.reset();
    outbox.sendToPage('menu:command', { command: 'open-workbook' });
    expect(delivered).toEqual([]);
    outbox.ready();
    expect(delivered).toEqual([['menu:command', { command: 'open-workbook' }]]);
  });

  it('keeps what it held across a reload that came before the page was ready', () => {
    const { outbox, delivered } = recordingOutbox();
    outbox.sendToPage('menu:command', { command: 'open-workbook' });
    outbox.reset();
    outbox.ready();
    expect(delivered).toEqual([['menu:command', { command: 'open-workbook' }]]);
  });

  it('holds a bounded number for a page that never gets ready, dropping the oldest', () => {
    const { outbox, delivered } = recordingOutbox(3);
    for (let i = 1; i <= 5; i++) outbox.sendToPage('workbook:progress', progress(i));
    outbox.ready();
    expect(delivered).toEqual([3, 4, 5].map((i) => ['workbook:progress', progress(i)]));
  });
});
