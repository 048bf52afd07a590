// The real native dialogs, for the Electron shell.
import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { Dialogs } from './dialogs';

const FILTERS = {
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
};

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseSaveTarget({ defaultPath, kind }) {
      const options = {
        defaultPath,
        filters: FILTERS[kind],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const owner = window();
      const answer =
        owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
      return answer.canceled || answer.filePath === undefined || answer.filePath === ''
        ? null
        : answer.filePath;
    },
  };
}
