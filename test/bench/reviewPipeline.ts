// Bench variant: offline review of a million codes through the app's own handlers. A workbook of
// 1,000,000 codes (scrambled 12-character codes, as real ones look) is written first, unmeasured; then
// 'workbook:open' reads it in the code worker while this process (the app's main process) measures its
// own event loop; then a program of the same million codes is kept as a snapshot and read back, with
// the snapshot's size on disk.
// Usage: node --expose-gc --import tsx test/bench/reviewPipeline.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PromoCode } from '../../app/promoCode';
import { composeServices } from '../../main/composeServices';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { openSnapshotStore } from '../../main/services/review/snapshotStore';
import { writeWorkbook } from '../../main/services/workbook';
import { measure, report } from './measure';

const CODES = 1_000_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY = 86_400_000;

/**
 * The i-th code, made when asked: this process (the app's main process in the measurement) must not
 * hold a million codes of its own while it measures its event loop.
 */
function codeAt(i: number): PromoCode {
  let seed = (i + 1) * 2_654_435_761;
  let code = '';
  for (let j = 0; j < 12; j += 1) {
    seed = (seed ^ (seed >>> 13)) * 1_274_126_177;
    code += ALPHABET[(seed >>> 7) & 31];
  }
  const slot = i % 10;
  const start = Date.UTC(2026, 0, 1);
  const at = start + (i % 300) * DAY;
  return {
    code,
    attached: slot >= 6 ? at : null,
    activated: slot >= 8 ? at + DAY : null,
    expireDate: start + 400 * DAY,
    expired: slot === 9 ? at + 2 * DAY : null,
  };
}

const work = await mkdtemp(join(tmpdir(), 'promo-bench-review-'));
const workbook = join(work, 'million.xlsx');
await writeWorkbook({
  target: workbook,
  host: 'bench',
  programs: [{ loyaltyId: 1, name: 'Million', codes: { length: CODES, at: codeAt } }],
  filter: null,
  exportedAt: new Date(),
  timeZone: 'UTC',
  appVersion: 'bench',
  language: 'en',
});

const services = await composeServices({
  dataDir: work,
  // No keychain is needed: nothing is fetched.
  secretStore: {
    getPassword: async () => null,
    setPassword: async () => undefined,
    deletePassword: async () => false,
  },
  codeWorkerScript: new URL('../../out/main/codeWorker.cjs', import.meta.url),
  page: {
    documentsDir: work,
    appVersion: '0.0.0-bench',
    dialogs: { chooseSaveTarget: async () => null, chooseWorkbookToOpen: async () => workbook },
    desktop: { openPath: async () => undefined, showInFolder: () => undefined },
  },
});
const context = { emit: () => undefined, pageReady: () => undefined };
const snapshots = openSnapshotStore(work);
const figures: Record<string, number> = {};
// Writing the workbook above left garbage the app's main process would never have: collect it first.
(globalThis as { gc?: () => void }).gc?.();

const result = await measure(async (phase) => {
  phase('open 1M workbook');
  const opened = await services.handlers['workbook:open'](undefined, context);
  const read = opened?.programs[0]?.total ?? 0;
  if (read !== CODES) throw new Error(`read ${read} codes, not ${CODES}`);
  // In the app the snapshot is kept by the code worker; here its own figures are what count.
  const compact = compactCodes(Array.from({ length: CODES }, (_, i) => codeAt(i)));
  phase('snapshot save');
  await snapshots.save('bench', 1, compact, Date.now());
  phase('snapshot load');
  const loaded = await snapshots.load('bench', 1);
  if (loaded?.length !== CODES) throw new Error('the snapshot did not come back whole');
  return read;
});
figures.snapshotMb = Math.round(((await snapshots.size('bench', 1)) ?? 0) / 1e4) / 100;
await services.library.close();
await rm(work, { recursive: true, force: true });
report({ ...result, figures });
