// Files made to hurt the reader: each must end in its plain 'not-a-workbook' refusal, quickly, without
// unpacking what it should not, and the reader must go on reading good files afterwards.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/appError';
import { readWorkbook, type ReadProgress } from '../../main/services/workbookReader';
import { READ_LIMITS } from '../../main/services/workbookReader/readLimits';
import { openZipPackage } from '../../main/services/workbookReader/zipPackage';
import {
  codeSheetXml,
  craftZip,
  endOfDirectory,
  sheetXml,
  workbookParts,
  zip64EndClaiming,
  type CraftedEntry,
} from '../readers/craftZip';
import { promoCodes } from '../support/readBack';

let folder: string;
let made = 0;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hostile-workbooks-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fileOf(bytes: Buffer | string): Promise<string> {
  made += 1;
  const path = join(folder, `file-${made}.xlsx`);
  await writeFile(path, bytes);
  return path;
}

async function refusal(path: string, onProgress?: (progress: ReadProgress) => void): Promise<AppError> {
  const error = await readWorkbook(path, onProgress === undefined ? {} : { onProgress }).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const oneSheet = (sheet: string, extra: CraftedEntry[] = []): Buffer =>
  craftZip([
    ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ...extra,
  ]);

async function codesOf(path: string): Promise<string[][]> {
  const { programs } = await readWorkbook(path);
  return programs.map((program) => promoCodes(program.codes).map((code) => code.code));
}

describe('a workbook made in the test', () => {
  it('is read, so the refusals below are about what was changed', async () => {
    expect(await codesOf(await fileOf(oneSheet(codeSheetXml(['A1', 'B2']))))).toEqual([['A1', 'B2']]);
  });
});

describe('a lying zip directory', () => {
  it('is refused when its directory claims 4 GB where there is none', async () => {
    const local = craftZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const directoryAt = local.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const lying = Buffer.concat([local.subarray(0, directoryAt), endOfDirectory(1, 0xffffffff, 0xfffffff0)]);
    expect(lying.length).toBeLessThan(200);
    expect(await refusal(await fileOf(lying))).toMatchObject({ code: 'not-a-workbook', reason: 'damaged' });
  });

  it('is refused when its directory points at something that is not a directory', async () => {
    const local = craftZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const directoryAt = local.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const lying = Buffer.concat([local.subarray(0, directoryAt), endOfDirectory(1, 0xffffffff, 0)]);
    expect(await refusal(await fileOf(lying))).toMatchObject({ reason: 'damaged' });
  });

  it('is refused before reading a directory that claims a trillion entries', async () => {
    const claim = zip64EndClaiming(1n << 40n, 0n, 0);
    expect(await refusal(await fileOf(claim))).toMatchObject({ reason: 'over-limit' });
  });

  it('is refused when it lists more parts than a workbook has', async () => {
    const many = Array.from({ length: READ_LIMITS.entries + 1 }, (_, i) => ({
      name: `x/${i}`,
      data: '',
      stored: true,
    }));
    expect(await refusal(await fileOf(craftZip(many)))).toMatchObject({ reason: 'over-limit' });
  });

  it('is refused when it holds one part twice', async () => {
    const twice = oneSheet(codeSheetXml(['A']), [
      { name: 'XL/Worksheets/Sheet1.xml', data: codeSheetXml(['B']) },
    ]);
    expect(await refusal(await fileOf(twice))).toMatchObject({ reason: 'damaged' });
  });
});

describe('a zip bomb', () => {
  it('is refused before unpacking a part that says it is larger than the limit', async () => {
    const progress: ReadProgress[] = [];
    const sheetEntries = [
      ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
      { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['A']), declaredSize: 5 * 1024 ** 3 },
    ];
    const error = await refusal(await fileOf(craftZip(sheetEntries)), (p) => progress.push(p));
    expect(error).toMatchObject({ reason: 'over-limit' });
    expect(Math.max(...progress.map((p) => p.bytesRead))).toBe(0);
  });

  it('stops unpacking a part one byte past the size it declared', async () => {
    // 16 MB of spaces deflates to about 16 KB; the directory says the part is 1,000 bytes.
    const zeros = Buffer.alloc(16 * 1024 * 1024, 0x20);
    const entries = [
      ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1_000 },
    ];
    const file = craftZip(entries);
    expect(file.length).toBeLessThan(200_000);
    const progress: ReadProgress[] = [];
    const error = await refusal(await fileOf(file), (p) => progress.push(p));
    expect(error).toMatchObject({ reason: 'damaged' });
    // yauzl's own size check or ours, whichever sees the extra byte first
    expect(error.detail).toMatch(/too many bytes|more than the 1000 bytes/);
    expect(Math.max(...progress.map((p) => p.bytesRead))).toBeLessThanOrEqual(1_000);
  });

  it('is stopped once all the parts together unpack to more than the whole file may', async () => {
    const part = sheetXml('<row/>'.repeat(2_000));
    const path = await fileOf(
      craftZip([
        { name: 'a.xml', data: part },
        { name: 'b.xml', data: part },
      ]),
    );
    const limits = { ...READ_LIMITS, totalUnpackedBytes: Math.floor(part.length * 1.5) };
    const zip = await openZipPackage(path, limits);
    try {
      for await (const chunk of await zip.text('a.xml')) expect(chunk).toBeTypeOf('string');
      await expect(zip.text('b.xml')).rejects.toMatchObject({ reason: 'over-limit' });
    } finally {
      zip.close();
    }
  });

  it('is refused when the deflated data is not deflate at all', async () => {
    const entries = workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }]);
    const garbage = Buffer.from('this is not deflated data at all, just text'.repeat(10));
    const file = craftZip([...entries, { name: 'xl/worksheets/sheet1.xml', data: garbage }]);
    // Swap the deflated bytes for ones that do not inflate, keeping every size as it was.
    const packed = deflateRawSync(garbage);
    const at = file.indexOf(packed);
    file.fill(0xff, at, at + packed.length);
    expect(await refusal(await fileOf(file))).toMatchObject({ reason: 'damaged' });
  });
});

