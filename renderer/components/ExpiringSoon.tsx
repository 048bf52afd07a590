import { useTranslation } from 'react-i18next';
import type { ExpiryWindow } from '../../app/codeInsights';
import { EXPIRY_WINDOWS_DAYS } from '../../app/codeInsights';

/**
 * How many codes still to be used expire within 7 and within 30 days; clicking one shows those
 * codes in the table, clicking it again shows all.
 */
export function ExpiringSoon({
  expiring,
  chosen,
  onChange,
}: {
  expiring: Record<ExpiryWindow, number> | null;
  chosen: ExpiryWindow | null;
  onChange: (days: ExpiryWindow | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="insight expiring-insight">
      <h3 id="expiring-heading">{t('insights.expiring')}</h3>
      <div className="expiring-buttons" role="group" aria-labelledby="expiring-heading">
        {EXPIRY_WINDOWS_DAYS.map((days) => (
          <button
            key={days}
            type="button"
            className="expiring-button"
            disabled={expiring === null}
            aria-pressed={chosen === days}
            onClick={() => onChange(chosen === days ? null : days)}
          >
            <span className="big-number">{expiring === null ? '–' : number.format(expiring[days])}</span>
            <span className="expiring-label">{t('insights.withinDays', { count: days })}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
