import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { matchesFilter, type PromoCode } from '../../app/promoCode';
import { writeWorkbook, type WorkbookRequest } from '../../main/services/workbook';
import { readBack } from '../support/readBack';
import { hostileCodes } from '../readers/hostileInputs';
import { hasOpenpyxl, makeWorkbook } from '../readers/openpyxl';
import { promoCode as code } from '../support/promoCode';

const openpyxlMissing = !(await hasOpenpyxl());
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'workbook-reader-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** What reads back: the codes as they were written (Altcraft's `false` is already "not set" when read). */
const asWritten = (codes: PromoCode[]): PromoCode[] => codes;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function exportRequest(target: string, extra: Partial<WorkbookRequest> = {}): WorkbookRequest {
  return {
    target,
    host: 'ru.altkraft.com',
    programs: [],
    filter: null,
    exportedAt: new Date(),
    timeZone: 'Asia/Tokyo',
    appVersion: '1',
    language: 'en',
    ...extra,
  };
}

describe('reading a workbook this app exported', () => {
  it('gives back every program with its loyalty ID, name and exact codes', async () => {
    const target = join(folder, 'exported.xlsx');
    const hostile = hostileCodes();
    const second = [code('0001'), code('=A1', { attached: Date.UTC(2023, 1, 2, 3, 4, 5) })];
    await writeWorkbook(
      exportRequest(target, {
        programs: [
          { loyaltyId: 10, name: 'Hostile', codes: hostile },
          { loyaltyId: 11, name: null, codes: second },
          { loyaltyId: 12, name: 'Empty', codes: [] },
        ],
      }),
    );
    const { programs } = await readBack(target);
    expect(programs).toEqual([
      { loyaltyId: 10, name: 'Hostile', codes: asWritten(hostile) },
      { loyaltyId: 11, name: 'Loyalty 11', codes: second },
      { loyaltyId: 12, name: 'Empty', codes: [] },
    ]);
  });

  it('reads dates in the time zone the workbook was written in, whatever this computer’s zone', async () => {
    const target = join(folder, 'tokyo.xlsx');
    const codes = [
      code('T', { attached: Date.UTC(2024, 6, 1, 20, 30), expired: Date.UTC(2024, 11, 31, 15) }),
    ];
    await writeWorkbook(
      exportRequest(target, { programs: [{ loyaltyId: 1, name: 'T', codes }], timeZone: 'Asia/Tokyo' }),
    );
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect((await readBack(target)).programs[0]?.codes).toEqual(codes);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads a Russian export the same way', async () => {
    const target = join(folder, 'ru.xlsx');
    const codes = asWritten(hostileCodes()).slice(0, 12);
    await writeWorkbook(
      exportRequest(target, { programs: [{ loyaltyId: 5, name: 'Промо', codes }], language: 'ru' }),
    );
    expect((await readBack(target)).programs).toEqual([{ loyaltyId: 5, name: 'Промо', codes }]);
  });

  it('reads back just the codes a filtered export holds', async () => {
    const target = join(folder, 'filtered.xlsx');
    const codes = hostileCodes();
    const filter = { status: null, search: 'b' };
    await writeWorkbook(exportRequest(target, { programs: [{ loyaltyId: 5, name: 'F', codes }], filter }));
    const read = (await readBack(target)).programs[0]?.codes;
    expect(read).toEqual(asWritten(codes.filter((item) => matchesFilter(item, filter))));
  });

  it('joins continuation sheets back into their program', async () => {
    const target = join(folder, 'split.xlsx');
    const codes = Array.from({ length: 7 }, (_, index) => code(`S${index}`));
    const result = await writeWorkbook(
      exportRequest(target, { programs: [{ loyaltyId: 3, name: 'Split', codes }], rowsPerSheet: 3 }),
    );
    expect(result.sheets[0]?.sheetNames).toEqual(['Split', 'Split (2)', 'Split (3)']);
    expect((await readBack(target)).programs).toEqual([{ loyaltyId: 3, name: 'Split', codes }]);
  });
});

