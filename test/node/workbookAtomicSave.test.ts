import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../app/appError';
import type { PromoCode } from '../../app/promoCode';
import { writeWorkbook, type WorkbookRequest } from '../../main/services/workbook';
import { readBack } from '../support/readBack';
import { fileErrorCode } from '../../main/services/workbook/fileWriteError';
import {
  cannotChattr,
  cannotMount,
  mountTmpfs,
  remountReadOnly,
  setImmutable,
  unmount,
} from '../readers/diskFaults';

const OLD_CONTENT = 'the workbook that was here before';

/** Random codes compress badly, so a few thousand make a workbook far bigger than 64 KB. */
function randomCodes(count: number): PromoCode[] {
  return Array.from({ length: count }, (_, index) => ({
    code: randomBytes(12).toString('base64url'),
    attached: index % 2 === 0 ? Date.UTC(2024, 0, 1) + index * 1000 : null,
    activated: null,
    expireDate: null,
    expired: null,
  }));
}

function request(target: string, codes: PromoCode[], extra: Partial<WorkbookRequest> = {}): WorkbookRequest {
  return {
    target,
    host: 'ru.altkraft.com',
    programs: [{ loyaltyId: 1, name: 'Program', codes }],
    filter: null,
    exportedAt: new Date(),
    timeZone: 'UTC',
    appVersion: '1',
    language: 'en',
    ...extra,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function expectUntouched(folder: string, target: string): Promise<void> {
  expect(await readFile(target, 'utf8')).toBe(OLD_CONTENT);
  expect(await readdir(folder)).toEqual([target.slice(folder.length + 1)]);
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbook-atomic-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folderWithTarget(name: string): Promise<{ folder: string; target: string }> {
  const folder = join(root, name);
  await mkdir(folder);
  const target = join(folder, 'codes.xlsx');
  await writeFile(target, OLD_CONTENT);
  return { folder, target };
}

describe('saving a workbook atomically', () => {
  it('replaces the old file with the new workbook and leaves no temporary file', async () => {
    const { folder, target } = await folderWithTarget('replace');
    await writeWorkbook(request(target, randomCodes(100)));
    expect(await readdir(folder)).toEqual(['codes.xlsx']);
    expect((await readBack(target)).programs[0]?.codes).toHaveLength(100);
  });

  it('leaves the target untouched when cancelled before it starts', async () => {
    const { folder, target } = await folderWithTarget('cancel-before');
    const error = await failureOf(
      writeWorkbook(request(target, randomCodes(10), { signal: AbortSignal.abort() })),
    );
    expect(error.code).toBe('cancelled');
    await expectUntouched(folder, target);
  });

  it('leaves the target untouched and no temporary file when cancelled halfway', async () => {
    const { folder, target } = await folderWithTarget('cancel-halfway');
    const controller = new AbortController();
    let seen = 0;
    const error = await failureOf(
      writeWorkbook(
        request(target, randomCodes(100_000), {
          signal: controller.signal,
          onProgress: ({ rowsWritten }) => {
            seen = rowsWritten;
            if (rowsWritten >= 40_000) controller.abort();
          },
        }),
      ),
    );
    expect(error.code).toBe('cancelled');
    expect(seen).toBeGreaterThanOrEqual(40_000);
    expect(seen).toBeLessThan(100_000);
    await expectUntouched(folder, target);
  });

  it('says the path is too long, and leaves no temporary file', async () => {
    const folder = join(root, 'long');
    await mkdir(folder);
    const error = await failureOf(
      writeWorkbook(request(join(folder, `${'n'.repeat(300)}.xlsx`), randomCodes(10))),
    );
    expect(error.code).toBe('path-too-long');
    expect(error.message).toMatch(/shorter/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('says the folder is gone when it no longer exists', async () => {
    const error = await failureOf(
      writeWorkbook(request(join(root, 'missing', 'codes.xlsx'), randomCodes(10))),
    );
    expect(error.code).toBe('file-write-failed');
    expect(error.message).toMatch(/folder could not be found/);
  });

  describe.skipIf(cannotMount !== null)('on a small or read-only file system', () => {
    if (cannotMount !== null) console.warn(`Skipping the full and read-only disk tests: ${cannotMount}.`);

    it('says the disk is full, and leaves the target untouched and no temporary file', async () => {
      const folder = join(root, 'full');
      await mkdir(folder);
      mountTmpfs(folder, 'size=64k');
      try {
        const target = join(folder, 'codes.xlsx');
        await writeFile(target, OLD_CONTENT);
        const error = await failureOf(writeWorkbook(request(target, randomCodes(20_000))));
        expect(error.code).toBe('disk-full');
        expect(error.message).toMatch(/disk is full/);
        await expectUntouched(folder, target);
      } finally {
        unmount(folder);
      }
    });

    it('says the folder is read-only, and leaves the target untouched', async () => {
      const folder = join(root, 'read-only');
      await mkdir(folder);
      mountTmpfs(folder, 'size=1m');
      try {
        const target = join(folder, 'codes.xlsx');
        await writeFile(target, OLD_CONTENT);
        remountReadOnly(folder);
        const error = await failureOf(writeWorkbook(request(target, randomCodes(100))));
        expect(error.code).toBe('read-only');
        await expectUntouched(folder, target);
      } finally {
        unmount(folder);
      }
    });
  });

  describe.skipIf(cannotChattr !== null)('where the system refuses changes', () => {
    if (cannotChattr !== null) console.warn(`Skipping the immutable-file tests: ${cannotChattr}.`);

    it('says permission is denied in a folder that refuses new files, and leaves the target untouched', async () => {
      const { folder, target } = await folderWithTarget('immutable-folder');
      setImmutable(folder, true);
      try {
        const error = await failureOf(writeWorkbook(request(target, randomCodes(100))));
        expect(error.code).toBe('permission-denied');
        expect(error.message).toMatch(/another folder/);
      } finally {
        setImmutable(folder, false);
      }
      await expectUntouched(folder, target);
    });

    it('keeps a file that cannot be replaced as it was, and removes the temporary file', async () => {
      // An immutable file stands in for one Excel holds open on Windows: the final rename fails.
      const { folder, target } = await folderWithTarget('immutable-file');
      setImmutable(target, true);
      try {
        const error = await failureOf(writeWorkbook(request(target, randomCodes(100))));
        expect(error.code).toBe('permission-denied');
        expect(error.detail).toMatch(/^replace /);
      } finally {
        setImmutable(target, false);
      }
      await expectUntouched(folder, target);
    });
  });
});

describe('file error codes', () => {
  const cases: [string, Parameters<typeof fileErrorCode>[1], ErrorCode][] = [
    ['EACCES', { target: 't', stage: 'create' }, 'permission-denied'],
    ['EPERM', { target: 't', stage: 'create' }, 'permission-denied'],
    ['ENOSPC', { target: 't', stage: 'write' }, 'disk-full'],
    ['EDQUOT', { target: 't', stage: 'flush' }, 'disk-full'],
    ['EROFS', { target: 't', stage: 'create' }, 'read-only'],
    ['ENAMETOOLONG', { target: 't', stage: 'create' }, 'path-too-long'],
    ['EBUSY', { target: 't', stage: 'create' }, 'file-locked'],
    ['EBUSY', { target: 't', stage: 'replace', targetExists: true }, 'file-locked'],
    ['EPERM', { target: 't', stage: 'replace', targetExists: true, platform: 'win32' }, 'file-locked'],
    ['EACCES', { target: 't', stage: 'replace', targetExists: true, platform: 'win32' }, 'file-locked'],
    ['EPERM', { target: 't', stage: 'replace', targetExists: false, platform: 'win32' }, 'permission-denied'],
    ['EPERM', { target: 't', stage: 'replace', targetExists: true, platform: 'linux' }, 'permission-denied'],
    ['EIO', { target: 't', stage: 'write' }, 'file-write-failed'],
  ];
  it.each(cases)('maps %s (%o) to %s', (errno, context, code) => {
    expect(fileErrorCode(errno, context)).toBe(code);
  });
});
