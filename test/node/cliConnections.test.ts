import keytar from 'keytar';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProgram } from '../altcraft-sim/programs';
import { DEMO_TOKEN, LIMITED_TOKEN, startAltcraftSim } from '../altcraft-sim/server';
import type { AltcraftSim } from '../altcraft-sim/server';
import { contentsUnder } from '../support/fileContents';
import { readWithOpenpyxl } from '../support/readWorkbook';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { openSnapshotStore, SNAPSHOTS_FOLDER } from '../../main/services/review/snapshotStore';
import { printed, runCli, runCliInTerminal, tempDir } from './cliHarness';

// `promo-exporter connections …` and `export --connection` with the real system keychain (gnome-keyring
// under dbus-run-session here) under a keychain service name of each test's own, and a settings folder
// of its own, so a person's real connections are never touched.
let sim: AltcraftSim;
const services: string[] = [];

/** A keychain service name and a settings folder of the test's own, so tests can run side by side. */
async function fresh() {
  const service = `Promo Exporter CLI test ${randomUUID()}`;
  services.push(service);
  const dataDir = await tempDir('promo-cli-data-');
  const env = { PROMO_EXPORTER_DATA_DIR: dataDir, PROMO_EXPORTER_KEYCHAIN_SERVICE: service };
  const add = (name: string, token: string) =>
    runCli(['connections', 'add', name, '--base-url', sim.url], { env, input: `${token}\n` });
  const entries = () => keytar.findCredentials(service);
  return { service, dataDir, env, add, entries };
}

beforeAll(async () => {
  sim = await startAltcraftSim();
});
afterAll(async () => {
  await sim.close();
  for (const service of services) {
    for (const { account } of await keytar.findCredentials(service))
      await keytar.deletePassword(service, account);
  }
  const output = printed.join('\n');
  expect(output).not.toContain(DEMO_TOKEN);
  expect(output).not.toContain(LIMITED_TOKEN);
});

