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

describe('codeLibrary at scale: the index built while idle, orders made once', () => {
  const many = Array.from({ length: 100_000 }, (_, i) =>
    code(i % 1_000 === 7 ? `İSTANBUL-${i}` : `CODE-${String(i % 50_000).padStart(6, '0')}`, {
      attached: i % 3 === 0 ? 1_000 + (i % 10) : null,
    }),
  );
  const ALL_CODES = { status: null, search: '' } as const;
  const wait = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('finds codes with the index built a slice at a time between queries, as with one built at once', async () => {
    const idle = createCodeLibrary();
    idle.store('c', 1, many, 0);
    idle.query('c', 1, { filter: ALL_CODES, sort: null }, 0, 10); // the first rows: the build starts
    for (let i = 0; i < 20; i++) await wait();
    // Searched after one slice: the search finishes what the slices began.
    const partly = createCodeLibrary();
    partly.store('c', 1, many, 0);
    partly.query('c', 1, { filter: ALL_CODES, sort: null }, 0, 10);
    await new Promise((resolve) => setImmediate(resolve));
    const firstSearch = { filter: { status: null, search: 'i̇stanbul' }, sort: null };
    expect(partly.matching('c', 1, firstSearch)).toHaveLength(100);
    const eager = createCodeLibrary();
    eager.store('c', 1, many, 0);
    for (const search of ['i̇stanbul-99', '000123', 'code-04999', 'istanbul']) {
      const view = { filter: { status: null, search }, sort: null };
      const expected = many.filter((c) => c.code.toLowerCase().includes(search)).map((c) => c.code);
      expect(idle.matching('c', 1, view).map((c) => c.code)).toEqual(expected);
      expect(eager.matching('c', 1, view).map((c) => c.code)).toEqual(expected);
      expect(partly.matching('c', 1, view).map((c) => c.code)).toEqual(expected);
    }
  });

  it('sorts descending with ties in Altcraft order, whether or not the ascending order came first', () => {
    for (const column of ['code', 'attached', 'status'] as const) {
      const first = createCodeLibrary();
      first.store('c', 1, many, 0);
      first.matching('c', 1, { filter: ALL_CODES, sort: { column, direction: 'asc' } });
      const fresh = createCodeLibrary();
      fresh.store('c', 1, many, 0);
      const view = { filter: ALL_CODES, sort: { column, direction: 'desc' } } as const;
      const fromAscending = first.matching('c', 1, view).map((c) => c.code);
      expect(fromAscending).toEqual(fresh.matching('c', 1, view).map((c) => c.code));
      expect(fromAscending).toHaveLength(many.length);
    }
    const library = createCodeLibrary();
    library.store('c', 1, many, 0);
    const codes = library.matching('c', 1, {
      filter: ALL_CODES,
      sort: { column: 'code', direction: 'desc' },
    });
    // CODE-000000 appears twice (positions 0 and 50,000): Altcraft's order between them is kept.
    const twins = codes.filter((c) => c.code === 'CODE-000000');
    expect(twins).toHaveLength(2);
    expect(codes.at(-1)?.code).toBe('CODE-000000');
  });
});
