import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** English or Russian; the app starts in the computer's language. */
export function LanguageSwitch({ showLabel = false }: { showLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <label className={showLabel ? '' : 'row'} htmlFor={id}>
      <span className={showLabel ? '' : 'visually-hidden'}>{t('app.language')}</span>
      <select
        id={id}
        value={i18n.resolvedLanguage}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
      >
        {LANGUAGES.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
