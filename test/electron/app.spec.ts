// The packaged shell itself, launched by Playwright's Electron driver. It needs Electron's binary,
// which the electron package downloads on first run; machines without it skip with the reason.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAltcraftSim } from '../altcraft-sim/server';
import { DEMO_TOKEN, sampleProgram } from '../altcraft-sim/programs';
import keytar from 'keytar';
import { installedElectron } from '../support/electronBinary';
import { readWithOpenpyxl } from '../support/readWorkbook';

const binary = installedElectron();
test.skip(
  binary === null,
  "Electron's binary is not installed on this machine (it is downloaded on first run)",
);

test('the built app walks the whole path: token, codes, table, workbook', async () => {
  const sim = await startAltcraftSim();
  const dir = await mkdtemp(join(tmpdir(), 'promo-exporter-electron-'));
  const keychainService = `Promo Exporter test ${randomUUID()}`;
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.', `--user-data-dir=${join(dir, 'data')}`],
    env: { ...withoutDevServer(process.env), PROMO_EXPORTER_KEYCHAIN_SERVICE: keychainService },
  });
  try {
    const target = join(dir, 'codes.xlsx');
    // The one thing a test cannot click is the native save dialog: answer it from the main process.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: path,
      })) as typeof dialog.showSaveDialog;
    }, target);
    const page = await app.firstWindow();
    const settings = await page.evaluate(() => typeof (window as { require?: unknown }).require);
    expect(settings).toBe('undefined');
    // The page comes from the app's own protocol, and a file elsewhere on the disk cannot be read.
    expect(page.url()).toBe('app://promo-exporter/index.html');
    const outside = await page.evaluate(() =>
      fetch('file:///etc/hostname').then(
        () => 'read',
        () => 'refused',
      ),
    );
    expect(outside).toBe('refused');
    const escaped = await page.evaluate(() =>
      fetch('app://promo-exporter/..%2fmain%2findex.js').then((r) => r.status),
    );
    expect(escaped).toBe(403);

    await page.getByLabel('Name').fill('Marketing');
    await page.getByLabel('Altcraft address').fill(sim.url);
    await page.getByLabel('API token').fill(DEMO_TOKEN);
    await page.getByRole('button', { name: 'Save connection' }).click();
    await page.getByLabel('Loyalty program ID').fill('1');
    await page.getByRole('button', { name: 'Get codes' }).click();
    const expected = sampleProgram(1);
    await expect(page.getByRole('heading', { level: 3 })).toContainText(`${expected.length} codes`);
    await page.getByRole('button', { name: 'Save as Excel…' }).click();
    await expect(page.getByText(`Saved ${expected.length} codes`)).toBeVisible();
    const sheets = await readWithOpenpyxl(target);
    expect(sheets['Loyalty 1']!.slice(1).map((row) => row[0])).toEqual(expected.map((c) => c.code));
  } finally {
    await app.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
    for (const { account } of await keytar.findCredentials(keychainService)) {
      await keytar.deletePassword(keychainService, account);
    }
  }
});

function withoutDevServer(env: NodeJS.ProcessEnv): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') copy[key] = value;
  return copy;
}
