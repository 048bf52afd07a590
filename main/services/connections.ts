// Connections to Altcraft: a name and host in the settings file, the token in the keychain, and the
// loyalty programs each connection remembers (Altcraft has no call that lists them).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../app/appError';
import { normaliseHost } from '../../app/host';
import type { ConnectionView } from '../../app/ipcContract';
import type { SettingsStore, StoredConnection } from './settingsStore';
import type { TokenVault } from './tokenVault';

export interface Connections {
  list(): Promise<ConnectionView[]>;
  get(connectionId: string): StoredConnection;
  add(input: { name: string; host: string; token: string }): Promise<ConnectionView>;
  replaceToken(connectionId: string, token: string): Promise<ConnectionView>;
  rename(connectionId: string, name: string): Promise<ConnectionView>;
  /**
   * Moves a connection to another address together with the token entered for it there: the saved
   * token was entered for the old address and is never sent to the new one.
   */
  setHost(connectionId: string, host: string, token: string): Promise<ConnectionView>;
  /** Adds a program to remember, or renames it when it is already there. */
  nameProgram(connectionId: string, loyaltyId: number, name: string): Promise<ConnectionView>;
  removeProgram(connectionId: string, loyaltyId: number): Promise<ConnectionView>;
  forget(connectionId: string): Promise<void>;
  /** Remembers a program's last fetch (and the program itself, the first time). */
  recordFetch(connectionId: string, loyaltyId: number, count: number, at: number): Promise<void>;
}

/** What is kept of a program's fetches beyond the settings, deleted with the program or connection. */
export interface FetchRecords {
  forgetProgram(connectionId: string, loyaltyId: number): Promise<void>;
  forgetConnection(connectionId: string): Promise<void>;
}

export function createConnections(
  settings: SettingsStore,
  vault: TokenVault,
  records?: FetchRecords,
): Connections {
  const get = (connectionId: string): StoredConnection => {
    const found = settings.get().connections.find((c) => c.id === connectionId);
    if (found === undefined) {
      throw new AppError({ code: 'not-found', message: 'This connection no longer exists.' });
    }
    return found;
  };
  const view = async (connection: StoredConnection): Promise<ConnectionView> => ({
    id: connection.id,
    name: connection.name,
    host: connection.host,
    hasToken: await vault.has(connection.id),
    programs: connection.programs.map((p) => ({ ...p })),
  });

  /** Applies a change to one connection, writes the settings and answers the changed view. */
  const change = async (connectionId: string, edit: (c: StoredConnection) => StoredConnection) => {
    get(connectionId);
    const next = await settings.update((s) => ({
      ...s,
      connections: s.connections.map((c) => (c.id === connectionId ? edit(c) : c)),
    }));
    return view(next.connections.find((c) => c.id === connectionId) as StoredConnection);
  };

  return {
    get,
    list: () => Promise.all(settings.get().connections.map(view)),
    async add({ name, host, token }) {
      const connection: StoredConnection = { id: randomUUID(), name, host: checkedHost(host), programs: [] };
      // The keychain first: a connection is only listed once its token is safely stored.
      await vault.save(connection.id, token);
      await settings.update((s) => ({ ...s, connections: [...s.connections, connection] }));
      return view(connection);
    },
    async replaceToken(connectionId, token) {
      const connection = get(connectionId);
      await vault.save(connectionId, token);
      return view(connection);
    },
    rename: (connectionId, name) => change(connectionId, (c) => ({ ...c, name })),
    async setHost(connectionId, host, token) {
      const normalised = checkedHost(host);
      get(connectionId);
      // The old token leaves the keychain before the address changes: whichever step fails, the
      // connection is left with no token rather than with one entered for another address.
      await vault.forget(connectionId);
      await settings.update((s) => ({
        ...s,
        connections: s.connections.map((c) => (c.id === connectionId ? { ...c, host: normalised } : c)),
      }));
      await vault.save(connectionId, token);
      return view(get(connectionId));
    },
    nameProgram: (connectionId, loyaltyId, name) =>
      change(connectionId, (c) => {
        const label = name.trim() === '' ? null : name.trim();
        const known = c.programs.some((p) => p.loyaltyId === loyaltyId);
        const programs = known
          ? c.programs.map((p) => (p.loyaltyId === loyaltyId ? { ...p, name: label } : p))
          : [...c.programs, { loyaltyId, name: label, lastFetchedAt: null, lastCount: null }];
        return { ...c, programs };
      }),
    async removeProgram(connectionId, loyaltyId) {
      const changed = await change(connectionId, (c) => ({
        ...c,
        programs: c.programs.filter((p) => p.loyaltyId !== loyaltyId),
      }));
      await records?.forgetProgram(connectionId, loyaltyId);
      return changed;
    },
    async forget(connectionId) {
      get(connectionId);
      await vault.forget(connectionId);
      await settings.update((s) => ({
        ...s,
        connections: s.connections.filter((c) => c.id !== connectionId),
      }));
      await records?.forgetConnection(connectionId);
    },
    async recordFetch(connectionId, loyaltyId, count, at) {
      await settings.update((s) => ({
        ...s,
        connections: s.connections.map((c) => {
          if (c.id !== connectionId) return c;
          const known = c.programs.some((p) => p.loyaltyId === loyaltyId);
          const programs = known
            ? c.programs.map((p) =>
                p.loyaltyId === loyaltyId ? { ...p, lastFetchedAt: at, lastCount: count } : p,
              )
            : [...c.programs, { loyaltyId, name: null, lastFetchedAt: at, lastCount: count }];
          return { ...c, programs };
        }),
      }));
    },
  };
}

/** The normalised address, or an error that says how to write one. */
function checkedHost(host: string): string {
  const normalised = normaliseHost(host);
  if (normalised.ok) return normalised.host;
  throw new AppError({
    code: 'invalid-input',
    message:
      normalised.reason === 'https-required'
        ? 'The Altcraft address must start with https://.'
        : 'This does not look like an Altcraft address. Use the address you open Altcraft with, for example ru.altkraft.com.',
  });
}
