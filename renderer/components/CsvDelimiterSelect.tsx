import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../app/csvDelimiter';

const NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const satisfies Record<CsvDelimiter, string>;

/** Which separator "Save as CSV…" puts between fields. */
export function CsvDelimiterSelect({
  value,
  onChange,
  disabled,
}: {
  value: CsvDelimiter;
  onChange: (delimiter: CsvDelimiter) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <label className="csv-delimiter" title={t('codes.csvDelimiterHint')}>
      {t('codes.csvDelimiter')}
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const picked = CSV_DELIMITERS.find((delimiter) => delimiter === e.target.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {CSV_DELIMITERS.map((delimiter) => (
          <option key={NAMES[delimiter]} value={delimiter}>
            {t(`codes.delimiter.${NAMES[delimiter]}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
