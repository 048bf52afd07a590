import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN, sampleProgram } from '../altcraft-sim/programs';
import { readWithOpenpyxl } from '../support/readWorkbook';
import { writeSampleWorkbook } from '../support/sampleWorkbook';
import { addConnection, addProgram, exportAs, expect, getCodes, switcher, test } from './fixtures';

async function getWelcomeCodes(page: Page, simUrl: string) {
  await addConnection(page, simUrl, DEMO_TOKEN);
  await getCodes(page, 1, 100);
}

const shownCodes = (page: Page) => page.locator('[role=gridcell].col-code').allTextContents();
const summaryLine = (page: Page) => page.getByText(/^Showing \d+ of \d+ codes/);

test('filters by status with counts, searches as you type, and sorts by a column', async ({ page, sim }) => {
  await getWelcomeCodes(page, sim.url);
  const expected = sampleProgram(1);
  const expiredCount = expected.filter(
    (c) =>
      c.activated === undefined &&
      (c.expired === true || (typeof c.expired === 'string' && c.expired !== '')),
  ).length;

  await page.getByRole('button', { name: `Expired ${expiredCount}` }).click();
  await expect(summaryLine(page)).toHaveText(`Showing ${expiredCount} of 100 codes`);
  await expect(page.getByRole('button', { name: `Expired ${expiredCount}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const status of await page.locator('[role=gridcell].col-status').allTextContents())
    expect(status).toBe('Expired');

  await page.getByRole('button', { name: /^All/ }).click();
  await page.getByLabel('Search codes').fill('WELCOME-03');
  const matching = expected.filter((c) => c.code.toLowerCase().includes('welcome-03')).length;
  expect(matching).toBeGreaterThan(0);
  await expect(summaryLine(page)).toHaveText(`Showing ${matching} of 100 codes`);
  const found = await shownCodes(page);
  expect(found.length).toBeGreaterThan(0);
  for (const code of found) expect(code.toLowerCase()).toContain('welcome-03');

  await page.getByLabel('Search codes').fill('');
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Code', exact: true })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const sorted = [...expected.map((c) => c.code)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await expect.poll(async () => (await shownCodes(page))[0]).toBe(sorted[0]);
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Code', exact: true })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect.poll(async () => (await shownCodes(page))[0]).toBe(sorted.at(-1));
});

test('saves only the codes shown as CSV, lists the export, opens it and shows it in its folder', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  await getWelcomeCodes(page, sim.url);
  await page.getByLabel('Search codes').fill('welcome-04');
  const matching = sampleProgram(1).filter((c) => c.code.toLowerCase().includes('welcome-04')).length;
  await expect(summaryLine(page)).toHaveText(`Showing ${matching} of 100 codes`);
  const target = join(workDir, 'welcome.csv');
  app.dialogs.nextSaveTarget = target;
  await exportAs(page, new RegExp(`^CSV file…, The ${matching} codes shown$`));
  await expect(page.getByText(/^Saved \d+ codes to/)).toBeVisible();
  expect(app.dialogs.requests.at(-1)?.defaultPath).toMatch(/Loyalty 1 promo codes \d{4}-\d{2}-\d{2}\.csv$/);

  const csv = await readFile(target, 'utf8');
  expect(csv.startsWith('\ufeff')).toBe(true);
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('Code');
  expect(lines.length - 1).toBe(
    sampleProgram(1).filter((c) => c.code.toLowerCase().includes('welcome-04')).length,
  );

  const recent = page.getByRole('region', { name: 'Recent exports' });
  await expect(recent).toContainText('welcome.csv');
  await recent.getByRole('button', { name: 'Open welcome.csv' }).click();
  await recent.getByRole('button', { name: 'Show welcome.csv in its folder' }).click();
  await expect.poll(() => app.desktop.opened).toEqual([target]);
  await expect.poll(() => app.desktop.shown).toEqual([target]);

  // A file that is gone is marked, not offered.
  await rm(target);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Recent exports' })).toContainText(
    'The file is no longer there',
  );
});

test('saves CSV with the separator chosen in Settings: a semicolon by default in Russian, a comma in English', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  await getWelcomeCodes(page, sim.url);
  const sidebar = page.getByRole('complementary');
  /** Saves the program on screen through Export → CSV as `name` and gives the file's first line. */
  const saveCsv = async (name: string, exportButton: string, csvItem: RegExp) => {
    const target = join(workDir, name);
    app.dialogs.nextSaveTarget = target;
    await page.getByRole('button', { name: exportButton }).click();
    await page.getByRole('menuitem', { name: csvItem }).click();
    await expect(page.getByRole('status').filter({ hasText: target })).toBeVisible();
    return (await readFile(target, 'utf8')).split('\r\n')[0];
  };

  await sidebar.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('CSV separator')).toHaveValue(',');
  await sidebar.getByRole('button', { name: /^Loyalty 1 / }).click();
  expect(await saveCsv('en.csv', 'Export', /^CSV file…/)).toBe(
    '\ufeffCode,Status,Attached,Activated,Expire date,Expired',
  );

  // Excel in Russian expects a semicolon: the Russian page offers it until the person picks another.
  await sidebar.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByLabel('Разделитель в CSV')).toHaveValue(';');
  await sidebar.getByRole('button', { name: /^Лояльность 1 / }).click();
  expect(await saveCsv('ru.csv', 'Выгрузить', /^Файл CSV…/)).toBe(
    '\ufeffКод;Статус;Привязан;Активирован;Срок действия;Истёк',
  );

  await sidebar.getByRole('button', { name: 'Настройки' }).click();
  await page.getByLabel('Разделитель в CSV').selectOption({ label: 'Табуляция' });
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(page.getByLabel('CSV separator')).toHaveValue('\t');
  await sidebar.getByRole('button', { name: /^Loyalty 1 / }).click();
  expect(await saveCsv('tab.csv', 'Export', /^CSV file…/)).toBe(
    '\ufeffCode\tStatus\tAttached\tActivated\tExpire date\tExpired',
  );
  await page.reload();
  await sidebar.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('CSV separator')).toHaveValue('\t');
});

test('opens a saved workbook for offline review with the same table, filters and counts', async ({
  page,
  app,
  workDir,
}) => {
  app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
  await page.getByRole('button', { name: 'Open workbook…' }).click();
  const review = page.getByRole('region', { name: /Workbook sample\.xlsx/ });
  await expect(review).toBeVisible();
  await expect(review.getByRole('button', { name: /^All 100/ })).toBeVisible();
  await expect(review.getByText('Showing 100 of 100 codes')).toBeVisible();
  await expect
    .poll(async () => (await review.locator('[role=gridcell].col-code').allTextContents())[0])
    .toBe(sampleProgram(1)[0]!.code);
});

test('says plainly when the chosen file is not a workbook, then opens the next one', async ({
  page,
  app,
  workDir,
}) => {
  const notAWorkbook = join(workDir, 'notes.xlsx');
  await writeFile(notAWorkbook, 'just text');
  app.dialogs.nextOpenPath = notAWorkbook;
  await page.getByRole('button', { name: 'Open workbook…' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'This file is not a workbook Promo Exporter can read: it is not an Excel workbook (.xlsx).',
  );
  app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
  await page.getByRole('button', { name: 'Open workbook…' }).click();
  await expect(page.getByRole('region', { name: /Workbook sample\.xlsx/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('switches between English and Russian in Settings and remembers the choice', async ({ page, sim }) => {
  await getWelcomeCodes(page, sim.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /^Лояльность 1/ })
    .click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /^ID 1/ })).toContainText(
    '100 кодов',
  );
  await expect(page.getByRole('button', { name: 'Выгрузить' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Настройки' }).click();
  await expect(page.getByRole('combobox', { name: 'Язык' })).toHaveValue('ru');
});

test('works from the keyboard: Enter saves a connection, menus and dialogs answer the keys', async ({
  page,
  sim,
}) => {
  await page.getByLabel('Name', { exact: true }).fill('Marketing');
  await page.keyboard.press('Tab');
  await page.keyboard.type(sim.url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_TOKEN);
  await page.keyboard.press('Enter');
  await expect(switcher(page)).toBeVisible();
  // The switcher's menu: Enter opens it, arrows move, Enter chooses.
  await switcher(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: /^Marketing/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Connection settings…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connection “Marketing”' });
  await dialog.getByRole('button', { name: 'Rename' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('New name')).toBeFocused();
  // Escape closes the edit first, then the dialog, and focus goes back to the switcher.
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('New name')).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(switcher(page)).toBeFocused();
});

test('Ctrl/Cmd+F searches, Ctrl/Cmd+E opens Export, F5 gets the codes again, arrows move in the sidebar', async ({
  page,
  sim,
}) => {
  await getWelcomeCodes(page, sim.url);
  await page.getByRole('rowgroup', { name: /Codes:/ }).click();
  await page.keyboard.press('ControlOrMeta+F');
  await expect(page.getByLabel('Search codes')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.getByRole('menuitem', { name: /^Excel workbook…/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  // A program whose download never ends keeps its progress bar up long enough to see F5 start one.
  await addProgram(page, 9600);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Cancelled.');
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await page.keyboard.press('F5');
  await expect(page.getByRole('progressbar', { name: 'Getting codes…' })).toBeVisible();
  expect(await page.evaluate(() => 'samePage' in window)).toBe(true); // F5 did not reload the page
  await page.getByRole('button', { name: 'Cancel' }).click();

  const sidebar = page.getByRole('complementary');
  await sidebar.getByRole('button', { name: /^Loyalty 9600/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(sidebar.getByRole('button', { name: /^Loyalty 1 / })).toBeFocused();
  await expect(sidebar.getByRole('button', { name: /^Loyalty 1 / })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('Loyalty 1');
});

test("the File menu's Open workbook and Save as Excel reach the page", async ({
  page,
  sim,
  app,
  workDir,
}) => {
  await getWelcomeCodes(page, sim.url);
  app.dialogs.nextSaveTarget = join(workDir, 'from-menu.xlsx');
  // What the main process sends when the menu item is chosen.
  app.sendToPage('menu:command', { command: 'save-excel' });
  await expect(page.getByText(/^Saved 100 codes to .*from-menu\.xlsx$/)).toBeVisible();

  app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
  app.sendToPage('menu:command', { command: 'open-workbook' });
  await expect(page.getByRole('region', { name: /Workbook sample\.xlsx/ })).toBeVisible();
});

test('a File menu command chosen while the page is loading reaches it once it is ready', async ({
  page,
  app,
  workDir,
}) => {
  app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
  // The page's script is held back, so the new page cannot have mounted when the command is sent.
  let scriptRequested!: () => void;
  const requested = new Promise<void>((resolve) => (scriptRequested = resolve));
  let releaseScript!: () => void;
  const released = new Promise<void>((resolve) => (releaseScript = resolve));
  await page.route('**/assets/*.js', async (route) => {
    scriptRequested();
    await released;
    await route.continue();
  });
  const reloading = page.reload();
  await requested;
  app.sendToPage('menu:command', { command: 'open-workbook' });
  releaseScript();
  await reloading;
  await expect(page.getByRole('region', { name: /Workbook sample\.xlsx/ })).toBeVisible();
});

test('cancels a save under way and leaves the file that was there untouched', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 3, 1_000_000); // the simulator's mass-mailing program
  const target = join(workDir, 'mass.xlsx');
  await writeFile(target, 'the workbook from last week');
  app.dialogs.nextSaveTarget = target;
  await exportAs(page, /^Excel workbook…/);
  await expect(page.getByText(/^Saving… [\d,]+ of 1,000,000 codes$/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel saving' }).click();
  await expect(page.getByRole('alert')).toContainText('Cancelled.');
  expect(await readFile(target, 'utf8')).toBe('the workbook from last week');
  expect((await readdir(workDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

test('puts several fetched programs into one workbook, a sheet each, in the order of the list', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  await getWelcomeCodes(page, sim.url);
  await addProgram(page, 1_000_010, 'Ten');
  await expect(page.getByText('Showing 10 of 10 codes')).toBeVisible();
  await addProgram(page, 9404); // not found: its codes are not here, so it cannot be chosen
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  await page.getByRole('complementary').getByRole('button', { name: /^Ten / }).click();

  await exportAs(page, /^Several programs in one workbook…/);
  const dialog = page.getByRole('dialog', { name: 'Several programs in one workbook' });
  await expect(dialog.getByRole('checkbox', { name: /^Ten/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Loyalty 9404/ })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /^Loyalty 1$/ }).check();
  const target = join(workDir, 'together.xlsx');
  app.dialogs.nextSaveTarget = target;
  await dialog.getByRole('button', { name: 'Save 2 programs…' }).click();
  await expect(page.getByText(`Saved 110 codes to ${target}`)).toBeVisible();

  const sheets = await readWithOpenpyxl(target);
  expect(Object.keys(sheets)).toEqual(['Summary', 'Loyalty 1', 'Ten']);
  expect(sheets['Ten']!.slice(1).map((row) => row[0])).toEqual(sampleProgram(1_000_010).map((c) => c.code));
});
