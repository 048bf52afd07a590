// The window as a desktop app: it fills the screen without scrolling, keeps the table large, draws
// the codes (status bar, timeline, expiring soon) and filters by them, and remembers what it showed.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DAY_MS } from '../../app/codeInsights';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook } from '../../main/services/workbook';
import { DEMO_TOKEN, SEASONAL_ID, sampleProgram } from '../altcraft-sim/programs';
import { addConnection, addProgram, expect, getCodes, programFacts, test } from './fixtures';

const showing = (page: Page) => page.getByText(/^Showing [\d,]+ of [\d,]+ codes/);

/** Rows of the code table wholly inside its scrolling area. */
async function rowsInSight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.code-scroll')!.getBoundingClientRect();
    return [...document.querySelectorAll('.code-scroll [role=row]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= scroller.top - 0.5 && box.bottom <= scroller.bottom + 0.5;
    }).length;
  });
}

const pageScrolls = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth;
  });

test('at 1280×800 the page does not scroll and the table shows at least 15 rows', async ({ page, sim }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, SEASONAL_ID, 50_000);
  await expect(page.locator('.timeline-chart canvas')).toBeVisible();
  expect(await pageScrolls(page)).toBe(false);
  expect(await rowsInSight(page)).toBeGreaterThanOrEqual(15);
  // Only the table scrolls: scrolling it moves the rows, not the header, insights or toolbar.
  const toolbarTop = await page.getByLabel('Search codes').boundingBox();
  await page.locator('.code-scroll').evaluate((el) => (el.scrollTop = 3_000));
  await expect(page.locator('[role=gridcell].col-code').first()).not.toHaveText('SUMMER24-00001');
  expect(await page.getByLabel('Search codes').boundingBox()).toEqual(toolbarTop);
});

test('at the 900×600 minimum nothing spills out and every part is still on screen', async ({ page, sim }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, SEASONAL_ID, 50_000);
  expect(await pageScrolls(page)).toBe(false);
  for (const part of [
    page.getByRole('button', { name: 'Refresh' }),
    page.getByRole('region', { name: 'At a glance' }),
    page.getByRole('button', { name: 'Export' }),
    page.getByLabel('Search codes'),
  ])
    await expect(part).toBeInViewport();
  expect(await rowsInSight(page)).toBeGreaterThanOrEqual(5);
});

