// The review calls as the page makes them, through dispatch and the app's own wiring: workbooks read in
// the code worker (with progress and Cancel, hostile ones refused while the app carries on), a fetched
// program compared with an export, its changes paged and saved, what changed since the last fetch, and
// snapshots deleted with their program or connection.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../app/appError';
import type { Comparison } from '../../app/reviewContract';
import type { CodePage, FetchSummary, OpenedWorkbook } from '../../app/ipcContract';
import type { PromoCode } from '../../app/promoCode';
import { dispatch } from '../../main/calls/dispatch';
import { composeServices, type Services } from '../../main/composeServices';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { redactingLog } from '../../main/services/log';
import { createKnownSecrets } from '../../main/services/knownSecrets';
import { encodeSnapshot } from '../../main/services/review/snapshotFormat';
import { SNAPSHOTS_FOLDER } from '../../main/services/review/snapshotStore';
import { writeWorkbook } from '../../main/services/workbook';
import { READ_LIMITS } from '../../main/services/workbookReader/readLimits';
import { DEMO_TOKEN, startAltcraftSim, type AltcraftSim } from '../altcraft-sim/server';
import { parseCsv } from '../readers/csvRows';
import { codeSheetXml, craftZip, endOfDirectory, sheetXml, workbookParts } from '../readers/craftZip';
import { tempDir } from './cliHarness';
import { promoCode as code } from '../support/promoCode';

const WELCOME = 1;
const ALL = { filter: { status: null, search: '' }, sort: null } as const;

let sim: AltcraftSim;
let dir: string;
let dataDir: string;
let services: Services;
const dialogs = { open: null as string | null, save: null as string | null };
const events: { event: string; payload: unknown }[] = [];
const secrets = new Map<string, string>();

async function call<T>(channel: string, arg?: unknown): Promise<Result<T>> {
  const context = {
    emit: (event: string, payload: unknown) => events.push({ event, payload }),
    pageReady: () => undefined,
  };
  const log = redactingLog(() => undefined, createKnownSecrets());
  return (await dispatch(services.handlers, channel, arg, context, log)) as Result<T>;
}

async function value<T>(channel: string, arg?: unknown): Promise<T> {
  const result = await call<T>(channel, arg);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  sim = await startAltcraftSim();
  dir = await tempDir('review-calls-');
  dataDir = join(dir, 'data');
  services = await composeServices({
    dataDir,
    secretStore: {
      getPassword: async (service, account) => secrets.get(`${service}/${account}`) ?? null,
      setPassword: async (service, account, password) => void secrets.set(`${service}/${account}`, password),
      deletePassword: async (service, account) => secrets.delete(`${service}/${account}`),
    },
    page: {
      documentsDir: dir,
      appVersion: '0.0.0-test',
      dialogs: { chooseSaveTarget: async () => dialogs.save, chooseWorkbookToOpen: async () => dialogs.open },
      desktop: { openPath: async () => undefined, showInFolder: () => undefined },
    },
  });
});
afterAll(async () => {
  await services.library.close();
  await sim.close();
});

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function exportOf(name: string, codes: PromoCode[], exportedAt = new Date(Date.UTC(2026, 0, 1))) {
  const target = join(dir, name);
  await writeWorkbook({
    target,
    host: 'h',
    programs: [{ loyaltyId: WELCOME, name: 'Welcome', codes }],
    filter: null,
    exportedAt,
    timeZone: 'UTC',
    appVersion: 't',
    language: 'en',
  });
  return target;
}

