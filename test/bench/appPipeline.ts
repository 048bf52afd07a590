// Bench variant: the app's own pipeline, through composeServices and the handler table as the page
// calls it: 'codes:fetch' over real HTTP from the simulator (parsed in the code worker), then
// 'codes:insights' (the page's pictures of the codes, worked out in the code worker), then
// 'workbook:save' of the whole program to .xlsx (written in the code worker).
// Usage: node --import tsx test/bench/appPipeline.ts <simulator url> <loyalty id> <target.xlsx>
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '../../main/composeServices';
import type { SecretStore } from '../../main/services/tokenVault';
import { DEMO_TOKEN } from '../altcraft-sim/server';
import { measure, report } from './measure';

const [simUrl, loyaltyArg, target] = process.argv.slice(2);
if (simUrl === undefined || loyaltyArg === undefined || target === undefined) {
  throw new Error('usage: appPipeline.ts <simulator url> <loyalty id> <target.xlsx>');
}
const loyaltyId = Number(loyaltyArg);

const secrets = new Map<string, string>();
const secretStore: SecretStore = {
  getPassword: async (service, account) => secrets.get(`${service}/${account}`) ?? null,
  setPassword: async (service, account, password) => void secrets.set(`${service}/${account}`, password),
  deletePassword: async (service, account) => secrets.delete(`${service}/${account}`),
};

const dataDir = await mkdtemp(join(tmpdir(), 'promo-bench-'));
const services = await composeServices({
  dataDir,
  secretStore,
  // The built worker, as the app runs it (from source it would carry tsx's loader thread too).
  codeWorkerScript: new URL('../../out/main/codeWorker.cjs', import.meta.url),
  page: {
    documentsDir: dataDir,
    appVersion: '0.0.0-bench',
    dialogs: { chooseSaveTarget: async () => target, chooseWorkbookToOpen: async () => null },
    desktop: { openPath: async () => undefined, showInFolder: () => undefined },
  },
});
const { handlers } = services;
const context = { emit: () => undefined, pageReady: () => undefined };
const connection = await handlers['connections:add'](
  { name: 'Bench', host: simUrl, token: DEMO_TOKEN },
  context,
);
const connectionId = connection.id;
// Start the worker before the clock, as the app does at launch.
await handlers['codes:query']({ connectionId, loyaltyId, view: ALL(), offset: 0, limit: 1 }, context).catch(
  () => undefined,
);

function ALL() {
  return { filter: { status: null, search: '' }, sort: null };
}

const idleRssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
const result = await measure(async (phase) => {
  phase('fetch+parse');
  const fetched = await handlers['codes:fetch']({ connectionId, loyaltyId }, context);
  phase('insights');
  const insights = await handlers['codes:insights']({ connectionId, loyaltyId }, context);
  if (insights.timeline.starts.length === 0) throw new Error('the million codes have no timeline');
  phase('xlsx');
  const saved = await handlers['workbook:save'](
    { connectionId, loyaltyIds: [loyaltyId], filter: { status: null, search: '' }, language: 'en' },
    context,
  );
  if (saved === null || saved.rows !== fetched.total) throw new Error('the workbook was not written whole');
  return saved.rows;
});
await services.library.close();
await rm(dataDir, { recursive: true, force: true });
report({ ...result, idleRssMb });
