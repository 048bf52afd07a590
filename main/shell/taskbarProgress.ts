// What the task bar (Windows, Linux) or dock (macOS) icon shows while codes download or a file is
// saved, so a person in another window sees how far along it is. Worked out from the calls and the
// progress events the page already gets; window.ts hands the value to BrowserWindow.setProgressBar.
// Pure, so it is tested without Electron.
import type { AppEvents, CallChannel, EventName } from '../../app/ipcContract';

/** setProgressBar's scale: -1 removes the bar, 0 to 1 is a fraction, above 1 is "busy, no estimate". */
export const NO_BAR = -1;
export const BUSY = 2;

export interface LongWork {
  done: number;
  /** null when the size is not known (a download without Content-Length). */
  total: number | null;
  /** When its first progress came: a save counts from writing, not from the save dialog. */
  since: number;
}

/** One value for everything under way: the mean of the fractions, or "busy" if any has no size. */
export function taskbarValue(work: readonly LongWork[]): number {
  if (work.length === 0) return NO_BAR;
  if (work.some((w) => w.total === null || w.total <= 0)) return BUSY;
  const fractions = work.map((w) => Math.min(1, w.done / (w.total as number)));
  // Two decimals are all a task bar can show; fewer changes, fewer redraws.
  return Math.round((fractions.reduce((a, b) => a + b, 0) / fractions.length) * 100) / 100;
}

/** Which long piece of work a call is, if it is one; the events name the same keys. */
export function longWorkOf(channel: CallChannel, arg: unknown): string | null {
  if (channel === 'codes:fetch') {
    const { connectionId, loyaltyId } = arg as { connectionId: string; loyaltyId: number };
    return fetchKey(connectionId, loyaltyId);
  }
  return channel === 'workbook:save' || channel === 'csv:save' ? SAVE_KEY : null;
}

/** A progress event as done and total of a piece of work. */
export function progressOf<E extends EventName>(
  event: E,
  payload: AppEvents[E],
): { key: string; done: number; total: number | null } | null {
  if (event === 'codes:progress') {
    const p = payload as AppEvents['codes:progress'];
    return { key: fetchKey(p.connectionId, p.loyaltyId), done: p.received, total: p.total };
  }
  if (event === 'workbook:progress') {
    const p = payload as AppEvents['workbook:progress'];
    return { key: SAVE_KEY, done: p.rowsWritten, total: p.rowsTotal };
  }
  return null;
}

const SAVE_KEY = 'save';
const fetchKey = (connectionId: string, loyaltyId: number) => `fetch ${connectionId} ${loyaltyId}`;

/**
 * Follows the long calls: a download shows from its start (as busy until the first progress), a
 * save from its first written rows. `show` gets each new value; `finished` answers how long the
 * work ran since its first progress (for the "export finished" notification), or null.
 */
export function createTaskbarProgress(show: (value: number) => void, now: () => number = Date.now) {
  const work = new Map<string, LongWork>();
  let shown = NO_BAR;
  const update = () => {
    const value = taskbarValue([...work.values()]);
    if (value === shown) return;
    shown = value;
    show(value);
  };
  return {
    callStarted(channel: CallChannel, arg: unknown): string | null {
      const key = longWorkOf(channel, arg);
      if (key !== null && key !== SAVE_KEY) {
        work.set(key, { done: 0, total: null, since: now() });
        update();
      }
      return key;
    },
    event<E extends EventName>(event: E, payload: AppEvents[E]): void {
      const progress = progressOf(event, payload);
      if (progress === null) return;
      const before = work.get(progress.key);
      if (before === undefined && progress.key !== SAVE_KEY) return; // a download already finished
      work.set(progress.key, { done: progress.done, total: progress.total, since: before?.since ?? now() });
      update();
    },
    callFinished(key: string): number | null {
      const finished = work.get(key);
      work.delete(key);
      update();
      return finished === undefined ? null : now() - finished.since;
    },
  };
}
