import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { countByStatus, matchesFilter, statusOf, type CodeDate, type PromoCode } from '../../app/promoCode';
import { writeCsv, type CsvRequest } from '../../main/services/workbook';
import { parseCsv } from '../readers/csvRows';
import { cannotMount, mountTmpfs, unmount } from '../readers/diskFaults';
import { hostileCodes, wallText } from '../readers/hostileInputs';

const TIME_ZONE = 'Europe/Moscow';
const STATUS_EN = {
  available: 'Available',
  attached: 'Attached',
  activated: 'Activated',
  expired: 'Expired',
};
const codes: PromoCode[] = [
  ...hostileCodes(),
  ...['A,B', '\rstarts with CR', '@home', '-5'].map((code) => ({
    code,
    attached: null,
    activated: null,
    expireDate: null,
    expired: null,
  })),
];

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'csv-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function request(target: string, extra: Partial<CsvRequest> = {}): CsvRequest {
  return {
    target,
    program: { loyaltyId: 3, name: 'Hostile', codes },
    filter: null,
    timeZone: TIME_ZONE,
    language: 'en',
    ...extra,
  };
}

const neutralised = (code: string): string => (/^[=+\-@\t\r\n]/.test(code) ? `'${code}` : code);
/** What a date cell shows: a date as local time; true (at an unknown time) and absent as nothing. */
const shown = (value: CodeDate): string => (typeof value === 'number' ? wallText(value, TIME_ZONE) : '');

