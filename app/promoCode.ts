// The promo-code model every side shares: what a code is once Altcraft's answer has been validated,
// and how its status is derived (API.md: activated, then expired, then attached, else available).

/**
 * What Altcraft said about one of a code's dates (the rules are in main/services/altcraft/answerRules.ts):
 * - a number: the moment, in epoch milliseconds (UTC);
 * - `true`: it happened, at a time Altcraft did not give;
 * - a string: a value that is not a date, kept as Altcraft sent it;
 * - null: not set.
 */
export type CodeDate = number | true | string | null;

/** One promo code. */
export interface PromoCode {
  /** Byte for byte as Altcraft sent it (a number as its digits): never trimmed, never parsed. */
  code: string;
  attached: CodeDate;
  activated: CodeDate;
  expireDate: CodeDate;
  expired: CodeDate;
}

/** The date fields, in the workbook's column order. */
export const DATE_FIELDS = ['attached', 'activated', 'expireDate', 'expired'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const CODE_STATUSES = ['available', 'attached', 'activated', 'expired'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];
export type StatusCounts = Record<CodeStatus, number>;

/** Whatever a date field holds (a date, "at an unknown time", text), it says the thing happened. */
export function statusOf(code: PromoCode): CodeStatus {
  if (code.activated !== null) return 'activated';
  if (code.expired !== null) return 'expired';
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
    // Only a date counts: "at an unknown time" and a value kept as text expire at no known moment.
    const expires = code.expireDate;
    if (
      !isStillToBeUsed(status) ||
      typeof expires !== 'number' ||
      expires < expiry.from ||
      expires >= expiry.to
    )
      return false;
  }
  if (filter.search === '') return true;
  return code.code.toLowerCase().includes(filter.search.toLowerCase());
}
