// The Electron entry: a list of setup steps around services that run in plain Node.
import type { BrowserWindow } from 'electron';
import { app, net, session } from 'electron';
import keytar from 'keytar';
import { join } from 'node:path';
import { composeServices } from '../composeServices';
import { reportStartFailure, setupCrashRecovery } from './crashRecovery';
import { seedDemoConnection } from '../services/demoConnection';
import { electronDesktop, electronDialogs } from './dialogs';
import { watchLongWork } from './desktopProgress';
import { setupIpc } from './ipc';
import { setupLogging } from './logging';
import { setupMenu } from './menu';
import { holdWhileLoading, setupPageMessages } from './pageMessages';
import { setupSecurity, setupSessionSecurity } from './security';
import { createKnownSecrets, rememberingSecretStore } from '../services/knownSecrets';
import { createMainWindow, pageUrl } from './window';
import { developmentSwitches } from './developmentSwitches';
import { registerAppScheme, serveAppPage } from './appProtocol';

// The development server's page, the demo and a test keychain name: never in the installed app.
const switches = developmentSwitches(process.env, app.isPackaged);

// Before anything reads the data or log folder: demo mode keeps a profile of its own.
if (switches.demo !== null) app.setPath('userData', join(app.getPath('appData'), 'Promo Exporter Demo'));

// Every token the app touches is known here, so the log can cut it out wherever it turns up.
const secrets = createKnownSecrets();
const log = setupLogging(secrets);
setupCrashRecovery(log, secrets);

if (!app.requestSingleInstanceLock()) {
  log.info('Already running: the first window is brought to the front instead');
  app.quit();
} else {
  setupSecurity(log);
  registerAppScheme();
  start().catch((error: unknown) => reportStartFailure(error, log, secrets));
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
  setupSessionSecurity(session.defaultSession, log);
  serveAppPage(log);
  const services = await composeServices({
    dataDir: app.getPath('userData'),
    secretStore: rememberingSecretStore(keytar, secrets),
    // Tests of the built app use their own keychain entry name, so a developer's tokens stay apart.
    ...(switches.keychainService !== null ? { keychainService: switches.keychainService } : {}),
    altcraft: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
    page: {
      documentsDir: app.getPath('documents'),
      appVersion: app.getVersion(),
      dialogs: electronDialogs(() => mainWindow),
      desktop: electronDesktop(),
    },
  });
  if (switches.demo !== null) {
    const { host, token } = switches.demo;
    secrets.add(token);
    await seedDemoConnection(services.connections, services.settings, host, token);
  }
  const appPage = () => mainWindow?.webContents ?? null;
  const outbox = setupPageMessages(appPage);
  // Progress events pass the task bar on their way to the page; long calls are followed there.
  const longWork = watchLongWork(() => mainWindow, outbox.sendToPage);
  const page = { ...outbox, sendToPage: longWork.sendToPage };
  setupMenu(log, page.sendToPage, switches.rendererUrl !== null);
  const url = pageUrl(switches.rendererUrl);
  setupIpc(services.handlers, url, appPage, page, log, secrets, longWork.follow);
  mainWindow = createMainWindow(services.settings, url);
  holdWhileLoading(mainWindow.webContents, page);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
