// The separator CSV files are saved with: a preference of this page, kept in its storage like the
// language. Until the person picks one it follows the page's language, as Excel follows the computer's:
// a semicolon in Russian, a comma in English.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../app/csvDelimiter';

const STORAGE_KEY = 'promo-exporter.csvDelimiter';

function storedChoice(): CsvDelimiter | null {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return CSV_DELIMITERS.find((delimiter) => delimiter === stored) ?? null;
}

function defaultDelimiter(language: string | undefined): CsvDelimiter {
  return language === 'ru' ? ';' : ',';
}

export function useCsvDelimiter(): [CsvDelimiter, (delimiter: CsvDelimiter) => void] {
  const { i18n } = useTranslation();
  const [chosen, setChosen] = useState<CsvDelimiter | null>(storedChoice);
  const choose = useCallback((delimiter: CsvDelimiter) => {
    window.localStorage.setItem(STORAGE_KEY, delimiter);
    setChosen(delimiter);
  }, []);
  return [chosen ?? defaultDelimiter(i18n.resolvedLanguage), choose];
}
