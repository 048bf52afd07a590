// `connections add | list | remove`: the app's saved connections from the command line. Tokens go
// straight from standard input or a hidden prompt to the keychain and are never printed.
import { UsageError } from './exitCodes';
import { readToken } from './readToken';
import { openSavedConnections } from './savedConnections';
import type { Terminal } from './terminal';

/** Saves a connection; the token read goes into `secrets`, so no line printed can ever hold it. */
export async function addConnection(
  terminal: Terminal,
  name: string,
  baseUrl: string,
  secrets: string[],
): Promise<void> {
  const saved = await openSavedConnections(terminal);
  if (saved.has(name)) {
    throw new UsageError(
      `A connection named "${name}" already exists. Remove it first ("promo-exporter connections remove ${name}"), or choose another name.`,
    );
  }
  const token = await readToken(terminal, name);
  secrets.push(token);
  const added = await saved.connections.add({ name, host: baseUrl, token });
  terminal.stdout.write(
    `Saved connection "${added.name}" (${added.host}); its token is in the system keychain.\n`,
  );
}

export async function listConnections(terminal: Terminal, json: boolean): Promise<void> {
  const saved = await openSavedConnections(terminal);
  const views = await saved.connections.list();
  if (json) {
    const list = views.map(({ name, host, hasToken, programs }) => ({
      name,
      host,
      hasToken,
      programs: programs.map(({ loyaltyId, name: programName }) => ({ loyaltyId, name: programName })),
    }));
    terminal.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  if (views.length === 0) {
    terminal.stdout.write(
      'No saved connections. Add one with "promo-exporter connections add <name> --base-url <host>".\n',
    );
    return;
  }
  const rows = views.map((view) => [
    view.name,
    view.host,
    view.hasToken ? 'in keychain' : 'missing',
    view.programs.map((p) => (p.name === null ? `${p.loyaltyId}` : `${p.loyaltyId} (${p.name})`)).join(', '),
  ]);
  terminal.stdout.write(table([['NAME', 'HOST', 'TOKEN', 'LOYALTY PROGRAMS'], ...rows]));
}

export async function removeConnection(terminal: Terminal, name: string): Promise<void> {
  const saved = await openSavedConnections(terminal);
  const connection = saved.named(name);
  await saved.connections.forget(connection.id);
  terminal.stdout.write(`Removed connection "${connection.name}" and its token.\n`);
}

/** Columns padded to the widest cell; the last column is not padded. */
function table(rows: readonly string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
