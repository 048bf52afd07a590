// Every screen in both languages and both themes: no serious or critical accessibility violation
// (axe), and a screenshot of each into .artifacts/screenshots for people to look at.
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN } from '../altcraft-sim/programs';
import { writeSampleWorkbook } from '../support/sampleWorkbook';
import { expect, test } from './fixtures';

const SHOTS = new URL('../../.artifacts/screenshots/', import.meta.url).pathname;

const LABELS = {
  en: {
    name: 'Name',
    host: 'Altcraft address',
    token: 'API token',
    save: 'Save connection',
    id: 'Loyalty program ID',
    get: 'Get codes',
    open: 'Open workbook…',
    expired: 'Expired',
  },
  ru: {
    name: 'Название',
    host: 'Адрес Altcraft',
    token: 'API-токен',
    save: 'Сохранить подключение',
    id: 'ID программы лояльности',
    get: 'Получить коды',
    open: 'Открыть книгу…',
    expired: 'Истёк',
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
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

for (const language of ['en', 'ru'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every screen is accessible and photographed: ${language}, ${theme}`, async ({
      page,
      sim,
      app,
      workDir,
    }) => {
      const l = LABELS[language];
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1200, height: 860 });
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(language);
      await checkScreen(page, `first-run-${language}-${theme}`);

      await page.getByLabel(l.name, { exact: true }).fill('Marketing');
      await page.getByLabel(l.host).fill(sim.url);
      await page.getByLabel(l.token).fill(DEMO_TOKEN);
      await page.getByRole('button', { name: l.save }).click();
      await page.getByLabel(l.id).fill('1');
      await page.getByRole('button', { name: l.get, exact: true }).click();
      await expect(page.getByRole('heading', { level: 3 })).toBeVisible();
      await checkScreen(page, `codes-${language}-${theme}`);

      await page
        .getByRole('group')
        .getByRole('button', { name: new RegExp(`^${l.expired}`) })
        .click();
      await checkScreen(page, `codes-expired-${language}-${theme}`);

      app.dialogs.nextOpenPath = await writeSampleWorkbook(workDir);
      await page.getByRole('button', { name: l.open }).click();
      await expect(page.getByRole('heading', { level: 2, name: /sample\.xlsx/ })).toBeVisible();
      await checkScreen(page, `review-${language}-${theme}`);
    });
  }
}
