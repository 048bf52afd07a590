import { useTranslation } from 'react-i18next';
import type { CodeStatus, StatusCounts } from '../../app/promoCode';
import { CODE_STATUSES } from '../../app/promoCode';

/**
 * The codes by status as one stacked bar, each part in its status's colour and wide as its share,
 * with a legend in words and percentages. Clicking a part shows only those codes; again, all.
 */
export function StatusBar({
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
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const present = CODE_STATUSES.filter((s) => counts[s] > 0);
  const share = (s: CodeStatus) => percent.format(total === 0 ? 0 : counts[s] / total);
  return (
    <div className="insight status-insight">
      <h3 id="status-bar-heading">{t('insights.byStatus')}</h3>
      <div className="status-bar" role="group" aria-labelledby="status-bar-heading">
        {present.map((s) => (
          <button
            key={s}
            type="button"
            className={`status-part swatch-${s}`}
            style={{ flexGrow: counts[s] }}
            aria-pressed={status === s}
            aria-label={t('insights.statusPart', {
              status: t(`codes.status.${s}`),
              count: number.format(counts[s]),
              share: share(s),
            })}
            title={`${t(`codes.status.${s}`)}: ${number.format(counts[s])} (${share(s)})`}
            onClick={() => onChange(status === s ? null : s)}
          />
        ))}
      </div>
      <ul className="status-legend" aria-hidden="true">
        {present.map((s) => (
          <li key={s} className={status === null || status === s ? '' : 'dimmed'}>
            <span className={`swatch swatch-${s}`} />
            {t(`codes.status.${s}`)} <span className="legend-share">{share(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
