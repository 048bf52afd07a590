import { useTranslation } from 'react-i18next';
import type { CodeStatus, StatusCounts } from '../../app/promoCode';
import { CODE_STATUSES } from '../../app/promoCode';

/** All, Available, Attached, Activated, Expired, each with its colour and count; choosing one filters. */
export function StatusChips({
  counts,
  total,
  status,
  onChange,
}: {
  counts: StatusCounts;
  total: number;
  status: CodeStatus | null;
  onChange: (status: CodeStatus | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const chips: [CodeStatus | null, string, number][] = [
    [null, t('codes.all'), total],
    ...CODE_STATUSES.map((s): [CodeStatus, string, number] => [s, t(`codes.status.${s}`), counts[s]]),
  ];
  return (
    <div className="chips" role="group" aria-label={t('codes.statusFilter')}>
      {chips.map(([value, label, count]) => (
        <button
          key={value ?? 'all'}
          type="button"
          className="chip"
          aria-pressed={value === status}
          onClick={() => onChange(value)}
        >
          {value !== null && <span className={`swatch swatch-${value}`} aria-hidden="true" />}
          {label} <span className="chip-count">{number.format(count)}</span>
        </button>
      ))}
    </div>
  );
}
