// The one window: locked down as Electron's security checklist asks, shown when ready, its size
// remembered between starts.
import { BrowserWindow, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import type { SettingsStore } from './services/settingsStore';

export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const PAGE_FILE = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

/** The page's address: the development server under `npm run dev`, else the built file. */
export function pageUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? new URL('../renderer/index.html', import.meta.url).href;
}

export function createMainWindow(settings: SettingsStore): BrowserWindow {
  const remembered = settings.get().window;
  const window = new BrowserWindow({
    width: remembered?.width ?? 1200,
    height: remembered?.height ?? 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Promo Exporter',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (remembered?.maximized === true) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.on('close', () => {
    const [width, height] = window.isMaximized()
      ? [remembered?.width ?? 1200, remembered?.height ?? 800]
      : window.getSize();
    void settings.update((s) => ({
      ...s,
      window: { width: width ?? 1200, height: height ?? 800, maximized: window.isMaximized() },
    }));
  });

  const url = pageUrl();
  if (url.startsWith('file:')) void window.loadFile(PAGE_FILE);
  else void window.loadURL(url);
  return window;
}
