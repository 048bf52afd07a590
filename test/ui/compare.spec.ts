// Comparing exports in the window (issue 13): a fetched program or an opened workbook set beside
// another export, the changes as chips and a table of only the changed codes, saving them (alone or
// on a Changes sheet, read back by openpyxl), and what changed since the previous fetch in the header.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN } from '../altcraft-sim/programs';
import type { AltcraftSim } from '../altcraft-sim/server';
import type { Harness } from '../support/appHarness';
import { CHANGED_CODES, CHANGING_ID, CODES_AFTER, CODES_BEFORE } from '../support/changingProgram';
import { readWithOpenpyxl } from '../support/readWorkbook';
import { writeSampleWorkbook } from '../support/sampleWorkbook';
import { addConnection, exportAs, expect, getCodes, programFacts, test } from './fixtures';

const changedShown = async (page: Page) =>
  (await page.locator('.changes-grid [role=gridcell].col-code').allTextContents()).sort();
const kindChip = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: 'Kinds of change' }).getByRole('button', { name });
const sinceLine = (page: Page) => page.locator('.since-last-fetch');
// The previous fetch's day, as the page's language writes it ("Nov 30", "30 нояб.").

/** The program's codes fetched and saved as before.xlsx, then changed in Altcraft and fetched again. */
async function fetchTwice(page: Page, sim: AltcraftSim, app: Harness, workDir: string): Promise<string> {
  sim.setProgram(CHANGING_ID, CODES_BEFORE);
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, CHANGING_ID, 10);
  const before = join(workDir, 'before.xlsx');
  app.dialogs.nextSaveTarget = before;
  await exportAs(page, /^Excel workbook…/);
  await expect(page.getByText(/^Saved 10 codes to .*before\.xlsx$/)).toBeVisible();
  sim.setProgram(CHANGING_ID, CODES_AFTER);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(programFacts(page)).toContainText('11 codes');
  return before;
}

/** Chooses `path` in the open dialog of "Compare with…" and waits for the comparison. */
async function compareWith(page: Page, app: Harness, path: string) {
  app.dialogs.nextOpenPath = path;
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByRole('region', { name: /^Comparison with / })).toBeVisible();
}

test('after each fetch, the header says what changed since the previous one, in English and Russian', async ({
  page,
  sim,
}) => {
  sim.setProgram(CHANGING_ID, CODES_BEFORE);
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, CHANGING_ID, 10);
  // The first fetch has nothing to compare with.
  await expect(sinceLine(page)).toHaveCount(0);

  sim.setProgram(CHANGING_ID, CODES_AFTER);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(sinceLine(page)).toHaveText(
    /^\+2 new codes, \+2 attached, \+1 activated, −1 removed since [A-Z][a-z]{2} \d{1,2}$/,
  );

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(sinceLine(page)).toHaveText(/^No changes since [A-Z][a-z]{2} \d{1,2}$/);

  // Back as it was: C10 returns expired, N01 and N02 go, C07 is attached again (activated no longer).
  sim.setProgram(CHANGING_ID, CODES_BEFORE);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /^Лояльность 700/ })
    .click();
  await page.getByRole('button', { name: 'Обновить' }).click();
  await expect(sinceLine(page)).toHaveText(
    /^\+1 новый код, \+1 привязан, \+1 истёк, −2 удалено с \d{1,2} \S+$/,
  );
});

