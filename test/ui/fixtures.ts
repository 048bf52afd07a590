// Playwright fixtures: a simulator on loopback, a fresh data folder, a private keychain service name,
// and the built page wired to the real handler table.
import { expect as pwExpect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
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

/** First run: adds a connection through the form, as a person would, and waits until it is saved. */
export async function addConnection(
  page: Page,
  host: string,
  token: string,
  name = 'Marketing',
): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Altcraft address').fill(host);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await pwExpect(page.getByText('Saved in the system keychain')).toBeVisible();
}

/** Types a loyalty program's ID, gets its codes and waits for the count above the table. */
export async function getCodes(page: Page, loyaltyId: number, count: number): Promise<void> {
  await page.getByLabel('Loyalty program ID').fill(String(loyaltyId));
  await page.getByRole('button', { name: 'Get codes', exact: true }).click();
  await pwExpect(page.getByRole('heading', { level: 3 })).toContainText(
    `${count.toLocaleString('en')} codes`,
  );
}
