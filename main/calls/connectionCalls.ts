// Connections to Altcraft and the loyalty programs each one remembers.
import type { HandlerDeps, HandlersOf } from './types';

type ConnectionCalls =
  | 'connections:list'
  | 'connections:add'
  | 'connections:rename'
  | 'connections:setHost'
  | 'connections:check'
  | 'connections:replaceToken'
  | 'connections:forget'
  | 'programs:add'
  | 'programs:rename'
  | 'programs:remove';

export function connectionCalls<Fetched>(deps: HandlerDeps<Fetched>): HandlersOf<ConnectionCalls> {
  const { connections, vault } = deps;
  return {
    'connections:list': () => connections.list(),
    'connections:add': (arg) => connections.add(arg),
    'connections:rename': ({ connectionId, name }) => connections.rename(connectionId, name),
    // A new address comes with its token: script in the page cannot steer the saved one elsewhere.
    'connections:setHost': ({ connectionId, host, token }) => connections.setHost(connectionId, host, token),
    'connections:check': async ({ connectionId }) => {
      const connection = connections.get(connectionId);
      return deps.altcraft.check(connection.host, await vault.read(connectionId));
    },
    'connections:replaceToken': ({ connectionId, token }) => connections.replaceToken(connectionId, token),
    'connections:forget': async ({ connectionId }) => {
      await connections.forget(connectionId);
      return null;
    },

    'programs:add': ({ connectionId, loyaltyId, name }) =>
      connections.nameProgram(connectionId, loyaltyId, name),
    'programs:rename': ({ connectionId, loyaltyId, name }) =>
      connections.nameProgram(connectionId, loyaltyId, name),
    'programs:remove': ({ connectionId, loyaltyId }) => connections.removeProgram(connectionId, loyaltyId),
  };
}
