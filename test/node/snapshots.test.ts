// A program's last fetch kept in the data folder: round trips exactly, refuses what it did not write,
// answers what changed since, and goes when its program or connection is forgotten.
import { readdir, readFile, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactCodes } from '../../main/services/codes/compactCodes';
import { recordFetch } from '../../main/services/review/sinceLastFetch';
import { DamagedSnapshot, decodeSnapshot, encodeSnapshot } from '../../main/services/review/snapshotFormat';
import { openSnapshotStore, SNAPSHOTS_FOLDER } from '../../main/services/review/snapshotStore';
import { HOSTILE_CODES, hostileCodes } from '../readers/hostileInputs';
import type { CodeStates } from '../../main/services/review/compareCodes';
import { promoCode as code } from '../support/promoCode';

/** Every code's text, in order. */
const textsOf = (states: CodeStates | null | undefined): string[] | null =>
  states == null ? null : Array.from({ length: states.length }, (_, i) => states.codeAt(i));

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'snapshots-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = Date.UTC(2026, 10, 28, 10);

describe('the snapshot file', () => {
  it('gives back every code and status exactly, hostile codes and all', async () => {
    const codes = compactCodes([...hostileCodes(), code('\u0000nul'), code('😀'.repeat(200)), code('')]);
    const back = await decodeSnapshot(await encodeSnapshot({ loyaltyId: 7, fetchedAt: T }, codes));
    expect(back).toMatchObject({ loyaltyId: 7, fetchedAt: T, count: codes.length, length: codes.length });
    expect(textsOf(back)).toEqual(textsOf(codes));
    expect([...back.statuses]).toEqual([...codes.statuses]);
    expect(textsOf(back)?.slice(0, HOSTILE_CODES.length)).toEqual(HOSTILE_CODES);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['another kind of file', Buffer.from('PK\u0003\u0004 not a snapshot')],
  ])('refuses %s', async (_, bytes) => {
    await expect(decodeSnapshot(bytes)).rejects.toBeInstanceOf(DamagedSnapshot);
  });

  it('refuses a file cut short, a header that lies about the count, and a body past its limit', async () => {
    const whole = await encodeSnapshot({ loyaltyId: 1, fetchedAt: T }, compactCodes([code('A'), code('B')]));
    await expect(decodeSnapshot(whole.subarray(0, whole.length - 3))).rejects.toBeInstanceOf(DamagedSnapshot);
    const lying = Buffer.from(whole.toString('latin1').replace('"count":2', '"count":9'), 'latin1');
    await expect(decodeSnapshot(lying)).rejects.toBeInstanceOf(DamagedSnapshot);
    const header = whole.subarray(0, whole.indexOf('}') + 1);
    const bomb = Buffer.concat([header, deflateRawSync(Buffer.alloc(4 * 1024 * 1024))]);
    await expect(decodeSnapshot(bomb, 1024 * 1024)).rejects.toThrow(/does not unpack/);
  });
});

describe('the snapshot store', () => {
  it('keeps one file per program under the data folder, readable by its owner only', async () => {
    const store = openSnapshotStore(dataDir);
    await store.save('conn-1', 42, compactCodes([code('A')]), T);
    const file = join(dataDir, SNAPSHOTS_FOLDER, 'conn-1', '42.snapshot');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dataDir, SNAPSHOTS_FOLDER, 'conn-1'))).toEqual(['42.snapshot']);
    expect(textsOf(await store.load('conn-1', 42))).toEqual(['A']);
    expect(await store.load('conn-1', 43)).toBeNull();
  });

  it('keeps a connection whose ID is not a plain name inside the snapshots folder', async () => {
    const store = openSnapshotStore(dataDir);
    await store.save('../../escape', 1, compactCodes([code('A')]), T);
    expect(await readdir(join(dataDir, SNAPSHOTS_FOLDER))).toContain('%2E%2E%2F%2E%2E%2Fescape');
    await store.forgetConnection('../../escape');
    expect(await readdir(join(dataDir, SNAPSHOTS_FOLDER))).not.toContain('%2E%2E%2F%2E%2E%2Fescape');
  });

  it('refuses a snapshot file that is another program’s', async () => {
    const store = openSnapshotStore(dataDir);
    await store.save('conn-2', 1, compactCodes([code('A')]), T);
    const folder = join(dataDir, SNAPSHOTS_FOLDER, 'conn-2');
    await writeFile(join(folder, '2.snapshot'), await readFile(join(folder, '1.snapshot')));
    await expect(store.load('conn-2', 2)).rejects.toBeInstanceOf(DamagedSnapshot);
  });

  it('forgets one program, then the whole connection', async () => {
    const store = openSnapshotStore(dataDir);
    await store.save('conn-3', 1, compactCodes([code('A')]), T);
    await store.save('conn-3', 2, compactCodes([code('B')]), T);
    await store.forgetProgram('conn-3', 1);
    expect(await store.load('conn-3', 1)).toBeNull();
    expect(await store.load('conn-3', 2)).not.toBeNull();
    await store.forgetConnection('conn-3');
    expect(await readdir(join(dataDir, SNAPSHOTS_FOLDER))).not.toContain('conn-3');
  });
});

describe('what changed since the last fetch', () => {
  it('says nothing the first time, then counts the changes against the previous fetch', async () => {
    const store = openSnapshotStore(dataDir);
    const first = compactCodes([code('A'), code('B'), code('C'), code('D')]);
    expect(
      await recordFetch(store, { connectionId: 'c', loyaltyId: 5, codes: first, fetchedAt: T }),
    ).toBeNull();
    const second = compactCodes([
      code('A', { attached: T }),
      code('B', { attached: T, activated: T }),
      code('C'),
      code('E', { attached: T }),
    ]);
    const changes = await recordFetch(store, {
      connectionId: 'c',
      loyaltyId: 5,
      codes: second,
      fetchedAt: T + 1,
    });
    expect(changes).toEqual({
      since: T,
      before: 4,
      after: 4,
      added: 1,
      removed: 1,
      statusChanges: [
        { from: 'available', to: 'attached', count: 1 },
        { from: 'available', to: 'activated', count: 1 },
      ],
      reached: { available: 0, attached: 2, activated: 1, expired: 0 },
    });
    // The second fetch is now the one the next is compared with.
    expect((await store.load('c', 5))?.fetchedAt).toBe(T + 1);
  });

  it('answers as for a first fetch when the last one cannot be read, and keeps this one', async () => {
    const store = openSnapshotStore(dataDir);
    await store.save('d', 1, compactCodes([code('A')]), T);
    await writeFile(join(dataDir, SNAPSHOTS_FOLDER, 'd', '1.snapshot'), 'garbage');
    const problems: string[] = [];
    const changes = await recordFetch(
      store,
      { connectionId: 'd', loyaltyId: 1, codes: compactCodes([code('A')]), fetchedAt: T },
      (what) => problems.push(what),
    );
    expect(changes).toBeNull();
    expect(problems).toEqual(['The last fetch of loyalty program 1 could not be read back']);
    expect(textsOf(await store.load('d', 1))).toEqual(['A']);
  });
});
