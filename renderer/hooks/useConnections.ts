// The saved connections, and the changes a person makes to them.
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionView } from '../../app/ipcContract';
import { call } from '../api';

export function useConnections() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);

  const reload = useCallback(async () => {
    setConnections(await call('connections:list'));
  }, []);

  useEffect(() => {
    let live = true;
    void call('connections:list').then((list) => {
      if (live) setConnections(list);
    });
    return () => {
      live = false;
    };
  }, []);

  const add = useCallback(
    async (input: { name: string; host: string; token: string }) => {
      const added = await call('connections:add', input);
      await reload();
      return added;
    },
    [reload],
  );
  return { connections, add, reload };
}
