import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_TOKEN, sampleProgram } from '../altcraft-sim/programs';
import { readWithOpenpyxl } from '../support/readWorkbook';
import { exportAs, expect, programFacts, switcher, test } from './fixtures';

test('saves a token, gets the codes, shows them and saves a workbook that openpyxl reads back', async ({
  page,
  app,
  sim,
  workDir,
}) => {
  // First run: no connection yet, so the page asks for one.
  await page.getByLabel('Name').fill('Marketing');
  await page.getByLabel('Altcraft address').fill(sim.url);
  await page.getByLabel('API token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Save connection' }).click();

  // The token went to the keychain and the page only learns that it is saved.
  await expect(switcher(page)).toHaveAccessibleName('Connection: Marketing');
  const [connection] = await app.services.connections.list();
  expect(connection?.hasToken).toBe(true);
  expect(await app.services.vault.read(connection!.id)).toBe(DEMO_TOKEN);

  // An empty workspace has one thing to do: add a program.
  await page.getByRole('main').getByRole('button', { name: 'Add program' }).click();
  await page.getByLabel('Loyalty program ID').fill('1');
  await page.getByRole('button', { name: 'Add and get codes' }).click();

  const expected = sampleProgram(1);
  await expect(programFacts(page)).toContainText(`${expected.length} codes`);
  // The table shows the first codes as Altcraft sent them, byte for byte (spaces, tabs, formulas).
  const firstShown = await page.locator('[role=gridcell].col-code').first().textContent();
  expect(firstShown).toBe(expected[0]!.code);
  // Select all and copy: the clipboard holds every code, one per line, in Altcraft's order.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('rowgroup', { name: /Codes:/ }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await expect(page.getByText(`${expected.length} codes copied`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    expected.map((c) => c.code).join('\n'),
  );

  const target = join(workDir, 'welcome.xlsx');
  app.dialogs.nextSaveTarget = target;
  await exportAs(page, /^Excel workbook…, All 100 codes$/);
  await expect(page.getByText(`Saved ${expected.length} codes to ${target}`)).toBeVisible();
  expect((await stat(target)).size).toBeGreaterThan(0);

  const sheets = await readWithOpenpyxl(target);
  expect(Object.keys(sheets)).toEqual(['Summary', 'Loyalty 1']);
  const [header, ...rows] = sheets['Loyalty 1']!;
  expect(header).toEqual(['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']);
  expect(rows.map((row) => row[0])).toEqual(expected.map((c) => c.code));
});