describe.concurrent('promo-exporter connections', () => {
  it('add reads the token from standard input into the keychain, and export --connection uses it', async () => {
    const t = await fresh();
    const added = await t.add('shop', DEMO_TOKEN);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe(`Saved connection "shop" (${sim.url}); its token is in the system keychain.\n`);
    const [entry, ...more] = await t.entries();
    expect(more).toEqual([]);
    expect(entry?.password).toBe(DEMO_TOKEN);
    expect(await readFile(join(t.dataDir, 'settings.json'), 'utf8')).not.toContain(DEMO_TOKEN);

    const out = join(t.dataDir, 'shop.xlsx');
    const run = await runCli(['export', '--connection', 'shop', '--loyalty-id', '1', '--out', out], {
      env: t.env,
    });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const book = await readWithOpenpyxl(out);
    expect(book['Loyalty 1']?.slice(1).map((row) => row[0])).toEqual(
      sampleProgram(1).map((code) => code.code),
    );
    // Nothing the command line left in its data folder holds the token: settings, workbook (unzipped).
    const files = await contentsUnder(t.dataDir);
    expect(files.map((f) => f.file).some((f) => f.endsWith('(unzipped)'))).toBe(true);
    for (const { file, text } of files) expect(text, file).not.toContain(DEMO_TOKEN);
  });

  it('export --connection names sheets after the programs saved with the connection', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    // The app saves program names in its settings file; do as it does.
    const file = join(t.dataDir, 'settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as { connections: { programs: unknown[] }[] };
    settings.connections[0]?.programs.push({
      loyaltyId: 1,
      name: 'Welcome',
      lastFetchedAt: null,
      lastCount: null,
    });
    await writeFile(file, JSON.stringify(settings));

    const out = join(t.dataDir, 'named.xlsx');
    const run = await runCli(
      ['export', '--connection', 'shop', '--loyalty-id', '1', '--json', '--out', out],
      {
        env: t.env,
      },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ connection: 'shop', sheets: ['Summary', 'Welcome'] });
    expect(Object.keys(await readWithOpenpyxl(out))).toEqual(['Summary', 'Welcome']);

    const list = await runCli(['connections', 'list'], { env: t.env });
    expect(list.stdout).toContain('1 (Welcome)');
  });

  it('list shows each name, host and whether the token is saved, never the token', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    await t.add('restricted', LIMITED_TOKEN);
    const list = await runCli(['connections', 'list'], { env: t.env });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')).toEqual([
      'NAME        HOST' + ' '.repeat(sim.url.length - 2) + 'TOKEN        LOYALTY PROGRAMS',
      `shop        ${sim.url}  in keychain`,
      `restricted  ${sim.url}  in keychain`,
      '',
    ]);
    const json = await runCli(['connections', 'list', '--json'], { env: t.env });
    expect(JSON.parse(json.stdout)).toEqual([
      { name: 'shop', host: sim.url, hasToken: true, programs: [] },
      { name: 'restricted', host: sim.url, hasToken: true, programs: [] },
    ]);
    expect(list.stdout + json.stdout).not.toMatch(/demo-token|limited-token/);
  });

  it('remove deletes the connection and its keychain entry', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    const removed = await runCli(['connections', 'remove', 'shop'], { env: t.env });
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed connection "shop" and its token.\n' });
    expect(await t.entries()).toEqual([]);
    const again = await runCli(['connections', 'remove', 'shop'], { env: t.env });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^promo-exporter: There is no saved connection named "shop"/);
  });

  it('remove also deletes the snapshots the app kept of its programs’ fetches', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    const settings = JSON.parse(await readFile(join(t.dataDir, 'settings.json'), 'utf8')) as {
      connections: { id: string }[];
    };
    const id = settings.connections[0]?.id ?? '';
    await openSnapshotStore(t.dataDir).save(id, 7, compactCodes([]), Date.now());
    expect(await readdir(join(t.dataDir, SNAPSHOTS_FOLDER))).toEqual([id]);
    expect((await runCli(['connections', 'remove', 'shop'], { env: t.env })).code).toBe(0);
    expect(await readdir(join(t.dataDir, SNAPSHOTS_FOLDER))).toEqual([]);
  });

  it('refuses a second connection with the same name, and an empty token', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    const twice = await t.add('Shop', DEMO_TOKEN);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already exists');
    const empty = await t.add('other', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No API token was given');
    expect(await t.entries()).toHaveLength(1);
  });

  it('asks for the token on a terminal without showing what is typed', async () => {
    const t = await fresh();
    const typed = `${DEMO_TOKEN}-typed`;
    const prompt = 'API token for "desk" (not shown): ';
    const run = await runCliInTerminal(['connections', 'add', 'desk', '--base-url', sim.url], {
      env: t.env,
      typed,
      prompt,
    });
    expect(run.code).toBe(0);
    expect(run.screen).toContain(prompt);
    expect(run.screen).toContain('Saved connection "desk"');
    expect(run.screen).not.toContain(typed);
    expect((await t.entries())[0]?.password).toBe(typed);
  });
});

describe.concurrent('export --connection failing', () => {
  it('exits with 3 when Altcraft refuses the saved token', async () => {
    const t = await fresh();
    await t.add('restricted', LIMITED_TOKEN);
    const out = join(t.dataDir, 'refused.xlsx');
    const run = await runCli(['export', '--connection', 'restricted', '--loyalty-id', '1', '--out', out], {
      env: t.env,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^promo-exporter: Loyalty program 1: .*"No access to the object"\.\n$/);
  });

  it('exits with 2 for a connection that is not saved', async () => {
    const t = await fresh();
    const run = await runCli(['export', '--connection', 'nowhere', '--loyalty-id', '1', '--out', 'x.xlsx'], {
      env: t.env,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('There is no saved connection named "nowhere"');
  });

  it('exits with 1 and says so when the keychain lost the token', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    for (const { account } of await t.entries()) await keytar.deletePassword(t.service, account);
    const run = await runCli(
      ['export', '--connection', 'shop', '--loyalty-id', '1', '--out', join(t.dataDir, 'x.xlsx')],
      {
        env: t.env,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^promo-exporter: The API token for this connection is missing from the keychain/,
    );
  });

  it('exits with 1 without a keychain, and points to ALTCRAFT_TOKEN instead', async () => {
    const t = await fresh();
    await t.add('shop', DEMO_TOKEN);
    const run = await runCli(
      ['export', '--connection', 'shop', '--loyalty-id', '1', '--out', join(t.dataDir, 'x.xlsx')],
      { env: { ...t.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^promo-exporter: The system keychain is not available, so the token was not read or saved.*ALTCRAFT_TOKEN/,
    );
  });
});
