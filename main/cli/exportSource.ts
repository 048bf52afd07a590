// Where an export fetches from: a saved connection (its host, its keychain token and the program
// names saved with it), or a host from --base-url with the token from ALTCRAFT_TOKEN.
import { AppError, isAppError } from '../../app/appError';
import { normaliseHost } from '../../app/host';
import type { ExportSource } from './cliArgs';
import { UsageError } from './exitCodes';
import { openSavedConnections } from './savedConnections';
import type { Terminal } from './terminal';

export const TOKEN_VARIABLE = 'ALTCRAFT_TOKEN';

export interface ResolvedSource {
  host: string;
  token: string;
  /** The saved connection's name, null for --base-url. */
  connectionName: string | null;
  /** Program names saved with the connection, by loyalty ID. */
  savedNames: ReadonlyMap<number, string>;
}

export async function resolveSource(source: ExportSource, terminal: Terminal): Promise<ResolvedSource> {
  const { env } = terminal;
  if (source.kind === 'connection') {
    const saved = await openSavedConnections(terminal).catch(withoutKeychainHint);
    const connection = saved.named(source.name);
    const token = await saved.vault.read(connection.id).catch(withoutKeychainHint);
    const savedNames = new Map<number, string>();
    for (const program of connection.programs) {
      if (program.name !== null && program.name.trim() !== '')
        savedNames.set(program.loyaltyId, program.name);
    }
    return { host: connection.host, token, connectionName: connection.name, savedNames };
  }

  const host = normaliseHost(source.baseUrl);
  if (!host.ok) {
    const why =
      host.reason === 'https-required'
        ? 'must use https:// (plain http:// is only allowed for this computer)'
        : 'is not an Altcraft address; use the address you open Altcraft with, such as ru.altkraft.com';
    throw new UsageError(`--base-url "${source.baseUrl.slice(0, 100)}" ${why}.`);
  }
  const token = env[TOKEN_VARIABLE]?.trim() ?? '';
  if (token === '') {
    throw new UsageError(
      `With --base-url, the API token comes from the ${TOKEN_VARIABLE} environment variable, which is not set. Set it, or use --connection <name> with a saved connection.`,
    );
  }
  return { host: host.host, token, connectionName: null, savedNames: new Map() };
}

/** Where no keychain can run (a server, a container), the token can still come from the environment. */
function withoutKeychainHint(error: unknown): never {
  if (!isAppError(error) || error.code !== 'keychain-unavailable') throw error;
  throw new AppError(
    {
      ...error.toInfo(),
      message: `${error.message} Without a keychain, use --base-url with the ${TOKEN_VARIABLE} environment variable instead of --connection.`,
    },
    { cause: error },
  );
}