describe.skipIf(openpyxlMissing)('reading a workbook a person saved from another spreadsheet', () => {
  it('accepts Russian headers, moved columns, codes turned into numbers, typed dates and extra sheets', async () => {
    const target = join(folder, 'edited.xlsx');
    const ru = ['Код', 'Статус', 'Привязан', 'Активирован', 'Срок действия', 'Истёк'];
    const en = ['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired'];
    await makeWorkbook(target, [
      { name: 'Notes', rows: [['Checked by Anna'], ['nothing to see here']] },
      {
        name: 'Loyalty 42',
        rows: [
          ru,
          ['007A', 'Доступен'],
          [12345, 'Привязан', { datetime: '2024-05-01T10:00:00' }],
          // a 20-digit code a spreadsheet took for a number keeps only 15 significant digits
          [1.23456789012346e19, 'Привязан'],
          ['X', 'Истёк'],
          ['Y', 'Истёк', null, null, null, { datetime: '2024-06-01T00:00:00', format: 'dd.mm.yyyy' }],
          ['Z', 'Активирован', '2024-05-02 11:00:00', '2024-05-02T08:30:00Z'],
        ],
      },
      { name: 'Promo', rows: [en, ['P1', 'Available']] },
      { name: 'Promo (2)', rows: [en, ['P2', 'Available']] },
      {
        name: 'Moved',
        rows: [
          ['Status', 'Expire date', 'Code'],
          ['Available', 45658.5, 'M1'],
        ],
      },
    ]);
    const { programs } = await readBack(target, { timeZone: 'Europe/Moscow' });
    const moscow = (iso: string): number => Date.parse(`${iso}+03:00`);
    expect(programs).toEqual([
      {
        loyaltyId: 42,
        name: 'Loyalty 42',
        codes: [
          code('007A'),
          code('12345', { attached: moscow('2024-05-01T10:00:00') }),
          code('12345678901234600000'),
          code('X', { expired: true }),
          code('Y', { expired: moscow('2024-06-01T00:00:00') }),
          code('Z', { attached: moscow('2024-05-02T11:00:00'), activated: Date.UTC(2024, 4, 2, 8, 30) }),
        ],
      },
      { loyaltyId: null, name: 'Promo', codes: [code('P1'), code('P2')] },
      { loyaltyId: null, name: 'Moved', codes: [code('M1', { expireDate: moscow('2025-01-01T12:00:00') })] },
    ]);
  });

  it('says a workbook without the Code header is not one of ours', async () => {
    const target = join(folder, 'foreign.xlsx');
    await makeWorkbook(target, [
      {
        name: 'Budget',
        rows: [
          ['Item', 'Cost'],
          ['Pens', 3],
        ],
      },
    ]);
    const error = await failure(readBack(target));
    expect(error).toMatchObject({ code: 'not-a-workbook', reason: 'no-code-column' });
    expect(error.message).toBe(
      'This file is not a workbook Promo Exporter can read: none of its sheets starts with a Code column.',
    );
  });
});

describe('refusing what is not a workbook', () => {
  it('says a text file is not a workbook', async () => {
    const target = join(folder, 'notes.xlsx');
    await writeFile(target, 'Code,Status\r\nA,Available\r\n');
    expect(await failure(readBack(target))).toMatchObject({
      code: 'not-a-workbook',
      reason: 'not-a-workbook',
    });
  });

  it('says an empty file is not a workbook', async () => {
    const target = join(folder, 'empty.xlsx');
    await writeFile(target, '');
    expect(await failure(readBack(target))).toMatchObject({
      code: 'not-a-workbook',
      reason: 'not-a-workbook',
    });
  });

  it('says a zip that holds no workbook is not a workbook', async () => {
    const target = join(folder, 'archive.xlsx');
    execFileSync('/usr/bin/python3', [
      '-c',
      `import zipfile; zipfile.ZipFile(${JSON.stringify(target)}, 'w').writestr('a.txt', 'hi')`,
    ]);
    expect(await failure(readBack(target))).toMatchObject({
      code: 'not-a-workbook',
      reason: 'not-a-workbook',
    });
  });

  it('says a workbook cut short is damaged', async () => {
    const whole = join(folder, 'whole.xlsx');
    await writeWorkbook(
      exportRequest(whole, { programs: [{ loyaltyId: 1, name: 'W', codes: hostileCodes() }] }),
    );
    const bytes = await readFile(whole);
    const cut = join(folder, 'cut.xlsx');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await failure(readBack(cut))).toMatchObject({ code: 'not-a-workbook', reason: 'damaged' });
  });

  it('says a workbook with damaged contents is damaged', async () => {
    const whole = join(folder, 'sound.xlsx');
    const many = Array.from({ length: 20_000 }, (_, index) => code(`D${index * 7919}`));
    await writeWorkbook(exportRequest(whole, { programs: [{ loyaltyId: 1, name: 'D', codes: many }] }));
    const bytes = await readFile(whole);
    // Zero a stretch in the middle of the compressed sheet, leaving the zip directory intact.
    bytes.fill(0, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    const damaged = join(folder, 'damaged.xlsx');
    await writeFile(damaged, bytes);
    expect(await failure(readBack(damaged))).toMatchObject({ code: 'not-a-workbook', reason: 'damaged' });
  });

  it('says the file is gone when it no longer exists', async () => {
    const error = await failure(readBack(join(folder, 'gone.xlsx')));
    expect(error.code).toBe('not-found');
  });

  it('stops when cancelled', async () => {
    const target = join(folder, 'cancel.xlsx');
    await writeWorkbook(
      exportRequest(target, { programs: [{ loyaltyId: 1, name: 'C', codes: hostileCodes() }] }),
    );
    expect((await failure(readBack(target, { signal: AbortSignal.abort() }))).code).toBe('cancelled');
  });
});
