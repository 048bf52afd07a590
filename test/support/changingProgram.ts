// A small loyalty program whose codes change between two fetches, for the tests of comparing exports
// and of "since the last fetch". The changes, worked out by hand:
//   C10 (expired) is gone; N01 and N02 (available) are new;
//   C01 and C02 went available → attached; C07 went attached → activated.
import { rfc3339, type SimCode } from '../altcraft-sim/programs';

export const CHANGING_ID = 700;

const at = (day: number) => rfc3339(Date.UTC(2026, 10, day, 9, 0, 0));

export const CODES_BEFORE: SimCode[] = [
  ...['C01', 'C02', 'C03', 'C04', 'C05', 'C06'].map((code) => ({ code })),
  { code: 'C07', attached: at(2) },
  { code: 'C08', attached: at(3) },
  { code: 'C09', attached: at(3), activated: at(4) },
  { code: 'C10', expired: at(5) },
];

export const CODES_AFTER: SimCode[] = [
  { code: 'C01', attached: at(20) },
  { code: 'C02', attached: at(21) },
  ...['C03', 'C04', 'C05', 'C06'].map((code) => ({ code })),
  { code: 'C07', attached: at(2), activated: at(22) },
  { code: 'C08', attached: at(3) },
  { code: 'C09', attached: at(3), activated: at(4) },
  { code: 'N01' },
  { code: 'N02' },
];

/** Every changed code, each once. */
export const CHANGED_CODES = ['C01', 'C02', 'C07', 'C10', 'N01', 'N02'];