describe('a sheet bomb', () => {
  it('is refused past 1,048,576 rows', async () => {
    const rows = '<row/>'.repeat(READ_LIMITS.rowsPerSheet + 1);
    const error = await refusal(
      await fileOf(oneSheet(sheetXml(`<row><c t="inlineStr"><is><t>Code</t></is></c></row>${rows}`))),
    );
    expect(error).toMatchObject({ reason: 'over-limit' });
    expect(error.detail).toMatch(/more than 1048576 rows/);
  });

  it('is refused at a row numbered past the last one Excel has', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row><row r="1048577"/>',
    );
    expect(await refusal(await fileOf(oneSheet(sheet)))).toMatchObject({ reason: 'over-limit' });
  });

  it('is refused at a cell past the last column Excel has', async () => {
    const sheet = sheetXml('<row r="1"><c r="XFE1" t="inlineStr"><is><t>Code</t></is></c></row>');
    expect(await refusal(await fileOf(oneSheet(sheet)))).toMatchObject({ reason: 'over-limit' });
  });

  it('is refused at a cell longer than Excel allows', async () => {
    const long = 'x'.repeat(READ_LIMITS.cellChars + 1);
    expect(await refusal(await fileOf(oneSheet(codeSheetXml([long]))))).toMatchObject({
      reason: 'over-limit',
    });
  });

  it('is refused when it names more sheets than the limit', async () => {
    const sheets = Array.from({ length: READ_LIMITS.sheets + 1 }, (_, i) => ({
      name: `S${i}`,
      target: 'worksheets/sheet1.xml',
    }));
    const file = craftZip([
      ...workbookParts(sheets),
      { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['A']) },
    ]);
    expect(await refusal(await fileOf(file))).toMatchObject({ reason: 'over-limit' });
  });

  it('is refused when two sheets are one part', async () => {
    const file = craftZip([
      ...workbookParts([
        { name: 'One', target: 'worksheets/sheet1.xml' },
        { name: 'Two', target: '/xl/worksheets/sheet1.xml' },
      ]),
      { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['A']) },
    ]);
    const error = await refusal(await fileOf(file));
    expect(error).toMatchObject({ reason: 'over-limit' });
    expect(error.detail).toMatch(/"One" and "Two" are the same part/);
  });
});