describe('exporting a program as CSV', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', async () => {
    const target = join(folder, 'bom.csv');
    await writeCsv(request(target));
    const bytes = await readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('Code,Status,Attached,Activated,Expire date,Expired\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields every line break is CRLF.
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.match(/\r?\n/g)?.every((end) => end === '\r\n')).toBe(true);
  });

  it('writes the same columns, status words and local times as the workbook', async () => {
    const target = join(folder, 'columns.csv');
    const result = await writeCsv(request(target));
    const rows = parseCsv((await readFile(target, 'utf8')).slice(1));
    expect(rows[0]).toEqual(['Code', 'Status', 'Attached', 'Activated', 'Expire date', 'Expired']);
    expect(rows.slice(1)).toEqual(
      codes.map((code) => [
        neutralised(code.code),
        STATUS_EN[statusOf(code)],
        shown(code.attached),
        shown(code.activated),
        shown(code.expireDate),
        shown(code.expired),
      ]),
    );
    expect(result).toEqual({ path: target, rows: codes.length, counts: countByStatus(codes) });
  });

  it('puts a quote before values that a spreadsheet would run as a formula, as OWASP advises', async () => {
    const target = join(folder, 'injection.csv');
    await writeCsv(request(target));
    const text = await readFile(target, 'utf8');
    for (const field of [
      "'=1+2",
      "'+SUM(A1:A2)",
      "'-12",
      "'@SUM(1)",
      "'\tTAB",
      "'\rstarts with CR",
      "'@home",
      "'-5",
    ]) {
      expect(text).toContain(`\r\n"${field}",`);
    }
    expect(text).toContain(`\r\n"'=HYPERLINK(""http://example.com"",""click"")",`);
    expect(text).not.toMatch(/(^|\r\n)[=+\-@]/);
  });

  it('also guards a formula behind invisible characters or in full width, and nothing that only looks alike', async () => {
    const target = join(folder, 'disguised.csv');
    const disguised = [
      '\u00a0=1+2', // no-break space
      '\u200b=1+2', // zero-width space
      '\ufeff@SUM(1)', // byte-order mark
      '\u2060\u200d-1', // word joiner, zero-width joiner
      '\u3000+7', // ideographic space
      '\n=1+2', // line feed
      '＝1+2', // full-width equals
      '＋7',
      '－5',
      '＠home',
      '﹦1', // small form
    ];
    const harmless = ['\u00a0nbsp', 'a=1', '1-2', '\u200bcode', 'x@y'];
    const program = [...disguised, ...harmless].map((code) => ({
      code,
      attached: null,
      activated: null,
      expireDate: null,
      expired: null,
    }));
    await writeCsv(request(target, { program: { loyaltyId: 1, name: null, codes: program } }));
    const rows = parseCsv((await readFile(target, 'utf8')).slice(1)).slice(1);
    expect(rows.map((row) => row[0])).toEqual([...disguised.map((code) => `'${code}`), ...harmless]);
    const text = await readFile(target, 'utf8');
    for (const code of disguised) expect(text).toContain(`\r\n"'${code}",`);
  });

  it('quotes fields holding commas, quotes, line breaks or edge spaces, doubling inner quotes (RFC 4180)', async () => {
    const target = join(folder, 'quoting.csv');
    await writeCsv(request(target));
    const text = await readFile(target, 'utf8');
    for (const field of [
      '"A,B"',
      '"""quoted"""',
      '"line\nbreak"',
      '"  spaced  "',
      '" lead"',
      '"trail "',
      '"\u00a0nbsp"',
    ]) {
      expect(text).toContain(`\r\n${field},`);
    }
  });

  it('writes Russian headers and status words when exported in Russian', async () => {
    const target = join(folder, 'ru.csv');
    await writeCsv(request(target, { language: 'ru' }));
    const rows = parseCsv((await readFile(target, 'utf8')).slice(1));
    expect(rows[0]).toEqual(['Код', 'Статус', 'Привязан', 'Активирован', 'Срок действия', 'Истёк']);
    expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(
      new Set(['Доступен', 'Привязан', 'Активирован', 'Истёк']),
    );
  });

  it('exports only the codes the filter shows', async () => {
    const target = join(folder, 'filtered.csv');
    const filter = { status: 'expired' as const, search: '' };
    const result = await writeCsv(request(target, { filter }));
    const expected = codes.filter((code) => matchesFilter(code, filter));
    const rows = parseCsv((await readFile(target, 'utf8')).slice(1)).slice(1);
    expect(rows.map((row) => row[0])).toEqual(expected.map((code) => neutralised(code.code)));
    expect(result.rows).toBe(expected.length);
  });

  it('leaves the target untouched and no temporary file when cancelled', async () => {
    const cancelFolder = join(folder, 'cancel');
    await mkdir(cancelFolder);
    const target = join(cancelFolder, 'codes.csv');
    await writeFile(target, 'old');
    const many = Array.from({ length: 200_000 }, (_, index) => ({
      ...(codes[0] as PromoCode),
      code: `C${index}`,
    }));
    const controller = new AbortController();
    const error = await writeCsv({
      ...request(target),
      program: { loyaltyId: 1, name: null, codes: many },
      signal: controller.signal,
      onProgress: ({ rowsWritten }) => {
        if (rowsWritten >= 40_000) controller.abort();
      },
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cancelled');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(cancelFolder)).toEqual(['codes.csv']);
  });

  it.skipIf(cannotMount !== null)(
    'says the disk is full, and leaves the target untouched and no temporary file',
    async () => {
      const full = join(folder, 'full');
      await mkdir(full);
      mountTmpfs(full, 'size=64k');
      try {
        const target = join(full, 'codes.csv');
        await writeFile(target, 'old');
        const many = Array.from({ length: 20_000 }, () => ({
          ...(codes[0] as PromoCode),
          code: randomBytes(12).toString('hex'),
        }));
        const error = await writeCsv({
          ...request(target),
          program: { loyaltyId: 1, name: null, codes: many },
        }).catch((reason: unknown) => reason);
        expect((error as AppError).code).toBe('disk-full');
        expect(await readFile(target, 'utf8')).toBe('old');
        expect(await readdir(full)).toEqual(['codes.csv']);
      } finally {
        unmount(full);
      }
    },
  );
});
