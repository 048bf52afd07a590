import keytar from 'keytar';
import { DEMO_TOKEN, sampleProgram } from '../altcraft-sim/programs';
import { startAltcraftSim } from '../altcraft-sim/server';
import {
  addConnection,
  addProgram,
  expect,
  getCodes,
  openConnectionSettings,
  programFacts,
  switcher,
  test,
} from './fixtures';

test('accepts the full export_all address as pasted and shows it normalised', async ({ page, sim, app }) => {
  await page.getByLabel('Altcraft address').fill(`  ${sim.url}/api/v1.1/promocodes/export_all `);
  await expect(page.locator('#host-problem')).toHaveText(sim.url);
  await page.getByLabel('Altcraft address').fill('http://altcraft.example.com');
  await expect(page.locator('#host-problem')).toHaveText('The address must start with https://.');
  await addConnection(page, `${sim.url}/api/v1.1/`, DEMO_TOKEN);
  await expect(switcher(page)).toContainText(sim.url);
  expect((await app.services.connections.list())[0]?.host).toBe(sim.url);
});

test('checks a connection and explains a refused token, then works after the token is replaced', async ({
  page,
  sim,
}) => {
  await addConnection(page, sim.url, 'not-a-valid-token');
  let settings = await openConnectionSettings(page);
  await settings.getByRole('button', { name: 'Check' }).click();
  await expect(settings.getByRole('alert')).toContainText('Altcraft refused the token. Replace it.');
  await settings.getByRole('button', { name: 'Close' }).click();

  // Getting codes fails the same way, in plain words; the program stays in the list.
  await addProgram(page, 1);
  const main = page.getByRole('main');
  await expect(main.getByRole('alert')).toContainText(
    'Altcraft refused the token. Replace it under the connection.',
  );
  await expect(
    page.getByRole('complementary').getByRole('button', { name: /^Loyalty 1 .*last try failed/ }),
  ).toBeVisible();

  // The failure offers the way to mend it.
  await main.getByRole('button', { name: 'Connection settings…' }).click();
  settings = page.getByRole('dialog', { name: 'Connection “Marketing”' });
  await settings.getByRole('button', { name: 'Replace token' }).click();
  await settings.getByLabel('New API token').fill(DEMO_TOKEN);
  await settings.getByLabel('New API token').press('Enter');
  await settings.getByRole('button', { name: 'Check' }).click();
  await expect(settings.getByText('The address and token work.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();

  await main.getByRole('button', { name: 'Get codes', exact: true }).click();
  await expect(programFacts(page)).toContainText(`${sampleProgram(1).length} codes`);
});

test('renames a connection, refuses a bad address, and forgets it with its keychain entry after asking in the window', async ({
  page,
  sim,
  app,
}) => {
  const nativeDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await addConnection(page, sim.url, DEMO_TOKEN);
  let settings = await openConnectionSettings(page);
  await settings.getByRole('button', { name: 'Rename' }).click();
  await settings.getByLabel('New name').fill('CRM team');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(switcher(page)).toHaveAccessibleName('Connection: CRM team');
  settings = page.getByRole('dialog', { name: 'Connection “CRM team”' });

  await settings.getByRole('button', { name: 'Change address' }).click();
  await settings.getByLabel('New Altcraft address').fill('http://altcraft.example.com');
  await expect(settings.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await settings.getByLabel('API token for the new address').fill(DEMO_TOKEN);
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('alert')).toContainText('Check what you entered.');
  expect((await app.services.connections.list())[0]?.host).toBe(sim.url);
  await settings.getByRole('button', { name: 'Cancel' }).click();

  const [connection] = await app.services.connections.list();
  await settings.getByRole('button', { name: 'Forget this connection…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Forget “CRM team”?' });
  // It says what will be lost before anything is.
  await expect(confirm).toContainText('API token is deleted from this computer’s keychain');
  expect(await keytar.getPassword(app.keychainService, connection!.id)).toBe(DEMO_TOKEN);
  await confirm.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByRole('button', { name: 'Save connection' })).toBeVisible();
  expect(await keytar.getPassword(app.keychainService, connection!.id)).toBeNull();
  expect(nativeDialogs).toEqual([]);
});

test('moves a connection to a new address with the token entered for it there', async ({
  page,
  sim,
  app,
}) => {
  const moved = await startAltcraftSim();
  try {
    await addConnection(page, sim.url, DEMO_TOKEN);
    const [connection] = await app.services.connections.list();
    const settings = await openConnectionSettings(page);
    await settings.getByRole('button', { name: 'Change address' }).click();
    await expect(settings.getByText('never sent to the new one')).toBeVisible();
    await settings.getByLabel('New Altcraft address').fill(moved.url);
    await settings.getByLabel('API token for the new address').fill(DEMO_TOKEN);
    await settings.getByLabel('API token for the new address').press('Enter');
    await expect(settings.getByRole('definition').filter({ hasText: moved.url })).toBeVisible();
    await expect(settings.getByText('Saved in the system keychain')).toBeVisible();

    await settings.getByRole('button', { name: 'Check' }).click();
    await expect(settings.getByText('The address and token work.')).toBeVisible();
    expect(moved.requests.map((r) => r.token)).toEqual(['valid']);
    expect(await keytar.getPassword(app.keychainService, connection!.id)).toBe(DEMO_TOKEN);
  } finally {
    await moved.close();
  }
});

test('remembers loyalty programs with a name, when they were fetched and how many codes they had', async ({
  page,
  sim,
  app,
}) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await addProgram(page, 1, 'Welcome');
  const sidebar = page.getByRole('complementary');
  await expect(sidebar.getByRole('button', { name: /^Welcome 100 ID 1 · / })).toBeVisible();
  const [stored] = await app.services.connections.list();
  expect(stored?.programs.map(({ loyaltyId, name, lastCount }) => ({ loyaltyId, name, lastCount }))).toEqual([
    { loyaltyId: 1, name: 'Welcome', lastCount: 100 },
  ]);

  await page.getByRole('button', { name: 'More for Welcome' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByLabel('New name for loyalty program 1').fill('Welcome 2026');
  await page.getByLabel('New name for loyalty program 1').press('Enter');
  await expect(sidebar).toContainText('Welcome 2026');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('Welcome 2026');

  await page.getByRole('button', { name: 'More for Welcome 2026' }).click();
  await page.getByRole('menuitem', { name: 'Remove from the list…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove “Welcome 2026” from the list?' });
  await expect(confirm).toContainText('Its codes in Altcraft are not touched');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(sidebar).toContainText('No programs yet.');
  expect((await app.services.connections.list())[0]?.programs).toEqual([]);
});

test('cancels a download that is under way and says so', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await addProgram(page, 9600); // the simulator answers, then sends nothing
  await expect(page.getByRole('progressbar', { name: 'Getting codes…' })).toBeVisible();
  // The sidebar shows the program's download too.
  await expect(page.getByRole('progressbar', { name: 'Getting the codes of Loyalty 9600' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Cancelled.');
  await expect(page.getByRole('button', { name: 'Get codes', exact: true })).toBeEnabled();
});

test('keeps several connections and switches between them', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await getCodes(page, 1, 100);
  await switcher(page).click();
  await page.getByRole('menuitem', { name: 'Add connection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a connection' });
  await dialog.getByLabel('Name', { exact: true }).fill('Second');
  await dialog.getByLabel('Altcraft address').fill(sim.url);
  await dialog.getByLabel('API token').fill(DEMO_TOKEN);
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(switcher(page)).toHaveAccessibleName('Connection: Second');
  await expect(page.getByRole('complementary')).toContainText('No programs yet.');

  await switcher(page).click();
  await page.getByRole('menuitemradio', { name: /^Marketing/ }).click();
  await expect(switcher(page)).toHaveAccessibleName('Connection: Marketing');
  await expect(programFacts(page)).toContainText('100 codes');
});