describe('XML that declares entities', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('') +
    ']>';

  it('refuses billion laughs in the workbook part', async () => {
    const workbook = `${laughs}<workbook><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const file = craftZip([
      ...workbookParts([{ name: 'Codes', target: 'worksheets/sheet1.xml' }], workbook),
      { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['A']) },
    ]);
    const error = await refusal(await fileOf(file));
    expect(error).toMatchObject({ reason: 'damaged' });
    expect(error.detail).toMatch(/DOCTYPE/);
  });

  it('refuses an external entity in a sheet and reads nothing it names', async () => {
    const secret = join(folder, 'secret.txt');
    await writeFile(secret, 'TOP-SECRET-CONTENT');
    const sheet =
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secret}">]>` +
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>Code</t></is></c></row>' +
      '<row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    const error = await refusal(await fileOf(oneSheet(sheet)));
    expect(error).toMatchObject({ reason: 'damaged' });
    expect(JSON.stringify(error.toInfo())).not.toContain('TOP-SECRET');
  });

  it('refuses an entity that was never declared', async () => {
    expect(await refusal(await fileOf(oneSheet(codeSheetXml(['&nope;']))))).toMatchObject({
      reason: 'damaged',
    });
  });
});

describe('entry names that climb out of the package', () => {
  it('leaves them out, writes nothing, and still reads the workbook around them', async () => {
    const before = await readdir(join(folder, '..'));
    const evil = codeSheetXml(['EVIL']);
    const file = craftZip([
      ...workbookParts([
        { name: 'Codes', target: 'worksheets/sheet1.xml' },
        { name: 'Escape', target: '../../../evil.xml' },
        { name: 'Absolute', target: '/../evil.xml' },
      ]),
      { name: 'xl/worksheets/sheet1.xml', data: codeSheetXml(['GOOD']) },
      { name: '../../evil.xml', data: evil },
      { name: '../evil.xml', data: evil },
      { name: '/evil.xml', data: evil },
      { name: 'C:/evil.xml', data: evil },
      { name: 'xl/../../evil.xml', data: evil },
      { name: 'xl\\..\\..\\evil.xml', data: evil },
    ]);
    expect(await codesOf(await fileOf(file))).toEqual([['GOOD']]);
    expect(await readdir(join(folder, '..'))).toEqual(before);
  });
});

describe('files that are no workbook at all', () => {
  it('says so for an empty file, a text file and a zip of something else', async () => {
    for (const bytes of [
      '',
      'Code,Status\r\nA,Available\r\n',
      craftZip([{ name: 'notes.txt', data: 'hello' }]),
    ]) {
      expect(await refusal(await fileOf(bytes))).toMatchObject({
        code: 'not-a-workbook',
        reason: 'not-a-workbook',
      });
    }
  });

  it('says a sheet that points at a shared string that is missing is damaged', async () => {
    const sheet = sheetXml(
      '<row><c t="inlineStr"><is><t>Code</t></is></c></row><row><c t="s"><v>7</v></c></row>',
    );
    expect(await refusal(await fileOf(oneSheet(sheet)))).toMatchObject({ reason: 'damaged' });
  });

  it('reads a good workbook right after all of the above', async () => {
    expect(await codesOf(await fileOf(oneSheet(codeSheetXml(['STILL', 'FINE']))))).toEqual([
      ['STILL', 'FINE'],
    ]);
  });
});
