// The real native dialogs and desktop services, for the Electron shell.
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { dialog, shell } from 'electron';
import type { Desktop, Dialogs } from '../calls/desktop';

const FILTERS = {
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
};

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseSaveTarget({ defaultPath, kind }) {
      const options: SaveDialogOptions = {
        defaultPath,
        filters: FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const owner = window();
      const answer =
        owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
      return answer.canceled || answer.filePath === undefined || answer.filePath === ''
        ? null
        : answer.filePath;
    },
    async chooseWorkbookToOpen({ defaultPath }) {
      const options: OpenDialogOptions = { defaultPath, filters: FILTERS.xlsx, properties: ['openFile'] };
      const owner = window();
      const answer =
        owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}

export function electronDesktop(): Desktop {
  return {
    async openPath(path) {
      const problem = await shell.openPath(path);
      if (problem !== '') throw new Error(problem);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  };
}
