// Playwright fixtures: a simulator on loopback, a fresh data folder, a private keychain service name,
// and the built page wired to the real handler table.
import { test as base } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAltcraftSim } from '../altcraft-sim/server';
import type { Harness } from '../support/appHarness';
import { openAppPage } from '../support/appHarness';
import { servePage } from '../support/pageServer';

type Sim = Awaited<ReturnType<typeof startAltcraftSim>>;

export const test = base.extend<{ sim: Sim; workDir: string; app: Harness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  sim: async ({}, use) => {
    const sim = await startAltcraftSim();
    await use(sim);
    await sim.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'promo-exporter-ui-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // Automatic: every UI test starts with the page open on its own harness, even one that never
  // names `app`.
  app: [
    async ({ page, workDir }, use) => {
      const server = await servePage();
      const harness = await openAppPage(page, {
        pageUrl: server.url,
        dataDir: join(workDir, 'data'),
        keychainService: `Promo Exporter test ${randomUUID()}`,
      });
      await use(harness);
      await harness.close();
      await server.close();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
