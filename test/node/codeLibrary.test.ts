import { describe, expect, it } from 'vitest';
import type { PromoCode } from '../../app/promoCode';
import { createCodeLibrary } from '../../main/services/codes/codeLibrary';

const code = (value: string, fields: Partial<PromoCode> = {}): PromoCode => ({
  code: value,
  attached: null,
  activated: null,
  expireDate: null,
  expired: null,
  ...fields,
});

const codes = [
  code('WELCOME-1'),
  code('welcome-2', { attached: 1 }),
  code('SPRING-3', { attached: 1, activated: 2 }),
  code('SPRING-4', { expired: 3 }),
  code('SPRING-5', { expired: null, attached: 1 }),
  code('SPRING-6', { expired: true }),
];

describe('codeLibrary', () => {
  it('counts the codes per status once, when they are stored', () => {
    const library = createCodeLibrary();
    const entry = library.store('c', 1, codes, 0);
    expect(entry.counts).toEqual({ available: 1, attached: 2, activated: 1, expired: 2 });
  });

  it('answers a window of the codes that match a status, with the matching count', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, 0);
    const page = library.query('c', 1, { filter: { status: 'expired', search: '' }, sort: null }, 0, 1)!;
    expect(page.matching).toBe(2);
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => [r.code, r.status])).toEqual([['SPRING-4', 'expired']]);
    const next = library.query('c', 1, { filter: { status: 'expired', search: '' }, sort: null }, 1, 10)!;
    expect(next.rows.map((r) => r.code)).toEqual(['SPRING-6']);
  });

  it('searches codes by substring, ignoring case', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, 0);
    expect(
      library
        .matching('c', 1, { filter: { status: null, search: 'WeLcOmE' }, sort: null })
        .map((c) => c.code),
    ).toEqual(['WELCOME-1', 'welcome-2']);
  });

  it('finds a search term in every code that holds it, once each, whatever the neighbours hold', () => {
    const library = createCodeLibrary();
    const tricky = [code('aXa'), code('a'), code('Xa\nX'), code(''), code('İx'), code('x')];
    library.store('c', 1, tricky, 0);
    const found = (search: string) =>
      library.matching('c', 1, { filter: { status: null, search }, sort: null }).map((c) => c.code);
    expect(found('x')).toEqual(['aXa', 'Xa\nX', 'İx', 'x']);
    expect(found('aX')).toEqual(['aXa']);
    expect(found('a\nx')).toEqual(['Xa\nX']);
    expect(found('nothing')).toEqual([]);
  });

  it('sorts by a column either way, keeping Altcraft order among equals and undated codes last', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, 0);
    const sorted = (column: 'code' | 'attached' | 'status', direction: 'asc' | 'desc') =>
      library
        .matching('c', 1, { filter: { status: null, search: '' }, sort: { column, direction } })
        .map((c) => c.code);
    expect(sorted('code', 'asc')).toEqual([
      'SPRING-3',
      'SPRING-4',
      'SPRING-5',
      'SPRING-6',
      'WELCOME-1',
      'welcome-2',
    ]);
    expect(sorted('code', 'desc')).toEqual([
      'welcome-2',
      'WELCOME-1',
      'SPRING-6',
      'SPRING-5',
      'SPRING-4',
      'SPRING-3',
    ]);
    expect(sorted('attached', 'asc')).toEqual([
      'welcome-2',
      'SPRING-3',
      'SPRING-5',
      'WELCOME-1',
      'SPRING-4',
      'SPRING-6',
    ]);
    expect(sorted('status', 'asc')).toEqual([
      'WELCOME-1',
      'welcome-2',
      'SPRING-5',
      'SPRING-3',
      'SPRING-4',
      'SPRING-6',
    ]);
  });

  it('applies status and search together in the sorted order', () => {
    const library = createCodeLibrary();
    library.store('c', 1, codes, 0);
    const page = library.query(
      'c',
      1,
      { filter: { status: 'expired', search: 'spring' }, sort: { column: 'code', direction: 'desc' } },
      0,
      10,
    )!;
    expect(page.rows.map((r) => r.code)).toEqual(['SPRING-6', 'SPRING-4']);
    expect(page.matching).toBe(2);
  });

  it('keeps programs of different connections apart', () => {
    const library = createCodeLibrary();
    library.store('a', 1, codes, 0);
    expect(library.query('b', 1, { filter: { status: null, search: '' }, sort: null }, 0, 10)).toBeNull();
    expect(library.has('a', 1)).toBe(true);
  });
});
