// The simulated Altcraft account: its two tokens and its loyalty programs, deterministic so tests can
// count on them: a small "Welcome" program that shows every status and every way Altcraft writes
// `expired` along with codes built to break spreadsheets, a 50,000-code "Seasonal" one, and a
// 1,000,000-code "Mass mailing" one produced by a generator (never held in memory). IDs from
// SIZED_PROGRAM_BASE up give a program of any size.

/** One code as it goes over the wire: Altcraft's field names, fields absent when unset. */
export type SimCode = { code: string } & Record<string, unknown>;

export interface SimProgram {
  id: number;
  name: string;
  size: number;
  /** A fresh iterator each call; large programs generate codes on the fly. */
  codes: () => Iterable<SimCode>;
}

/** The simulated account's API token: sees every program. */
export const DEMO_TOKEN = 'demo-token';
/** A token without rights: refused with 403 for every program. */
export const LIMITED_TOKEN = 'limited-token';

export const WELCOME_ID = 1;
export const SEASONAL_ID = 2;
export const MASS_MAILING_ID = 3;
/** Program `SIZED_PROGRAM_BASE + n` (n < SIZED_PROGRAM_BASE) has n generated codes; n = 0 is an empty program. */
export const SIZED_PROGRAM_BASE = 1_000_000;

const HOUR = 3_600_000;
const BASE = Date.UTC(2024, 3, 1, 9, 0, 0);
const FUTURE = '2030-12-31T23:59:59Z';

/** RFC 3339 without milliseconds, as Altcraft writes it. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Codes that spreadsheets, CSV and trimming love to mangle: they must come out byte for byte. */
export const HOSTILE_CODES: readonly string[] = [
  '007',
  '000123456',
  '=SUM(A1:A2)',
  '=HYPERLINK("https://example.com","click")',
  '+79991234567',
  '-42',
  '@user',
  '12345678901234567890',
  '2024-04-01',
  '01/02/2024',
  '1e5',
  '3.14',
  'TRUE',
  'NULL',
  '#N/A',
  "'apostrophe",
  '0x1F',
  'Привет-2024',
  'СКИДКА10',
  '🎁GIFT-🎉',
  'Ä-Ö-ü-ß',
  '١٢٣٤',
  'e\u0301',
  'ZERO\u200BWIDTH',
  '  SPACED  ',
  '\tTAB-LEAD',
  'TAB\tINSIDE',
  'LINE\nBREAK',
  '<b>&"quotes\'</b>',
  'a&amp;b',
];

/** The ten shapes the Welcome program cycles through; `i` varies the dates. */
const WELCOME_SHAPES: ReadonlyArray<(i: number) => Omit<SimCode, 'code'>> = [
  () => ({}), // available
  (i) => ({ attached: rfc3339(BASE + i * HOUR) }), // attached
  (i) => ({ attached: rfc3339(BASE + i * HOUR), activated: rfc3339(BASE + i * HOUR + 90_000) }), // activated
  (i) => ({ expire_date: rfc3339(BASE + i * HOUR), expired: rfc3339(BASE + i * HOUR) }), // expired (date)
  (i) => ({ attached: rfc3339(BASE + i * HOUR), expired: '' }), // attached, expired ""
  () => ({ expired: true }), // expired (flag)
  () => ({ expired: false }), // available, expired false
  (i) => ({
    attached: rfc3339(BASE + i * HOUR),
    activated: rfc3339(BASE + i * HOUR + 60_000),
    expired: rfc3339(BASE + i * HOUR + 2 * HOUR),
  }), // activated wins over expired
  (i) => ({ attached: rfc3339(BASE + i * HOUR), expire_date: FUTURE }), // attached, expires later
  (i) => ({
    expire_date: '',
    created: rfc3339(BASE - i * HOUR),
    profile_id: `p-${i}`,
    meta: { channel: 'email' },
  }), // unknown fields
];

/** About 100 codes: every status, every `expired` variant (date, "", true, false, absent), hostile codes. */
export function welcomeCodes(): SimCode[] {
  const codes: SimCode[] = [];
  for (let i = 0; i < 100; i++) {
    const shape = WELCOME_SHAPES[i % WELCOME_SHAPES.length] ?? (() => ({}));
    const code = HOSTILE_CODES[i] ?? `WELCOME-${String(i + 1).padStart(3, '0')}`;
    codes.push({ code, ...shape(i) });
  }
  return codes;
}

function* seasonalCodes(): Generator<SimCode> {
  for (let i = 0; i < 50_000; i++) {
    const code = `SUMMER24-${String(i + 1).padStart(5, '0')}`;
    const slot = i % 20;
    const when = rfc3339(BASE + (i % 2000) * HOUR);
    if (slot < 10) yield { code };
    else if (slot < 15) yield { code, attached: when };
    else if (slot < 18) yield { code, attached: when, activated: when };
    else if (slot === 18) yield { code, expire_date: when, expired: when };
    else yield { code, expired: true };
  }
}

/** Small records, like a real mass mailing: mostly unused codes, some attached, a few used. */
function* generatedCodes(prefix: string, count: number): Generator<SimCode> {
  for (let i = 0; i < count; i++) {
    const code = `${prefix}${String(i + 1).padStart(7, '0')}`;
    const slot = i % 10;
    const minute = i % 5000;
    if (slot < 6) yield { code };
    else if (slot < 8) yield { code, attached: minuteStamp(minute) };
    else if (slot === 8) yield { code, attached: minuteStamp(minute), activated: minuteStamp(minute + 60) };
    else yield { code, expired: minuteStamp(minute) };
  }
}

// Formatting a date per code made the million-code program take seconds; the stamps repeat, so keep them.
const minuteStamps: string[] = [];
function minuteStamp(minute: number): string {
  return (minuteStamps[minute] ??= rfc3339(BASE + minute * 60_000));
}

export const BUILT_IN_PROGRAMS: readonly SimProgram[] = [
  { id: WELCOME_ID, name: 'Welcome', size: 100, codes: welcomeCodes },
  { id: SEASONAL_ID, name: 'Seasonal', size: 50_000, codes: seasonalCodes },
  {
    id: MASS_MAILING_ID,
    name: 'Mass mailing',
    size: 1_000_000,
    codes: () => generatedCodes('MASSMAIL-', 1_000_000),
  },
];

export function builtInProgram(id: number): SimProgram | undefined {
  const known = BUILT_IN_PROGRAMS.find((program) => program.id === id);
  if (known !== undefined) return known;
  const size = id - SIZED_PROGRAM_BASE;
  if (size < 0 || size >= SIZED_PROGRAM_BASE) return undefined;
  return { id, name: `Sized ${size}`, size, codes: () => generatedCodes(`S${size}-`, size) };
}

/** The codes of a program as a list, as the tests expect them back (meant for the small ones). */
export function sampleProgram(id: number): SimCode[] {
  const program = builtInProgram(id);
  if (program === undefined) throw new Error(`The simulator has no program ${id}`);
  return [...program.codes()];
}
