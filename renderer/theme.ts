// The page's theme: the computer's (system), or light or dark as chosen in Settings. Kept for the
// next start like the language, and applied before the first paint so the window never flashes.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'promo-exporter.theme';

export function storedTheme(): Theme {
  const chosen = window.localStorage.getItem(STORAGE_KEY);
  return THEMES.find((theme) => theme === chosen) ?? 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function chooseTheme(theme: Theme): void {
  window.localStorage.setItem(STORAGE_KEY, theme);
  applyTheme(theme);
}

applyTheme(storedTheme());
