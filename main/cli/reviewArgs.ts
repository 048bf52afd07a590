// The arguments of the review commands: `summary FILE.xlsx [--json]` and
// `diff OLD.xlsx NEW.xlsx [--json] [--out FILE.xlsx|FILE.csv]`.
import { extname } from 'node:path';
import { HELP, parse, usage } from './cliArgs';

export interface SummaryOptions {
  file: string;
  json: boolean;
}

export interface DiffOptions {
  older: string;
  newer: string;
  json: boolean;
  /** Where to write the changed codes, and as what; null: nowhere. */
  out: { path: string; format: 'xlsx' | 'csv' } | null;
}

export type ReviewCommand =
  | { kind: 'help'; topic: 'summary' | 'diff' }
  | { kind: 'summary'; options: SummaryOptions }
  | { kind: 'diff'; options: DiffOptions };

export function parseSummary(args: readonly string[]): ReviewCommand {
  const { values, positionals } = parse(args, 'summary', { ...HELP, json: { type: 'boolean' } }, 1);
  if (values.help === true) return { kind: 'help', topic: 'summary' };
  const [file] = positionals;
  if (file === undefined || file.trim() === '')
    throw usage('Give the workbook to sum up: summary <file.xlsx>', 'summary');
  return { kind: 'summary', options: { file, json: values.json === true } };
}

export function parseDiff(args: readonly string[]): ReviewCommand {
  const { values, positionals } = parse(
    args,
    'diff',
    { ...HELP, json: { type: 'boolean' }, out: { type: 'string' } },
    2,
  );
  if (values.help === true) return { kind: 'help', topic: 'diff' };
  const [older, newer] = positionals;
  if (older === undefined || newer === undefined || older.trim() === '' || newer.trim() === '') {
    throw usage('Give the two workbooks to compare, the older first: diff <old.xlsx> <new.xlsx>', 'diff');
  }
  let out: DiffOptions['out'] = null;
  if (values.out !== undefined) {
    const extension = extname(values.out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.csv') {
      throw usage(`--out writes a .xlsx or a .csv file, not "${values.out}"`, 'diff');
    }
    out = { path: values.out, format: extension === '.csv' ? 'csv' : 'xlsx' };
  }
  return { kind: 'diff', options: { older, newer, json: values.json === true, out } };
}
