// The argument schemas of the review calls (see reviewContract.ts); ipcSchemas.ts takes them in.
import { z } from 'zod';
import type { REVIEW_CALL_CHANNELS } from './reviewContract';

const comparisonId = z.string().min(1).max(100);

export const reviewCallSchemas = {
  'review:cancel': z.undefined(),
  'review:compare': z.object({
    /** A connection's ID, or an opened workbook's source ID. */
    sourceId: z.string().min(1).max(100),
    loyaltyIds: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(100),
  }),
  'review:changes': z.object({
    comparisonId,
    /** A program by its place in the comparison's programs, or all of them. */
    program: z.number().int().min(0).max(1000).nullable(),
    kind: z.enum(['added', 'removed', 'status']).nullable(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(0).max(5000),
  }),
  'review:saveChanges': z.object({
    comparisonId,
    format: z.enum(['xlsx', 'csv']),
    language: z.enum(['en', 'ru']),
  }),
} as const satisfies Record<(typeof REVIEW_CALL_CHANNELS)[number], z.ZodType>;
