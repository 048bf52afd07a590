// The one window: locked down as Electron's security checklist asks (every setting written out, even
// where it is Electron's default, so a reader and Electronegativity see it), shown when ready, its
// size remembered between starts. Navigation, new windows and links are refused for every page in
// security.ts.
import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import type { SettingsStore } from '../services/settingsStore';
import { APP_PAGE_URL } from './appProtocol';

export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

/** The page's address: the development server under `npm run dev`, else the app's own protocol. */
export function pageUrl(rendererUrl: string | null): string {
  return rendererUrl ?? APP_PAGE_URL;
}

/** `url` is pageUrl()'s answer: the one page the window shows and the sender check trusts. */
export function createMainWindow(settings: SettingsStore, url: string): BrowserWindow {
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
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click (auxclick) is a second way for a link to open a window; those are refused
      // anyway (security.ts), this closes the door one step earlier.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped on the window would otherwise replace the page with it.
      navigateOnDragDrop: false,
      // A page that opens alert() after alert() can be silenced by the person.
      safeDialogs: true,
      // The spell checker downloads dictionaries from Google: no remote content, and nothing to check.
      spellcheck: false,
    },
  });
  if (remembered?.maximized === true) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const [width, height] = window.isMaximized()
      ? [remembered?.width ?? 1200, remembered?.height ?? 800]
      : window.getSize();
    void settings.update((s) => ({
      ...s,
      window: { width: width ?? 1200, height: height ?? 800, maximized: window.isMaximized() },
    }));
  });

  void window.loadURL(url);
  return window;
}