describe('opening a workbook', () => {
  const hostile: [string, string, () => Buffer][] = [
    [
      'a lying zip directory',
      'damaged',
      () => {
        const local = craftZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
        const at = local.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        return Buffer.concat([local.subarray(0, at), endOfDirectory(1, 0xffffffff, 0xfffffff0)]);
      },
    ],
    [
      'a zip bomb',
      'damaged',
      () =>
        craftZip([
          ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 500 },
        ]),
    ],
    [
      'a sheet bomb',
      'over-limit',
      () =>
        craftZip([
          ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
          {
            name: 'xl/worksheets/sheet1.xml',
            data: sheetXml(
              `<row><c t="inlineStr"><is><t>Code</t></is></c></row>${'<row/>'.repeat(READ_LIMITS.rowsPerSheet)}`,
            ),
          },
        ]),
    ],
    [
      'billion laughs',
      'damaged',
      () =>
        craftZip([
          ...workbookParts(
            [{ name: 'Codes', target: 'worksheets/sheet1.xml' }],
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>',
          ),
          { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['A']) },
        ]),
    ],
    ['a text file', 'not-a-workbook', () => Buffer.from('Code\nA\n')],
    ['an empty file', 'not-a-workbook', () => Buffer.alloc(0)],
  ];

  it.each(hostile)(
    'refuses %s (%s) in plain words, and the app opens the next workbook',
    async (name, reason, make) => {
      dialogs.open = await file(`${name}.xlsx`, make());
      const refused = await call('workbook:open');
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'not-a-workbook',
          message: expect.stringMatching(/^This file is not a workbook Promo Exporter can read: /),
        },
      });
      dialogs.open = await exportOf('good.xlsx', [code('G1'), code('G2')]);
      const opened = await value<OpenedWorkbook>('workbook:open');
      const page = await value<CodePage>('codes:query', {
        connectionId: opened.sourceId,
        loyaltyId: WELCOME,
        view: ALL,
        offset: 0,
        limit: 10,
      });
      expect(page.rows.map((row) => row.code)).toEqual(['G1', 'G2']);
      expect(opened.exportedAt).toBe(Date.UTC(2026, 0, 1));
    },
  );

  it('reports how far the reading is', async () => {
    events.length = 0;
    dialogs.open = await exportOf(
      'progress.xlsx',
      Array.from({ length: 30_000 }, (_, i) => code(`P${i}`)),
    );
    await value('workbook:open');
    const progress = events.filter((e) => e.event === 'review:progress').map((e) => e.payload);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ bytesRead: expect.any(Number), bytesTotal: expect.any(Number) });
    const last = progress.at(-1) as { bytesRead: number; bytesTotal: number };
    expect(last.bytesRead).toBe(last.bytesTotal);
  });

  it('stops when cancelled, and opens the next workbook', async () => {
    dialogs.open = await exportOf(
      'big.xlsx',
      Array.from({ length: 300_000 }, (_, i) => code(`B${i}`)),
    );
    events.length = 0;
    const opening = call('workbook:open');
    // Cancel as soon as the worker says it started reading.
    while (!events.some((e) => e.event === 'review:progress')) await new Promise((r) => setTimeout(r, 5));
    await value('review:cancel');
    expect(await opening).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    dialogs.open = await exportOf('after-cancel.xlsx', [code('AFTER')]);
    expect((await value<OpenedWorkbook>('workbook:open')).programs[0]?.total).toBe(1);
  });

  it('answers null when the dialog is closed', async () => {
    dialogs.open = null;
    expect(await value('workbook:open')).toBeNull();
  });
});

