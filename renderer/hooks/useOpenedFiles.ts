// Workbooks opened for review this session: chosen through the open dialog, listed in the sidebar,
// closed again. Opening the same file again replaces the older copy.
import { useCallback, useState } from 'react';
import type { AppErrorInfo } from '../../app/appError';
import type { OpenedWorkbook } from '../../app/ipcContract';
import { call, failureInfo } from '../api';

export function useOpenedFiles() {
  const [files, setFiles] = useState<OpenedWorkbook[]>([]);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  /** True while a chosen workbook is read: the page shows how far, with Cancel. */
  const [reading, setReading] = useState(false);

  const open = useCallback(async (): Promise<OpenedWorkbook | null> => {
    setError(null);
    setReading(true);
    try {
      const opened = await call('workbook:open');
      if (opened !== null) setFiles((list) => [...list.filter((f) => f.path !== opened.path), opened]);
      return opened;
    } catch (failure) {
      const info = failureInfo(failure);
      // Cancel was the person's own choice: nothing to report.
      if (info.code !== 'cancelled') setError(info);
      return null;
    } finally {
      setReading(false);
    }
  }, []);

  const close = useCallback(
    (sourceId: string) => setFiles((list) => list.filter((f) => f.sourceId !== sourceId)),
    [],
  );
  const dismissError = useCallback(() => setError(null), []);

  return { files, error, reading, open, close, dismissError };
}
