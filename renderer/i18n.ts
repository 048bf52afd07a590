// Every word the page shows comes from the translation files in locales/. The app follows the
// computer's language, and the person can switch; the choice is kept for the next start.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
] as const;

const STORAGE_KEY = 'promo-exporter.language';

function startingLanguage(): string {
  const chosen = window.localStorage.getItem(STORAGE_KEY);
  if (chosen !== null && LANGUAGES.some((l) => l.code === chosen)) return chosen;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: startingLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;