describe('a fetched program compared with an export', () => {
  let connectionId: string;
  let fetched: FetchSummary;
  let rows: CodePage['rows'];

  beforeAll(async () => {
    const connection = await value<{ id: string }>('connections:add', {
      name: 'Sim',
      host: sim.url,
      token: DEMO_TOKEN,
    });
    connectionId = connection.id;
    fetched = await value<FetchSummary>('codes:fetch', { connectionId, loyaltyId: WELCOME });
    rows = (
      await value<CodePage>('codes:query', {
        connectionId,
        loyaltyId: WELCOME,
        view: ALL,
        offset: 0,
        limit: 5000,
      })
    ).rows;
  });

  it('says nothing changed on the first fetch', () => {
    expect(fetched.sinceLastFetch).toBeNull();
  });

  it('counts what changed against an older export, pages the changes and saves them', async () => {
    // The older export: without the first two codes, with one code attached now still available
    // then, and with a code Altcraft no longer has.
    const attachedNow = rows.findIndex((row, i) => i >= 2 && row.status === 'attached');
    const older = rows
      .slice(2)
      .map(({ status: _status, ...promo }, i) =>
        i + 2 === attachedNow ? { ...promo, attached: null } : promo,
      )
      .concat([code('ONLY-IN-OLD')]);
    dialogs.open = await exportOf('older.xlsx', older);
    const comparison = await value<Comparison>('review:compare', {
      sourceId: connectionId,
      loyaltyIds: [WELCOME],
    });
    expect(comparison).toMatchObject({ chosenIs: 'before', path: dialogs.open });
    expect(comparison.programs).toEqual([
      {
        loyaltyId: WELCOME,
        name: 'Loyalty 1',
        before: rows.length - 1,
        after: rows.length,
        added: 2,
        removed: 1,
        statusChanges: [{ from: 'available', to: 'attached', count: 1 }],
      },
    ]);

    const page = await value<{ matching: number; rows: { code: string; kind: string }[] }>('review:changes', {
      comparisonId: comparison.comparisonId,
      program: null,
      kind: null,
      offset: 0,
      limit: 10,
    });
    expect(page.matching).toBe(4);
    expect(page.rows.map((row) => [row.code, row.kind])).toEqual([
      [rows[0]?.code, 'added'],
      [rows[1]?.code, 'added'],
      [rows[attachedNow]?.code, 'status'],
      ['ONLY-IN-OLD', 'removed'],
    ]);

    dialogs.save = join(dir, 'changes.csv');
    const saved = await value<{ rows: number }>('review:saveChanges', {
      comparisonId: comparison.comparisonId,
      format: 'csv',
      language: 'en',
    });
    expect(saved.rows).toBe(4);
    const csv = parseCsv((await readFile(dialogs.save, 'utf8')).replace(/^\ufeff/, ''));
    expect(csv.at(-1)?.slice(0, 4)).toEqual(['ONLY-IN-OLD', 'Loyalty 1', 'Available', '']);

    dialogs.save = join(dir, 'with-changes.xlsx');
    const workbook = await value<{ sheetNames: string[] }>('workbook:save', {
      connectionId,
      loyaltyIds: [WELCOME],
      filter: { status: null, search: '' },
      language: 'en',
      changesOf: comparison.comparisonId,
    });
    expect(workbook.sheetNames).toEqual(['Loyalty 1', 'Changes']);
  });

  it('says what changed since the previous fetch, from the snapshot it left', async () => {
    // The snapshot the first fetch left, replaced by one where two codes were still available and
    // one code has since gone from Altcraft.
    const previous = compactCodes([
      ...rows.map(({ status: _status, ...promo }, i) =>
        i < 2 ? { ...promo, attached: null, activated: null, expired: null } : promo,
      ),
      code('GONE-SINCE'),
    ]);
    const changedTwo = rows.slice(0, 2).filter((row) => row.status !== 'available').length;
    const snapshot = join(dataDir, SNAPSHOTS_FOLDER, connectionId, `${WELCOME}.snapshot`);
    await writeFile(snapshot, await encodeSnapshot({ loyaltyId: WELCOME, fetchedAt: 1_000 }, previous));
    const again = await value<FetchSummary>('codes:fetch', { connectionId, loyaltyId: WELCOME });
    expect(again.sinceLastFetch).toMatchObject({
      since: 1_000,
      before: rows.length + 1,
      after: rows.length,
      added: 0,
      removed: 1,
    });
    const moved = again.sinceLastFetch?.statusChanges.reduce((sum, change) => sum + change.count, 0);
    expect(moved).toBe(changedTwo);
  });

  it('deletes the snapshots with the program, then with the connection', async () => {
    const folder = join(dataDir, SNAPSHOTS_FOLDER, connectionId);
    expect(await readdir(folder)).toEqual([`${WELCOME}.snapshot`]);
    await value('programs:remove', { connectionId, loyaltyId: WELCOME });
    expect(await readdir(folder)).toEqual([]);
    await value('codes:fetch', { connectionId, loyaltyId: WELCOME });
    await value('connections:forget', { connectionId });
    expect(await readdir(join(dataDir, SNAPSHOTS_FOLDER))).not.toContain(connectionId);
    await rm(join(dir, 'changes.csv'), { force: true });
  });
});
