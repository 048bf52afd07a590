import { describe, expect, it } from 'vitest';
import { BUSY, NO_BAR, createTaskbarProgress, taskbarValue } from '../../main/shell/taskbarProgress';
import { exportNotification, savedExport, shouldNotifyExport } from '../../main/shell/exportNotice';

describe('the task bar progress', () => {
  it('is the mean of what is done, busy when a size is unknown, gone when nothing runs', () => {
    expect(taskbarValue([])).toBe(NO_BAR);
    expect(taskbarValue([{ done: 25, total: 100, since: 0 }])).toBe(0.25);
    expect(
      taskbarValue([
        { done: 50, total: 100, since: 0 },
        { done: 0, total: 200, since: 0 },
      ]),
    ).toBe(0.25);
    expect(
      taskbarValue([
        { done: 50, total: 100, since: 0 },
        { done: 10, total: null, since: 0 },
      ]),
    ).toBe(BUSY);
  });

  it('follows a download from its call through its progress to its end', () => {
    const shown: number[] = [];
    const progress = createTaskbarProgress((v) => shown.push(v));
    const key = progress.callStarted('codes:fetch', { connectionId: 'c', loyaltyId: 7 });
    progress.event('codes:progress', { connectionId: 'c', loyaltyId: 7, received: 300, total: 1200 });
    progress.event('codes:progress', { connectionId: 'c', loyaltyId: 7, received: 1200, total: 1200 });
    progress.callFinished(key!);
    expect(shown).toEqual([BUSY, 0.25, 1, NO_BAR]);
  });

  it('shows a save only once it writes, not while the save dialog is open, and times it from there', () => {
    let clock = 1_000;
    const shown: number[] = [];
    const progress = createTaskbarProgress(
      (v) => shown.push(v),
      () => clock,
    );
    const key = progress.callStarted('workbook:save', {});
    expect(shown).toEqual([]);
    clock = 61_000; // a minute choosing a folder
    progress.event('workbook:progress', { rowsWritten: 0, rowsTotal: 1_000_000 });
    clock = 71_000;
    progress.event('workbook:progress', { rowsWritten: 500_000, rowsTotal: 1_000_000 });
    clock = 81_000;
    expect(progress.callFinished(key!)).toBe(20_000);
    expect(shown).toEqual([0, 0.5, NO_BAR]);
  });

  it('ignores calls that are quick and progress that comes after the end', () => {
    const shown: number[] = [];
    const progress = createTaskbarProgress((v) => shown.push(v));
    expect(progress.callStarted('codes:query', {})).toBeNull();
    const key = progress.callStarted('codes:fetch', { connectionId: 'c', loyaltyId: 1 });
    progress.callFinished(key!);
    progress.event('codes:progress', { connectionId: 'c', loyaltyId: 1, received: 5, total: 10 });
    expect(shown).toEqual([BUSY, NO_BAR]);
  });
});

describe('the "export finished" notification', () => {
  it('comes only for a long save that ends while the window is not in front', () => {
    expect(shouldNotifyExport({ writingMs: 20_000, windowFocused: false })).toBe(true);
    expect(shouldNotifyExport({ writingMs: 20_000, windowFocused: true })).toBe(false);
    expect(shouldNotifyExport({ writingMs: 2_000, windowFocused: false })).toBe(false);
    expect(shouldNotifyExport({ writingMs: null, windowFocused: false })).toBe(false);
  });

  it('names the file and the codes in the language of the export', () => {
    expect(exportNotification('en', { path: '/home/anna/Promo codes.xlsx', rows: 1_000_000 })).toEqual({
      title: 'Export finished',
      body: 'Promo codes.xlsx: 1,000,000 codes',
    });
    expect(exportNotification('ru', { path: 'C:\\Users\\anna\\коды.csv', rows: 1 }).body).toBe(
      'коды.csv: кодов — 1',
    );
  });
});

describe('which finished calls are saved exports', () => {
  const saved = { ok: true, value: { path: '/x/codes.xlsx', rows: 5, sheetNames: [] } };
  it('is a save that wrote a file, in the language the page asked for', () => {
    expect(savedExport('workbook:save', { language: 'ru' }, saved)).toEqual({
      language: 'ru',
      saved: { path: '/x/codes.xlsx', rows: 5 },
    });
    expect(savedExport('csv:save', { language: 'en' }, saved)?.language).toBe('en');
  });

  it('is not a save closed in its dialog, a failed or cancelled one, nor any other call', () => {
    expect(savedExport('workbook:save', { language: 'en' }, { ok: true, value: null })).toBeNull();
    expect(
      savedExport('workbook:save', { language: 'en' }, { ok: false, error: { code: 'cancelled' } }),
    ).toBeNull();
    expect(savedExport('codes:fetch', {}, { ok: true, value: { total: 5 } })).toBeNull();
  });
});
