import keytar from 'keytar';
import { DEMO_TOKEN, sampleProgram } from '../altcraft-sim/programs';
import { startAltcraftSim } from '../altcraft-sim/server';
import { addConnection, expect, test } from './fixtures';

test('accepts the full export_all address as pasted and shows it normalised', async ({ page, sim, app }) => {
  await page.getByLabel('Altcraft address').fill(`  ${sim.url}/api/v1.1/promocodes/export_all `);
  await expect(page.locator('#host-problem')).toHaveText(sim.url);
  await page.getByLabel('Altcraft address').fill('http://altcraft.example.com');
  await expect(page.locator('#host-problem')).toHaveText('The address must start with https://.');
  await addConnection(page, `${sim.url}/api/v1.1/`, DEMO_TOKEN);
  await expect(page.getByRole('region', { name: 'Altcraft connection' })).toContainText(sim.url);
  expect((await app.services.connections.list())[0]?.host).toBe(sim.url);
});

test('checks a connection and explains a refused token, then works after the token is replaced', async ({
  page,
  sim,
}) => {
  await addConnection(page, sim.url, 'not-a-valid-token');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('alert')).toContainText('Altcraft refused the token. Replace it.');

  // Getting codes fails the same way, in plain words, with Retry; nothing typed is lost.
  await page.getByLabel('Loyalty program ID').fill('1');
  await page.getByRole('button', { name: 'Get codes', exact: true }).click();
  const codes = page.getByRole('region', { name: 'Promo codes' });
  await expect(codes.getByRole('alert')).toContainText(
    'Altcraft refused the token. Replace it under the connection.',
  );
  await expect(page.getByLabel('Loyalty program ID')).toHaveValue('1');

  await page.getByRole('button', { name: 'Replace token' }).click();
  await page.getByLabel('New API token').fill(DEMO_TOKEN);
  await page.getByLabel('New API token').press('Enter');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('The address and token work.')).toBeVisible();

  await codes.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 3 })).toContainText(`${sampleProgram(1).length} codes`);
});

test('renames a connection, refuses a bad address, and forgets it with its keychain entry', async ({
  page,
  sim,
  app,
}) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await page.getByRole('button', { name: 'Rename' }).first().click();
  await page.getByLabel('New name').fill('CRM team');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Altcraft connection' })).toContainText('CRM team');

  await page.getByRole('button', { name: 'Change address' }).click();
  await page.getByLabel('New Altcraft address').fill('http://altcraft.example.com');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.getByLabel('API token for the new address').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Check what you entered.');
  expect((await app.services.connections.list())[0]?.host).toBe(sim.url);
  await page.getByRole('button', { name: 'Cancel' }).click();

  const [connection] = await app.services.connections.list();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByRole('button', { name: 'Save connection' })).toBeVisible();
  expect(await keytar.getPassword(app.keychainService, connection!.id)).toBeNull();
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
    await page.getByRole('button', { name: 'Change address' }).click();
    await expect(page.getByText('never sent to the new one')).toBeVisible();
    await page.getByLabel('New Altcraft address').fill(moved.url);
    await page.getByLabel('API token for the new address').fill(DEMO_TOKEN);
    await page.getByLabel('API token for the new address').press('Enter');
    await expect(page.getByRole('region', { name: 'Altcraft connection' })).toContainText(moved.url);
    await expect(page.getByText('Saved in the system keychain')).toBeVisible();

    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText('The address and token work.')).toBeVisible();
    expect(moved.requests.map((r) => r.token)).toEqual(['valid']);
    expect(await keytar.getPassword(app.keychainService, connection!.id)).toBe(DEMO_TOKEN);
  } finally {
    await moved.close();
  }
});

test('remembers loyalty programs with a name, when they were fetched and how many codes they had', async ({
  page,
  sim,
}) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await page.getByLabel('Loyalty program ID').fill('1');
  await page.getByLabel('Name (optional)').fill('Welcome');
  await page.getByRole('button', { name: 'Get codes', exact: true }).click();
  const programs = page.getByRole('table', { name: 'Loyalty programs' });
  await expect(programs.getByRole('row', { name: /Welcome 1 .* 100/ })).toBeVisible();

  await page.getByRole('button', { name: 'Rename Welcome' }).click();
  await page.getByLabel('New name for loyalty program 1').fill('Welcome 2026');
  await page.getByLabel('New name for loyalty program 1').press('Enter');
  await expect(programs).toContainText('Welcome 2026');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove Welcome 2026' }).click();
  await expect(programs).toHaveCount(0);
});

test('cancels a download that is under way and says so', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await page.getByLabel('Loyalty program ID').fill('9600'); // the simulator answers, then sends nothing
  await page.getByRole('button', { name: 'Get codes', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Getting codes…' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Cancelled.');
  await expect(page.getByRole('button', { name: 'Get codes', exact: true })).toBeEnabled();
});

test('keeps several connections and switches between them', async ({ page, sim }) => {
  await addConnection(page, sim.url, DEMO_TOKEN);
  await page.getByRole('button', { name: 'Add connection' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Second');
  await page.getByLabel('Altcraft address').fill(sim.url);
  await page.getByLabel('API token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByRole('region', { name: 'Altcraft connection' })).toContainText('Second');
  await page.getByLabel('Connection', { exact: true }).selectOption({ label: 'Marketing' });
  await expect(page.getByRole('region', { name: 'Altcraft connection' })).toContainText('Marketing');
});