test('compares a fetched program with its earlier export: chips, only the changed codes, and saving them', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  const before = await fetchTwice(page, sim, app, workDir);
  await compareWith(page, app, before);
  await expect(
    page.getByText('Compared with before.xlsx, the earlier export', { exact: false }),
  ).toBeVisible();
  await expect(kindChip(page, /^All changes 6$/)).toHaveAttribute('aria-pressed', 'true');
  await expect(kindChip(page, /^Added \+2$/)).toBeVisible();
  await expect(kindChip(page, /^Removed −1$/)).toBeVisible();
  await expect(kindChip(page, /^Status changed 3$/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status changes' }).getByRole('listitem')).toHaveText([
    'Available → Attached: 2',
    'Attached → Activated: 1',
  ]);
  await expect.poll(() => changedShown(page)).toEqual(CHANGED_CODES);
  await expect(page.getByText('6 changed codes')).toBeVisible();

  await kindChip(page, /^Added/).click();
  await expect.poll(() => changedShown(page)).toEqual(['N01', 'N02']);
  await kindChip(page, /^Status changed/).click();
  await expect.poll(() => changedShown(page)).toEqual(['C01', 'C02', 'C07']);
  const c07 = page.locator('.changes-grid [role=row]').filter({ hasText: 'C07' });
  await expect(c07.locator('.col-statusBefore')).toHaveText('Attached');
  await expect(c07.locator('.col-statusAfter')).toHaveText('Activated');

  // The changes alone, as a workbook.
  const changes = join(workDir, 'changes.xlsx');
  app.dialogs.nextSaveTarget = changes;
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('menuitem', { name: 'Changes as an Excel workbook…' }).click();
  await expect(page.getByText(/^Saved 6 codes to .*changes\.xlsx$/)).toBeVisible();
  const saved = await readWithOpenpyxl(changes);
  const rows = saved['Changes'] ?? [];
  expect(rows[0]?.slice(0, 4)).toEqual(['Code', 'Program', 'Status before', 'Status after']);
  expect(
    rows
      .slice(1)
      .map((row) => row[0])
      .sort(),
  ).toEqual(CHANGED_CODES);
  expect(rows.find((row) => row[0] === 'C10')?.slice(2, 4)).toEqual(['Expired', null]);

  // Every code, with the changes on a sheet of their own.
  const whole = join(workDir, 'with-changes.xlsx');
  app.dialogs.nextSaveTarget = whole;
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('menuitem', { name: /^All codes with a Changes sheet…/ }).click();
  await expect(page.getByText(/^Saved \d+ codes to .*with-changes\.xlsx$/)).toBeVisible();
  const book = await readWithOpenpyxl(whole);
  expect(Object.keys(book)).toContain('Changes');
  expect(
    (book['Changes'] ?? [])
      .slice(1)
      .map((row) => row[0])
      .sort(),
  ).toEqual(CHANGED_CODES);

  // At the smallest window the changes still fit: every column in sight, the change and the statuses
  // whole (dates may shorten: each gives its full time on hover).
  await page.setViewportSize({ width: 900, height: 600 });
  const spill = await page.evaluate(() => {
    const grid = document.querySelector('.changes-grid')!.getBoundingClientRect();
    const cells = [...document.querySelectorAll<HTMLElement>('.changes-grid .code-cell')];
    const words = document.querySelectorAll<HTMLElement>(
      '.changes-grid [role=gridcell]:is(.col-kind, .col-statusBefore, .col-statusAfter)',
    );
    return {
      columnsPastEdge: cells.filter((cell) => cell.getBoundingClientRect().right > grid.right + 0.5).length,
      cutOff: [...words]
        .filter((cell) => cell.scrollWidth > cell.clientWidth)
        .map((cell) => cell.textContent),
    };
  });
  expect(spill).toEqual({ columnsPastEdge: 0, cutOff: [] });

  await page.getByRole('button', { name: 'Close comparison' }).click();
  await expect(page.getByText(/^Showing 11 of 11 codes/)).toBeVisible();
});

test('compares an opened workbook with another export, and two identical exports show no changes', async ({
  page,
  sim,
  app,
  workDir,
}) => {
  const before = await fetchTwice(page, sim, app, workDir);
  const after = join(workDir, 'after.xlsx');
  app.dialogs.nextSaveTarget = after;
  await exportAs(page, /^Excel workbook…/);
  await expect(page.getByText(/^Saved 11 codes to .*after\.xlsx$/)).toBeVisible();

  app.dialogs.nextOpenPath = after;
  await page.getByRole('complementary').getByRole('button', { name: 'Open workbook…' }).click();
  await expect(page.getByRole('region', { name: /Workbook after\.xlsx/ })).toBeVisible();
  await compareWith(page, app, before);
  await expect(kindChip(page, /^All changes 6$/)).toBeVisible();
  await expect.poll(() => changedShown(page)).toEqual(CHANGED_CODES);

  const sample = await writeSampleWorkbook(workDir);
  app.dialogs.nextOpenPath = sample;
  await page.getByRole('complementary').getByRole('button', { name: 'Open workbook…' }).click();
  await expect(page.getByRole('region', { name: /Workbook sample\.xlsx/ })).toBeVisible();
  await compareWith(page, app, sample);
  await expect(
    page.getByText('No changes: both exports hold the same codes with the same statuses.'),
  ).toBeVisible();
  await expect(kindChip(page, /^All changes 0$/)).toBeVisible();
});

test("a file that cannot be compared gets the reader's plain message, and the codes stay", async ({
  page,
  sim,
  app,
  workDir,
}) => {
  sim.setProgram(CHANGING_ID, CODES_BEFORE);
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, CHANGING_ID, 10);
  const notes = join(workDir, 'notes.xlsx');
  await writeFile(notes, 'just text');
  app.dialogs.nextOpenPath = notes;
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'This file is not a workbook Promo Exporter can read: it is not an Excel workbook (.xlsx).',
  );
  await expect(page.getByText(/^Showing 10 of 10 codes/)).toBeVisible();
  // Closing the open dialog without a file changes nothing either.
  app.dialogs.nextOpenPath = null;
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByRole('region', { name: /^Comparison with / })).toHaveCount(0);
});
