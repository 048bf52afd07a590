// Codes and dates built to break spreadsheets: every kind issue 4 lists, for the workbook and CSV tests.

import type { PromoCode } from '../../app/promoCode';

export const HOSTILE_CODES: readonly string[] = [
  // numbers a spreadsheet would like to make of them
  '007',
  '0000000000123',
  '12345678901234567890',
  '1234567890123456',
  '1e5',
  '3.14',
  '1,5',
  '-12',
  '+7 999 123-45-67',
  '100%',
  '$5',
  // formulas
  '=1+2',
  '=HYPERLINK("http://example.com","click")',
  '+SUM(A1:A2)',
  '-1+1',
  '@SUM(1)',
  '=',
  // dates, times, booleans, errors
  '2024-01-01',
  '01/02/2024',
  '12:30',
  '1-Jan',
  'TRUE',
  'false',
  '#N/A',
  // Unicode
  'Промокод-2024',
  'ёЁ',
  '优惠码',
  '😀-smile',
  'e\u0301',
  'كود',
  // whitespace
  '\tTAB',
  'a\tb',
  '  spaced  ',
  ' lead',
  'trail ',
  'line\nbreak',
  '\u00a0nbsp',
  // XML special characters and escapes
  '<b>bold</b>',
  'A&B',
  '&amp;',
  '&lt;tag&gt;',
  '"quoted"',
  "it's",
  ']]>',
  '_x0041_',
  '_x005F_',
  'a_x00e9_b',
  // characters XML cannot hold directly
  'bell\u0007',
  'cr\rlf',
  'del\u007f',
];

const HOUR = 3_600_000;
const BASE = Date.UTC(2024, 3, 1, 14, 2, 5);

/** One code per hostile string, cycling through every status and every `expired` variant. */
export function hostileCodes(): PromoCode[] {
  return HOSTILE_CODES.map((code, index) => {
    const variant = index % 6;
    const at = BASE + index * HOUR;
    return {
      code,
      attached: variant === 0 ? null : at,
      activated: variant === 2 || variant === 5 ? at + 60_000 : null,
      expireDate: index % 2 === 0 ? Date.UTC(2025, 11, 31, 20, 59, 59) : null,
      // a date, true (at an unknown time), absent: every shape a code keeps (Altcraft's false is absent)
      expired: variant === 3 ? at + 2 * HOUR : variant === 4 ? true : null,
    };
  });
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** `yyyy-mm-dd hh:mm:ss` of an instant in a zone, worked out by Intl alone (not the code under test). */
export function wallText(epochMs: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    // Swedish writes dates as ISO does: 2024-04-01 17:02:05
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
    formats.set(timeZone, format);
  }
  return format.format(epochMs).replace('T', ' ');
}
