// The separator CSV files are saved with: a preference of this page, kept in its storage like the
// language. Until the person picks one it follows the page's language, as Excel follows the computer's:
// a semicolon in Russian, a comma in English. Chosen in Settings and read where files are saved, so
// every user of this hook sees one value, and a change reaches them all at once.
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../app/csvDelimiter';

const STORAGE_KEY = 'promo-exporter.csvDelimiter';
const listeners = new Set<() => void>();

function storedChoice(): CsvDelimiter | null {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return CSV_DELIMITERS.find((delimiter) => delimiter === stored) ?? null;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

function defaultDelimiter(language: string | undefined): CsvDelimiter {
  return language === 'ru' ? ';' : ',';
}

export function useCsvDelimiter(): [CsvDelimiter, (delimiter: CsvDelimiter) => void] {
  const { i18n } = useTranslation();
  const chosen = useSyncExternalStore(subscribe, storedChoice);
  const choose = useCallback((delimiter: CsvDelimiter) => {
    window.localStorage.setItem(STORAGE_KEY, delimiter);
    for (const listener of listeners) listener();
  }, []);
  return [chosen ?? defaultDelimiter(i18n.resolvedLanguage), choose];
}
