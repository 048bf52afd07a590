// The list of recent exports, read again whenever something was saved.
import { useCallback, useEffect, useState } from 'react';
import type { RecentExportView } from '../../app/ipcContract';
import { call } from '../api';

export function useRecentExports() {
  const [exports, setExports] = useState<RecentExportView[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void call('exports:list').then((list) => {
      if (live) setExports(list);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { exports, refresh };
}
