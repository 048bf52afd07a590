import { join } from 'node:path';
import { DEMO_TOKEN } from '../altcraft-sim/programs';
import { contentsUnder } from '../support/fileContents';
import {
  addConnection,
  addProgram,
  exportAs,
  expect,
  getCodes,
  openConnectionSettings,
  test,
} from './fixtures';

test('the token is nowhere but the keychain after the whole path', async ({ page, app, sim, workDir }) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));

  await addConnection(page, sim.url, DEMO_TOKEN);
  const settings = await openConnectionSettings(page);
  await settings.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('The address and token work.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  // A failure too: its message and detail travel to the page and the log.
  await addProgram(page, 9407); // the simulator echoes the token in error_text
  await expect(page.getByRole('alert')).toBeVisible();
  await getCodes(page, 1, 100);
  app.dialogs.nextSaveTarget = join(workDir, 'out', 'codes.xlsx');
  await import('node:fs/promises').then((fs) => fs.mkdir(join(workDir, 'out')));
  await exportAs(page, /^Excel workbook…/);
  await expect(page.getByText(/^Saved \d+ codes/)).toBeVisible();

  // The keychain does hold it: the search below is not looking for something that was never there.
  const [connection] = await app.services.connections.list();
  expect(await app.services.vault.read(connection!.id)).toBe(DEMO_TOKEN);

  const places = [
    { file: 'payloads sent to the page', text: JSON.stringify(app.payloads) },
    { file: 'log lines', text: app.logLines.join('\n') },
    { file: 'page console', text: consoleLines.join('\n') },
    { file: 'page text', text: await page.locator('body').innerText() },
    ...(await contentsUnder(workDir)),
  ];
  expect(places.length).toBeGreaterThan(4);
  expect(places.filter((p) => p.file.endsWith('settings.json')).length).toBe(1);
  expect(places.filter((p) => p.file.endsWith('(unzipped)')).length).toBe(1);
  for (const place of places) expect(place.text, place.file).not.toContain(DEMO_TOKEN);
});
