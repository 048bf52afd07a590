// The promo-code model every side shares: what a code is once Altcraft's answer has been validated,
// and how its status is derived (API.md: activated, then expired, then attached, else available).

/** One promo code. Dates are epoch milliseconds (UTC); null where Altcraft gave none. */
export interface PromoCode {
  /** Byte for byte as Altcraft sent it: never trimmed, never parsed as a number. */
  code: string;
  attached: number | null;
  activated: number | null;
  expireDate: number | null;
  /** A date when Altcraft gave one, true/false when it gave a flag, null when absent or "". */
  expired: number | boolean | null;
}

export const CODE_STATUSES = ['available', 'attached', 'activated', 'expired'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];
export type StatusCounts = Record<CodeStatus, number>;

export function statusOf(code: PromoCode): CodeStatus {
  if (code.activated !== null) return 'activated';
  if (typeof code.expired === 'number' || code.expired === true) return 'expired';
  if (code.attached !== null) return 'attached';
  return 'available';
}

export function emptyCounts(): StatusCounts {
  return { available: 0, attached: 0, activated: 0, expired: 0 };
}

export function countByStatus(codes: Iterable<PromoCode>): StatusCounts {
  const counts = emptyCounts();
  for (const code of codes) counts[statusOf(code)] += 1;
  return counts;
}

/**
 * What a person filters the codes by: a status (or all), a case-insensitive substring, and (from
 * "expiring soon") codes still to be used whose expire date falls in [from, to).
 */
export interface CodeFilter {
  status: CodeStatus | null;
  search: string;
  expiresBetween?: { from: number; to: number } | null;
}

/** Whether a filter leaves any code out. */
export function isFiltered(filter: CodeFilter | null): filter is CodeFilter {
  return filter !== null && (filter.status !== null || filter.search !== '' || filter.expiresBetween != null);
}

/** Not yet used or expired, so its expire date still matters. */
export function isStillToBeUsed(status: CodeStatus): boolean {
  return status === 'available' || status === 'attached';
}

export function matchesFilter(code: PromoCode, filter: CodeFilter): boolean {
  const status = statusOf(code);
  if (filter.status !== null && status !== filter.status) return false;
  const expiry = filter.expiresBetween;
  if (expiry != null) {
    const expires = code.expireDate;
    if (!isStillToBeUsed(status) || expires === null || expires < expiry.from || expires >= expiry.to)
      return false;
  }
  if (filter.search === '') return true;
  return code.code.toLowerCase().includes(filter.search.toLowerCase());
}
