// The schema of every call's argument. Main validates each argument against these before a handler
// runs; the types in ipcContract.ts are inferred from them. Kept apart so the preload and the page
// import only types from here and never bundle zod.
import { z } from 'zod';
import { SORT_COLUMNS } from './codeView';
import { CSV_DELIMITERS } from './csvDelimiter';
import { CODE_STATUSES } from './promoCode';
import { reviewCallSchemas } from './reviewSchemas';

const connectionId = z.string().min(1).max(100);
const loyaltyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const token = z.string().trim().min(1).max(4096);
const name = z.string().trim().min(1).max(100);
const programName = z.string().trim().max(100);
const programRef = z.object({ connectionId, loyaltyId });
const codeSort = z.object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).nullable();
/** The page's language: workbooks and CSV files get their headers and status words in it. */
const language = z.enum(['en', 'ru']);
const epochMs = z.number().finite();
const codeFilter = z.object({
  status: z.enum(CODE_STATUSES).nullable(),
  search: z.string().max(1000),
  expiresBetween: z.object({ from: epochMs, to: epochMs }).nullable().optional(),
});

export const callSchemas = {
  'app:ready': z.undefined(),
  'app:notices': z.undefined(),
  'connections:list': z.undefined(),
  'connections:add': z.object({ name, host: z.string().max(2000), token }),
  'connections:rename': z.object({ connectionId, name }),
  'connections:setHost': z.object({ connectionId, host: z.string().max(2000), token }),
  'connections:check': z.object({ connectionId }),
  'connections:replaceToken': z.object({ connectionId, token }),
  'connections:forget': z.object({ connectionId }),
  'programs:add': programRef.extend({ name: programName }),
  'programs:rename': programRef.extend({ name: programName }),
  'programs:remove': programRef,
  'codes:fetch': programRef,
  'codes:cancel': programRef,
  'codes:query': programRef.extend({
    view: z.object({ filter: codeFilter, sort: codeSort }),
    offset: z.number().int().min(0),
    limit: z.number().int().min(0).max(5000),
  }),
  'codes:insights': programRef,
  'codes:texts': programRef.extend({
    view: z.object({ filter: codeFilter, sort: codeSort }),
    ranges: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).max(10_000),
  }),
  'workbook:cancel': z.undefined(),
  'csv:save': programRef.extend({ filter: codeFilter, language, delimiter: z.enum(CSV_DELIMITERS) }),
  'workbook:open': z.undefined(),
  'exports:list': z.undefined(),
  'window:rememberedProgram': z.undefined(),
  'window:rememberProgram': programRef,
  'exports:open': z.object({ path: z.string().min(1).max(4096) }),
  'exports:showInFolder': z.object({ path: z.string().min(1).max(4096) }),
  'workbook:save': z.object({
    connectionId,
    loyaltyIds: z.array(loyaltyId).min(1).max(100),
    filter: codeFilter,
    language,
    /** Adds this comparison's changed codes on a `Changes` sheet. */
    changesOf: z.string().min(1).max(100).optional(),
  }),
  ...reviewCallSchemas,
} as const;

export type CallSchemas = typeof callSchemas;
