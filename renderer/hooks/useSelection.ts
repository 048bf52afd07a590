// What the main pane shows: a loyalty program of the connection in use, an opened file, or
// Settings. The program chosen is remembered for the next start; a program that is gone (removed,
// or its connection forgotten) falls back to the connection's first program.
import { useCallback, useEffect, useState } from 'react';
import type { CallResults, ConnectionView, OpenedWorkbook } from '../../app/ipcContract';
import { call } from '../api';

export type Selected =
  | { kind: 'program'; connectionId: string; loyaltyId: number }
  | { kind: 'file'; sourceId: string }
  | { kind: 'settings' };

type Remembered = CallResults['window:rememberedProgram'];

export function useSelection() {
  /** undefined until the main process has said which program was shown last. */
  const [remembered, setRemembered] = useState<Remembered | undefined>(undefined);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    let live = true;
    void call('window:rememberedProgram').then(
      (program) => live && setRemembered(program),
      () => live && setRemembered(null),
    );
    return () => {
      live = false;
    };
  }, []);

  const selectProgram = useCallback((connection: string, loyaltyId: number) => {
    setConnectionId(connection);
    setSelected({ kind: 'program', connectionId: connection, loyaltyId });
    void call('window:rememberProgram', { connectionId: connection, loyaltyId }).catch(() => undefined);
  }, []);
  const selectFile = useCallback((sourceId: string) => setSelected({ kind: 'file', sourceId }), []);
  const selectSettings = useCallback(() => setSelected({ kind: 'settings' }), []);
  const selectConnection = useCallback((connection: string) => {
    setConnectionId(connection);
    setSelected(null);
  }, []);

  // Until the person chooses, the program shown last is the choice.
  const fromLastTime: Selected | null = remembered == null ? null : { kind: 'program', ...remembered };
  return {
    ready: remembered !== undefined,
    connectionId: connectionId ?? remembered?.connectionId ?? null,
    selected: selected ?? (connectionId === null ? fromLastTime : null),
    selectProgram,
    selectFile,
    selectSettings,
    selectConnection,
  };
}

export type Selection = ReturnType<typeof useSelection>;

/** What the selection comes to with the connections and files there are now. */
export function resolveSelection(
  selection: Selection,
  connections: ConnectionView[],
  files: OpenedWorkbook[],
): { connection: ConnectionView | null; shown: Selected | null } {
  const connection = connections.find((c) => c.id === selection.connectionId) ?? connections[0] ?? null;
  const wanted = selection.selected;
  const firstProgram = (): Selected | null => {
    const first = connection?.programs[0];
    return connection !== null && first !== undefined
      ? { kind: 'program', connectionId: connection.id, loyaltyId: first.loyaltyId }
      : null;
  };
  if (wanted === null) return { connection, shown: firstProgram() ?? lastFile(files) };
  if (wanted.kind === 'settings') return { connection, shown: wanted };
  if (wanted.kind === 'file')
    return { connection, shown: files.some((f) => f.sourceId === wanted.sourceId) ? wanted : firstProgram() };
  const stillThere =
    connection?.id === wanted.connectionId &&
    connection.programs.some((p) => p.loyaltyId === wanted.loyaltyId);
  return { connection, shown: stillThere ? wanted : firstProgram() };
}

function lastFile(files: OpenedWorkbook[]): Selected | null {
  const file = files.at(-1);
  return file === undefined ? null : { kind: 'file', sourceId: file.sourceId };
}
