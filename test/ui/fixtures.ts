// Playwright fixtures: a simulator on loopback, a fresh data folder, a private keychain service name,
// and the built page wired to the real handler table.
import { expect as pwExpect, test as base } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
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

/** The connection switcher at the top of the sidebar, which names the connection in use. */
export const switcher = (page: Page): Locator => page.getByRole('button', { name: /^Connection: / });

/** The line under the program's name: its ID, how many codes and when they were fetched. */
export const programFacts = (page: Page): Locator =>
  page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^ID \d+/ });

/** First run: adds a connection through the welcome form, as a person would, and waits for it. */
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
  await pwExpect(switcher(page)).toHaveAccessibleName(`Connection: ${name}`);
}

/** Adds a loyalty program by its ID through "Add program", which gets its codes straight away. */
export async function addProgram(page: Page, loyaltyId: number, name = ''): Promise<void> {
  await page.getByRole('complementary').getByRole('button', { name: 'Add program' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a loyalty program' });
  await dialog.getByLabel('Loyalty program ID').fill(String(loyaltyId));
  if (name !== '') await dialog.getByLabel('Name (optional)').fill(name);
  await dialog.getByRole('button', { name: 'Add and get codes' }).click();
  await pwExpect(dialog).toHaveCount(0);
}

/** Adds a program and waits until its codes are here, with the count in the header. */
export async function getCodes(page: Page, loyaltyId: number, count: number): Promise<void> {
  await addProgram(page, loyaltyId);
  await pwExpect(programFacts(page)).toContainText(`${count.toLocaleString('en')} codes`);
  await pwExpect(page.getByRole('button', { name: 'Refresh' })).toBeVisible();
}

/** Opens the connection in use's settings dialog through the switcher's menu. */
export async function openConnectionSettings(page: Page): Promise<Locator> {
  await switcher(page).click();
  await page.getByRole('menuitem', { name: 'Connection settings…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Connection “/ });
  await pwExpect(dialog).toBeVisible();
  return dialog;
}

/** Chooses an item of the Export menu. */
export async function exportAs(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}
