// What a program's codes look like at a glance, as the page draws it: how many attachments and
// activations happened per day (or week, or month), and how many codes still to be used expire soon.

/** The windows "expiring within N days" is counted for. */
export const EXPIRY_WINDOWS_DAYS = [7, 30] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS_DAYS)[number];

export const DAY_MS = 86_400_000;

export interface CodeTimeline {
  /** Days for a span of up to about four months, weeks (from Monday) up to about two years, else months. */
  unit: 'day' | 'week' | 'month';
  /** Where each period starts: local midnight, epoch milliseconds. Periods without events are kept, as 0. */
  starts: number[];
  attached: number[];
  activated: number[];
}

export interface CodeInsights {
  timeline: CodeTimeline;
  /** Codes still to be used (available or attached) whose expire date is in [asOf, asOf + N days). */
  expiring: Record<ExpiryWindow, number>;
  /** The moment "expiring" was counted from, so the page's filter asks for exactly those codes. */
  asOf: number;
}

/** The filter that shows the codes counted as expiring within `days` of `asOf`. */
export function expiringWithin(days: ExpiryWindow, asOf: number): { from: number; to: number } {
  return { from: asOf, to: asOf + days * DAY_MS };
}
