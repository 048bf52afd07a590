// Bench variant: offline review of a million codes through the app's own handlers. A workbook of
// 1,000,000 codes (random 12-character codes, as real ones are) is written first, unmeasured; then
// 'workbook:open' reads it in the code worker while this process (the app's main process) measures its
// own event loop; then a program of the same million codes is kept as a snapshot and read back, with
// the snapshot's size on disk.
// Usage: node --import tsx test/bench/reviewPipeline.ts
import { randomBytes } from 'node:crypto';
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

function randomCodes(count: number): PromoCode[] {
  const bytes = randomBytes(count * 12);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    let code = '';
    for (let j = 0; j < 12; j += 1) code += ALPHABET[(bytes[i * 12 + j] as number) & 31];
    const slot = i % 10;
    const at = start + (i % 300) * DAY;
    return {
      code,
      attached: slot >= 6 ? at : null,
      activated: slot >= 8 ? at + DAY : null,
      expireDate: start + 400 * DAY,
      expired: slot === 9 ? at + 2 * DAY : null,
    };
  });
}

const work = await mkdtemp(join(tmpdir(), 'promo-bench-review-'));
const workbook = join(work, 'million.xlsx');
const codes = randomCodes(CODES);
await writeWorkbook({
  target: workbook,
  host: 'bench',
  programs: [{ loyaltyId: 1, name: 'Million', codes }],
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
const compact = compactCodes(codes);
const figures: Record<string, number> = {};

const result = await measure(async (phase) => {
  phase('open 1M workbook');
  const opened = await services.handlers['workbook:open'](undefined, context);
  const read = opened?.programs[0]?.total ?? 0;
  if (read !== CODES) throw new Error(`read ${read} codes, not ${CODES}`);
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
