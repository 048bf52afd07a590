// The one window: locked down as Electron's security checklist asks (every setting written out, even
// where it is Electron's default, so a reader and Electronegativity see it), shown when ready, and
// opened where it was left (size, position, maximised; see windowPlacement.ts for when not).
// Navigation, new windows and links are refused for every page in security.ts.
import { BrowserWindow, screen } from 'electron';
import { fileURLToPath } from 'node:url';
import type { SettingsStore } from '../services/settingsStore';
import { APP_PAGE_URL } from './appProtocol';
import { MIN_WINDOW, placeWindow, rememberWindow } from './windowPlacement';

export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

/** The page's address: the development server under `npm run dev`, else the app's own protocol. */
export function pageUrl(rendererUrl: string | null): string {
  return rendererUrl ?? APP_PAGE_URL;
}

/** `url` is pageUrl()'s answer: the one page the window shows and the sender check trusts. */
export function createMainWindow(settings: SettingsStore, url: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const screens = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const placement = placeWindow(
    settings.get().window,
    screens.map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
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
  if (placement.maximized) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    // The normal bounds even when maximised, so un-maximising next time returns to them.
    const left = rememberWindow(window.getNormalBounds(), window.isMaximized());
    void settings.update((s) => ({ ...s, window: left }));
  });

  void window.loadURL(url);
  return window;
}
