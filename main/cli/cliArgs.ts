// Turns the arguments into one command to run, or a UsageError that says in one line what is wrong.
// Only node:util's parseArgs: strict, so a mistyped option is refused instead of silently ignored.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { CsvDelimiter } from '../../app/csvDelimiter';
import { CODE_STATUSES } from '../../app/promoCode';
import type { CodeStatus } from '../../app/promoCode';
import { UsageError } from './exitCodes';
import { parseDiff, parseSummary, type ReviewCommand } from './reviewArgs';
import type { HelpTopic } from './usage';

export type ExportSource = { kind: 'connection'; name: string } | { kind: 'base-url'; baseUrl: string };

export interface ExportOptions {
  source: ExportSource;
  loyaltyIds: number[];
  out: string;
  /** Sheet names given with --name, by loyalty ID. */
  names: Map<number, string>;
  /** null: every status. */
  statuses: CodeStatus[] | null;
  csv: boolean;
  /** Between CSV fields. */
  delimiter: CsvDelimiter;
  json: boolean;
}

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' }
  | { kind: 'export'; options: ExportOptions }
  | { kind: 'connections-add'; name: string; baseUrl: string }
  | { kind: 'connections-list'; json: boolean }
  | { kind: 'connections-remove'; name: string }
  | ReviewCommand;

export const TOKEN_REFUSED =
  '--token is not accepted: other users of this computer can read the arguments of running programs. ' +
  'Put the token in the ALTCRAFT_TOKEN environment variable, or save it once with ' +
  '"promo-exporter connections add <name> --base-url <host>" (it goes to the system keychain) and use --connection <name>.';

const SEE_HELP = {
  main: 'see "promo-exporter --help"',
  export: 'see "promo-exporter export --help"',
  connections: 'see "promo-exporter connections --help"',
  summary: 'see "promo-exporter summary --help"',
  diff: 'see "promo-exporter diff --help"',
} as const satisfies Record<HelpTopic, string>;

export const HELP = { help: { type: 'boolean', short: 'h' } } as const;
const HELP_TOPICS = ['export', 'connections', 'summary', 'diff'] as const satisfies readonly HelpTopic[];

export function parseCommand(argv: readonly string[]): Command {
  refuseTokenArgument(argv);
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(`No command given (${SEE_HELP.main}).`);
  if (command === '--help' || command === '-h') return { kind: 'help', topic: 'main' };
  if (command === '--version') return { kind: 'version' };
  if (command === 'help') return { kind: 'help', topic: helpTopic(rest) };
  if (command === 'export') return parseExport(rest);
  if (command === 'connections') return parseConnections(rest);
  if (command === 'summary') return parseSummary(rest);
  if (command === 'diff') return parseDiff(rest);
  throw new UsageError(`Unknown command "${command}" (${SEE_HELP.main}).`);
}

/** Before any parsing, so the message is the explanation, not "unknown option". */
function refuseTokenArgument(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (arg === '--token' || arg.startsWith('--token=')) throw new UsageError(TOKEN_REFUSED);
  }
}

function helpTopic(rest: readonly string[]): HelpTopic {
  const [topic, ...more] = rest;
  if (topic === undefined || topic === '--help' || topic === '-h') return 'main';
  if (more.length === 0 && (HELP_TOPICS as readonly string[]).includes(topic)) return topic as HelpTopic;
  throw new UsageError(`There is no help on "${rest.join(' ')}" (${SEE_HELP.main}).`);
}

