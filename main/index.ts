// The Electron entry: a list of setup steps around services that run in plain Node.
import type { BrowserWindow } from 'electron';
import { app, net } from 'electron';
import { join } from 'node:path';
import { composeServices } from './composeServices';
import { seedDemoConnection } from './demo';
import { electronDialogs } from './electronDialogs';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { consoleLog } from './services/log';
import { createMainWindow, pageUrl } from './window';

const log = consoleLog();
const demoHost = process.env.PROMO_EXPORTER_DEMO_HOST;
const demoToken = process.env.PROMO_EXPORTER_DEMO_TOKEN;

if (demoHost !== undefined) app.setPath('userData', join(app.getPath('appData'), 'Promo Exporter Demo'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const services = await composeServices({
    dataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    appVersion: app.getVersion(),
    dialogs: electronDialogs(() => mainWindow),
    // Tests of the packaged app use their own keychain entry name, so a developer's tokens stay apart.
    ...(process.env.PROMO_EXPORTER_KEYCHAIN_SERVICE
      ? { keychainService: process.env.PROMO_EXPORTER_KEYCHAIN_SERVICE }
      : {}),
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
  });
  if (demoHost !== undefined && demoToken !== undefined) {
    await seedDemoConnection(services.connections, services.settings, demoHost, demoToken);
  }
  setupMenu();
  setupIpc(services.handlers, pageUrl(), log);
  mainWindow = createMainWindow(services.settings);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
