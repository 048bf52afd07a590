// Every state of the window in both languages and both themes: no serious or critical
// accessibility violation (axe, which also checks text contrast), and a screenshot of each into
// .artifacts/screenshots for people to look at.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN, SEASONAL_ID, SIZED_PROGRAM_BASE } from '../altcraft-sim/programs';
import { CHANGING_ID, CODES_AFTER, CODES_BEFORE } from '../support/changingProgram';
import { writeSampleWorkbook } from '../support/sampleWorkbook';
import { expect, test } from './fixtures';

const SHOTS = new URL('../../.artifacts/screenshots/', import.meta.url).pathname;

const LABELS = {
  en: {
    name: 'Name',
    host: 'Altcraft address',
    token: 'API token',
    save: 'Save connection',
    addProgram: 'Add program',
    id: 'Loyalty program ID',
    programName: 'Name (optional)',
    addAndGet: 'Add and get codes',
    open: 'Open workbook…',
    settings: 'Settings',
    manage: 'Connection settings…',
    export: 'Export',
    expiredPart: /^Expired: /,
    showing: /^Showing [\d,]+ of 50,000 codes/,
    downloading: 'Getting codes…',
    empty: 'This loyalty program has no promo codes.',
    notFound: 'Altcraft has no loyalty program with this ID.',
    excel: /^Excel workbook…/,
    refresh: 'Refresh',
    compare: 'Compare with…',
    since: / since /,
  },
  ru: {
    name: 'Название',
    host: 'Адрес Altcraft',
    token: 'API-токен',
    save: 'Сохранить подключение',
    addProgram: 'Добавить программу',
    id: 'ID программы лояльности',
    programName: 'Название (необязательно)',
    addAndGet: 'Добавить и получить коды',
    open: 'Открыть книгу…',
    settings: 'Настройки',
    manage: 'Настройки подключения…',
    export: 'Выгрузить',
    expiredPart: /^Истёк: /,
    showing: /^Показано [\d\s]+ из 50\s000 кодов/,
    downloading: 'Получение кодов…',
    empty: 'В этой программе лояльности нет промокодов.',
    notFound: 'В Altcraft нет программы лояльности с таким ID.',
    excel: /^Книга Excel…/,
    refresh: 'Обновить',
    compare: 'Сравнить с…',
    since: / с /,
  },
};

async function checkScreen(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    name,
  ).toEqual([]);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

// Eleven states, each checked by axe: slower than one test's usual two minutes on a busy machine.
test.describe.configure({ timeout: 360_000 });

for (const language of ['en', 'ru'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every state is accessible and photographed: ${language}, ${theme}`, async ({
      page,
      sim,
      app,
      workDir,
    }) => {
      const l = LABELS[language];
      const shot = (state: string) => checkScreen(page, `${state}-${language}-${theme}`);
      const sidebar = page.getByRole('complementary');
      const addProgram = async (id: number, name: string) => {
        await sidebar.getByRole('button', { name: l.addProgram }).click();
        await page.getByLabel(l.id).fill(String(id));
        await page.getByLabel(l.programName).fill(name);
        await page.getByRole('button', { name: l.addAndGet }).click();
      };
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(language);
      await shot('first-run');

      await page.getByLabel(l.name, { exact: true }).fill(language === 'en' ? 'Marketing' : 'Маркетинг');
      await page.getByLabel(l.host).fill(sim.url);
      await page.getByLabel(l.token).fill(DEMO_TOKEN);
      await page.getByRole('button', { name: l.save }).click();

      await addProgram(SIZED_PROGRAM_BASE, language === 'en' ? 'Spring draw' : 'Весенний розыгрыш');
      await expect(page.getByRole('main')).toContainText(l.empty);
      await shot('empty-program');

      await addProgram(9600, language === 'en' ? 'Partners' : 'Партнёры'); // the download never ends
      await expect(page.getByRole('progressbar', { name: l.downloading })).toBeVisible();
      await shot('loading');

      await addProgram(9404, language === 'en' ? 'Old promo' : 'Старая акция');
      await expect(page.getByRole('main').getByRole('alert')).toContainText(l.notFound);
      await shot('error');

      await addProgram(SEASONAL_ID, language === 'en' ? 'Summer sale' : 'Летняя распродажа');
      await expect(page.getByText(l.showing)).toBeVisible();
      await expect(page.locator('.timeline-chart canvas')).toBeVisible();
      await shot('codes');

      await page.getByRole('button', { name: l.expiredPart }).click();
      await expect(page.getByText(l.showing)).not.toContainText('50,000 of');
      await shot('filtered');

      await page.getByRole('button', { name: l.export }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await shot('export-menu');
      await page.keyboard.press('Escape');

      await page
        .getByRole('button', { name: new RegExp(`^${language === 'en' ? 'Connection' : 'Подключение'}: `) })
        .click();
      await page.getByRole('menuitem', { name: l.manage }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot('connection');
      await page.keyboard.press('Escape');

      // A program that changed between two fetches: what changed since, then compared with its export.
      sim.setProgram(CHANGING_ID, CODES_BEFORE);
      await addProgram(CHANGING_ID, language === 'en' ? 'Autumn gifts' : 'Осенние подарки');
      await expect(page.getByRole('button', { name: l.refresh })).toBeVisible();
      const before = join(workDir, `before-${language}-${theme}.xlsx`);
      app.dialogs.nextSaveTarget = before;
      await page.getByRole('button', { name: l.export }).click();
      await page.getByRole('menuitem', { name: l.excel }).click();
      await expect(page.getByRole('status').filter({ hasText: before })).toBeVisible();
      sim.setProgram(CHANGING_ID, CODES_AFTER);
      await page.getByRole('button', { name: l.refresh }).click();
      await expect(page.locator('.since-last-fetch')).toContainText(l.since);
      app.dialogs.nextOpenPath = before;
      await page.getByRole('button', { name: l.compare }).click();
      await expect(page.locator('.changes-grid [role=gridcell].col-code')).toHaveCount(6);
      await shot('compare');

      app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
      await sidebar.getByRole('button', { name: l.open }).click();
      await expect(
        page.getByRole('main').getByRole('heading', { level: 2, name: 'sample.xlsx' }),
      ).toBeVisible();
      await shot('review');

      await sidebar.getByRole('button', { name: l.settings }).click();
      await expect(page.getByRole('radiogroup').or(page.getByRole('group')).first()).toBeVisible();
      await shot('settings');
    });
  }
}
