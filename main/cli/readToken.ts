// Reads the API token for `connections add`: from standard input when it is piped in (scripts,
// `< file`), else from a prompt that shows nothing of what is typed. Never from an argument.
import { cancelledError } from '../../app/appError';
import { UsageError } from './exitCodes';
import type { Terminal } from './terminal';

/**
 * An Altcraft API token is a few dozen characters. More than this is something else piped in by
 * mistake (a log, a file), so reading stops there instead of filling memory with it.
 */
export const MAX_TOKEN_BYTES = 4096;

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u0008', '\u007f']);
// Arrow keys and other escape sequences a terminal sends: none of them belong in a token.
// eslint-disable-next-line no-control-regex -- escape sequences are exactly what is removed
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g;

export async function readToken(terminal: Terminal, connectionName: string): Promise<string> {
  const token = terminal.stdin.isTTY
    ? await hiddenPrompt(terminal, `API token for "${connectionName}" (not shown): `)
    : await readAll(terminal.stdin);
  const trimmed = token.trim();
  if (trimmed === '') {
    throw new UsageError(
      'No API token was given. Pipe it in on standard input, or run the command in a terminal to be asked for it.',
    );
  }
  if (/\s/.test(trimmed)) {
    throw new UsageError('The API token must be one line without spaces; check what was piped in.');
  }
  return trimmed;
}

/** Everything piped in, up to MAX_TOKEN_BYTES; leaving the loop early stops the stream. */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > MAX_TOKEN_BYTES) throw tooLong('What was piped in');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLong(what: string): UsageError {
  return new UsageError(
    `${what} is longer than any API token (over ${MAX_TOKEN_BYTES} bytes); check that it is only the token.`,
  );
}

/** Raw mode: the terminal does not echo, and each key arrives as it is typed. */
function hiddenPrompt(terminal: Terminal, question: string): Promise<string> {
  const { stdin, stderr } = terminal;
  // Echo off before the question shows, so nothing typed after it can reach the screen.
  stdin.setRawMode(true);
  stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      terminal.signal.removeEventListener('abort', onAbort);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelledError('connection-add')));
    const onData = (chunk: Buffer | string) => {
      const text = String(chunk).replace(ESCAPE_SEQUENCE, '');
      for (const char of text) {
        if (char === '\r' || char === '\n' || char === CTRL_D) return finish(() => resolve(typed));
        if (char === CTRL_C) return finish(() => reject(cancelledError('connection-add')));
        if (BACKSPACE.has(char)) typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ') typed += char;
        if (Buffer.byteLength(typed) > MAX_TOKEN_BYTES)
          return finish(() => reject(tooLong('What was typed')));
      }
    };
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    terminal.signal.addEventListener('abort', onAbort, { once: true });
    stdin.resume();
  });
}