function parseExport(args: readonly string[]): Command {
  const { values } = parse(args, 'export', {
    ...HELP,
    connection: { type: 'string' },
    'base-url': { type: 'string' },
    'loyalty-id': { type: 'string', multiple: true },
    out: { type: 'string' },
    name: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    csv: { type: 'boolean' },
    delimiter: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return { kind: 'help', topic: 'export' };

  const connection = values.connection?.trim();
  const baseUrl = values['base-url']?.trim();
  if (connection !== undefined && baseUrl !== undefined) {
    throw usage('Give either --connection or --base-url, not both', 'export');
  }
  if (connection === undefined && baseUrl === undefined) {
    throw usage('Say where to export from: --connection <name> or --base-url <host>', 'export');
  }
  if (connection === '') throw usage('--connection needs a connection name', 'export');
  if (baseUrl === '') throw usage('--base-url needs the Altcraft address', 'export');
  const source: ExportSource =
    connection !== undefined
      ? { kind: 'connection', name: connection }
      : { kind: 'base-url', baseUrl: baseUrl as string };

  const loyaltyIds = (values['loyalty-id'] ?? []).map(loyaltyId);
  if (loyaltyIds.length === 0) throw usage('Give at least one --loyalty-id <id>', 'export');
  const repeated = loyaltyIds.find((id, index) => loyaltyIds.indexOf(id) !== index);
  if (repeated !== undefined) throw usage(`--loyalty-id ${repeated} is given twice`, 'export');

  const out = values.out;
  if (out === undefined || out.trim() === '')
    throw usage('Give the file to write with --out <file>', 'export');

  const csv = values.csv === true;
  if (csv && loyaltyIds.length > 1) {
    throw usage('--csv writes one loyalty program per file: give one --loyalty-id', 'export');
  }
  if (values.delimiter !== undefined && !csv)
    throw usage('--delimiter is for CSV files: add --csv', 'export');
  return {
    kind: 'export',
    options: {
      source,
      loyaltyIds,
      out,
      names: sheetNames(values.name ?? [], loyaltyIds),
      statuses: statuses(values.status ?? []),
      csv,
      delimiter: delimiter(values.delimiter ?? ','),
      json: values.json === true,
    },
  };
}

function parseConnections(args: readonly string[]): Command {
  const [action, ...rest] = args;
  if (action === undefined) throw usage('Say what to do: connections add, list or remove', 'connections');
  if (action === '--help' || action === '-h') return { kind: 'help', topic: 'connections' };

  if (action === 'add') {
    const { values, positionals } = parse(
      rest,
      'connections',
      { ...HELP, 'base-url': { type: 'string' } },
      1,
    );
    if (values.help === true) return { kind: 'help', topic: 'connections' };
    const name = connectionName(positionals, 'add');
    const baseUrl = values['base-url']?.trim();
    if (baseUrl === undefined || baseUrl === '') {
      throw usage('Give the Altcraft address with --base-url <host>', 'connections');
    }
    return { kind: 'connections-add', name, baseUrl };
  }
  if (action === 'list') {
    const { values } = parse(rest, 'connections', { ...HELP, json: { type: 'boolean' } });
    if (values.help === true) return { kind: 'help', topic: 'connections' };
    return { kind: 'connections-list', json: values.json === true };
  }
  if (action === 'remove') {
    const { values, positionals } = parse(rest, 'connections', HELP, 1);
    if (values.help === true) return { kind: 'help', topic: 'connections' };
    return { kind: 'connections-remove', name: connectionName(positionals, 'remove') };
  }
  throw usage(`Unknown action "connections ${action}"`, 'connections');
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, strict, with its multi-line messages folded into one line. */
export function parse<O extends Options>(
  args: readonly string[],
  topic: HelpTopic,
  options: O,
  positionals = 0,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals > 0 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usage(message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, ''), topic);
  }
  if (parsed.positionals.length > positionals) {
    throw usage(`Unexpected argument "${parsed.positionals[positionals] ?? ''}"`, topic);
  }
  return parsed;
}

function loyaltyId(text: string): number {
  const trimmed = text.trim();
  const id = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(id) || id <= 0) {
    throw usage(`--loyalty-id must be a whole number greater than 0, not "${text}"`, 'export');
  }
  return id;
}

function sheetNames(given: readonly string[], loyaltyIds: readonly number[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const entry of given) {
    const equals = entry.indexOf('=');
    const id = equals < 0 ? Number.NaN : Number(entry.slice(0, equals).trim());
    const name = equals < 0 ? '' : entry.slice(equals + 1).trim();
    if (!Number.isSafeInteger(id) || name === '') {
      throw usage(`--name takes <id>=<text>, such as --name 1234=Welcome, not "${entry}"`, 'export');
    }
    if (!loyaltyIds.includes(id))
      throw usage(`--name ${id}=... names a program without --loyalty-id ${id}`, 'export');
    if (names.has(id)) throw usage(`--name is given twice for program ${id}`, 'export');
    names.set(id, name);
  }
  return names;
}

function statuses(given: readonly string[]): CodeStatus[] | null {
  if (given.length === 0) return null;
  const chosen = new Set<CodeStatus>();
  for (const word of given.flatMap((list) => list.split(','))) {
    const status = word.trim().toLowerCase();
    if (!isStatus(status)) {
      throw usage(`--status takes ${CODE_STATUSES.join(', ')}, not "${word.trim()}"`, 'export');
    }
    chosen.add(status);
  }
  // In the workbook's own order, whatever order they were typed in.
  return CODE_STATUSES.filter((status) => chosen.has(status));
}

/** `,`, `;` or `tab` (a tab character itself is taken too, as `$'\t'` in a shell gives it). */
function delimiter(given: string): CsvDelimiter {
  const word = given.trim().toLowerCase();
  if (word === ',' || word === ';') return word;
  if (word === 'tab' || given === '\t') return '\t';
  throw usage(`--delimiter takes ',', ';' or tab, not "${given}"`, 'export');
}

function isStatus(word: string): word is CodeStatus {
  return (CODE_STATUSES as readonly string[]).includes(word);
}

function connectionName(positionals: readonly string[], action: 'add' | 'remove'): string {
  const name = positionals[0]?.trim() ?? '';
  if (name === '') throw usage(`Give the connection's name: connections ${action} <name>`, 'connections');
  return name;
}

export function usage(message: string, topic: HelpTopic): UsageError {
  return new UsageError(`${message} (${SEE_HELP[topic]}).`);
}