test('the status bar filters the table and shows each status in its own colour and words', async ({
  page,
  sim,
}) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  const welcome = sampleProgram(1);
  const expired = welcome.filter(
    (c) =>
      c.activated === undefined &&
      (c.expired === true || (typeof c.expired === 'string' && c.expired !== '')),
  ).length;
  const part = page.getByRole('button', { name: `Expired: ${expired} codes, ${expired}%` });
  await part.click();
  await expect(showing(page)).toHaveText(`Showing ${expired} of 100 codes`);
  await expect(part).toHaveAttribute('aria-pressed', 'true');
  // The chips follow: it is one filter, shown in two places.
  await expect(page.getByRole('button', { name: `Expired ${expired}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const status of await page.locator('[role=gridcell].col-status').allTextContents())
    expect(status).toBe('Expired');
  // Each status badge has a colour of its own.
  const colours = await page.evaluate(() =>
    ['available', 'attached', 'activated', 'expired'].map((s) => {
      const badge = document.createElement('span');
      badge.className = `badge badge-${s}`;
      document.body.append(badge);
      const colour = getComputedStyle(badge).backgroundColor;
      badge.remove();
      return colour;
    }),
  );
  expect(new Set(colours).size).toBe(4);
  await part.click();
  await expect(showing(page)).toHaveText('Showing 100 of 100 codes');
});

test('the timeline gives a day’s figures on hover and its totals otherwise', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  const figures = page.locator('.timeline-figures');
  const attached = sampleProgram(1).filter((c) => c.attached !== undefined).length;
  await expect(figures).toContainText(`${attached} attached`);
  await expect(figures).toContainText('in all');
  const chart = page.locator('.timeline-chart');
  const box = (await chart.boundingBox())!;
  await chart.hover({ position: { x: box.width - 20, y: box.height / 2 } });
  await expect(figures).toHaveText(/^Apr \d+, 2024:/);
  await expect(figures).not.toContainText('in all');
});

test('"expiring soon" counts codes still to be used and shows exactly those when clicked', async ({
  page,
  app,
  workDir,
}) => {
  // A workbook written now, with codes expiring in 3, 10 and 60 days, some already used.
  const now = Date.now();
  const codes: PromoCode[] = [
    ...[3, 3, 10, 10, 10, 60].map((days, i) => ({
      code: `SOON-${i + 1}`,
      attached: i % 2 === 0 ? now - DAY_MS : null,
      activated: null,
      expireDate: now + days * DAY_MS,
      expired: null,
    })),
    {
      code: 'USED-1',
      attached: now - DAY_MS,
      activated: now - 3_600_000,
      expireDate: now + 3 * DAY_MS,
      expired: null,
    },
    { code: 'GONE-1', attached: null, activated: null, expireDate: now + 3 * DAY_MS, expired: true },
  ];
  const path = join(workDir, 'expiring.xlsx');
  await writeWorkbook({
    target: path,
    host: 'https://ru.altkraft.com',
    programs: [{ loyaltyId: 5, name: 'Expiring', codes }],
    filter: null,
    exportedAt: new Date(now),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    appVersion: '0.0.0-test',
    language: 'en',
  });
  app.dialogs.nextOpenPath = path;
  await page.getByRole('button', { name: 'Open workbook…' }).click();
  const soon = page.getByRole('group', { name: 'Expiring soon' });
  const week = soon.getByRole('button', { name: /within 7 days/ });
  const month = soon.getByRole('button', { name: /within 30 days/ });
  await expect(week).toHaveText(/^2/);
  await expect(month).toHaveText(/^5/);

  await week.click();
  await expect(showing(page)).toHaveText('Showing 2 of 8 codes');
  expect(await page.locator('[role=gridcell].col-code').allTextContents()).toEqual(['SOON-1', 'SOON-2']);
  await month.click();
  await expect(showing(page)).toHaveText('Showing 5 of 8 codes');
  await expect(week).toHaveAttribute('aria-pressed', 'false');
  await month.click();
  await expect(showing(page)).toHaveText('Showing 8 of 8 codes');
});

test('remembers the program shown last and shows it again after a restart', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  await addProgram(page, SEASONAL_ID);
  await expect(programFacts(page)).toContainText('50,000 codes');
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /^Loyalty 1 / })
    .click();
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /^Loyalty 2 / })
    .click();
  await page.reload();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('Loyalty 2');
  await expect(page.getByRole('complementary').getByRole('button', { name: /^Loyalty 2 / })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The codes are not fetched again by themselves: the header offers it, with the last count.
  await expect(programFacts(page)).toContainText('50,000 codes');
  await expect(page.getByRole('button', { name: 'Get codes', exact: true })).toBeVisible();
});

test('the theme is chosen in Settings (as the computer, light or dark) and kept', async ({ page, sim }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await addConnection(page, sim.url, DEMO_TOKEN);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'As the computer' })).toBeChecked();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await page.reload();
  expect(await background()).toBe(dark);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'As the computer' }).check();
  await expect.poll(background).toBe(light);
});

test("the menu's Export…, Find Codes and Refresh Codes reach the page", async ({ page, sim, app }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  app.sendToPage('menu:command', { command: 'find' });
  await expect(page.getByLabel('Search codes')).toBeFocused();
  app.sendToPage('menu:command', { command: 'export' });
  await expect(page.getByRole('menuitem', { name: /^Excel workbook…/ })).toBeFocused();
  await page.keyboard.press('Escape');
  const fetches = () => app.payloads.filter((p) => JSON.stringify(p).includes('"fetchedAt"')).length;
  const before = fetches();
  app.sendToPage('menu:command', { command: 'refresh' });
  await expect.poll(fetches).toBeGreaterThan(before);
  await expect(programFacts(page)).toContainText('100 codes');
});

test('every control reached with Tab shows a visible focus ring', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  const seen = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (element === null || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        what: `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`,
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
      };
    });
    if (ring === null) continue;
    seen.add(ring.what);
    expect(ring.outline, ring.what).not.toBe('none');
    expect(ring.width, ring.what).toBeGreaterThanOrEqual(2);
  }
  // Tab went through the sidebar, the header and the toolbar, not round one control.
  expect(seen.size).toBeGreaterThan(10);
});
