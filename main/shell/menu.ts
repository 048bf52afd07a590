// The application menu with the usual items, and Help → Open logs folder so people can send the log
// to their administrator. The app's own commands (open, save, export, find, refresh) are the page's:
// they travel to it as 'menu:command', held until the page is ready, so one chosen while it loads is
// not lost. The page answers the same keys itself; the menu names them and works from the menu bar.
import { app, Menu } from 'electron';
import type { MenuCommand } from '../../app/ipcContract';
import { openLogsFolder } from './logging';
import type { SendToPage } from './pageOutbox';
import type { Log } from '../services/log';

/** `developerTools`: reload and the developer tools in View, for `npm run dev` only. */
export function setupMenu(log: Log, sendToPage: SendToPage, developerTools: boolean): void {
  const send = (command: MenuCommand) => sendToPage('menu:command', { command });
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Workbook…',
          accelerator: 'CmdOrCtrl+O',
          click: () => send('open-workbook'),
        },
        {
          label: 'Save as Excel…',
          accelerator: 'CmdOrCtrl+S',
          click: () => send('save-excel'),
        },
        {
          label: 'Save as CSV…',
          accelerator: 'CmdOrCtrl+Shift+S',
          click: () => send('save-csv'),
        },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Copy, Select All and the rest: the code table answers Ctrl/Cmd+C and Ctrl/Cmd+A itself.
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find Codes', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        // F5 and Ctrl/Cmd+R get the codes again; they never reload the window.
        { label: 'Refresh Codes', accelerator: 'F5', click: () => send('refresh') },
        {
          label: 'Refresh Codes',
          accelerator: 'CmdOrCtrl+R',
          visible: false,
          acceleratorWorksWhenHidden: true,
          click: () => send('refresh'),
        },
        { type: 'separator' },
        // Developer tools only under `npm run dev`: in the shipped app nobody should be talked into
        // pasting code into a console that sits next to the keychain. (Reload is Shift+Ctrl/Cmd+R,
        // since Ctrl/Cmd+R refreshes the codes.)
        ...(developerTools ? [{ role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Open logs folder', click: () => openLogsFolder(log) },
        { type: 'separator' },
        { label: `About ${app.getName()}`, click: () => app.showAboutPanel() },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
