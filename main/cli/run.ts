// Runs one command line and answers its exit code: parses, dispatches, and turns any failure into
// the one line on standard error and the exit code scripts rely on.
import { version } from '../../package.json';
import { parseCommand } from './cliArgs';
import type { Command } from './cliArgs';
import { addConnection, listConnections, removeConnection } from './connectionsCommand';
import { EXIT, exitCodeFor } from './exitCodes';
import type { ExitCode } from './exitCodes';
import { failureLine } from './failureLine';
import type { Terminal } from './terminal';
import { helpText } from './usage';

export async function run(argv: readonly string[], terminal: Terminal): Promise<ExitCode> {
  // Every token the run comes to hold, so that no line it prints can contain one.
  const secrets: string[] = [];
  const envToken = terminal.env.ALTCRAFT_TOKEN?.trim();
  if (envToken !== undefined && envToken !== '') secrets.push(envToken);
  try {
    await dispatch(parseCommand(argv), terminal, secrets);
    return EXIT.done;
  } catch (error) {
    terminal.stderr.write(failureLine(error, secrets));
    return exitCodeFor(error);
  }
}

async function dispatch(command: Command, terminal: Terminal, secrets: string[]): Promise<void> {
  switch (command.kind) {
    case 'help':
      terminal.stdout.write(helpText(command.topic));
      return;
    case 'version':
      terminal.stdout.write(`${version}\n`);
      return;
    case 'export': {
      // Loaded on demand: help, usage errors and connections then start at once.
      const { exportCodes } = await import('./exportCommand');
      return exportCodes(terminal, command.options, secrets);
    }
    case 'connections-add':
      return addConnection(terminal, command.name, command.baseUrl, secrets);
    case 'connections-list':
      return listConnections(terminal, command.json);
    case 'connections-remove':
      return removeConnection(terminal, command.name);
    case 'summary': {
      const { summarise } = await import('./reviewCommands');
      return summarise(terminal, command.options);
    }
    case 'diff': {
      const { diff } = await import('./reviewCommands');
      return diff(terminal, command.options);
    }
  }
}
