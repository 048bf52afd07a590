// The application menu with the usual items, and Help → Open logs folder so people can send the log
// to their administrator. File's own commands are the page's: they travel to it as 'menu:command',
// held until the page is ready, so one chosen while it loads is not lost.
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
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Copy, Select All and the rest: the code table answers Ctrl/Cmd+C and Ctrl/Cmd+A itself.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Developer tools only under `npm run dev`: in the shipped app nobody should be talked into
        // pasting code into a console that sits next to the keychain.
        ...(developerTools ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
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
