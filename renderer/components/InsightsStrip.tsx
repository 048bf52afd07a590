import { useTranslation } from 'react-i18next';
import type { CodeInsights, ExpiryWindow } from '../../app/codeInsights';
import type { CodeStatus, StatusCounts } from '../../app/promoCode';
import { ExpiringSoon } from './ExpiringSoon';
import { StatusBar } from './StatusBar';
import { Timeline } from './Timeline';

/**
 * The program's codes at a glance, above the table: by status, over time, and expiring soon. The
 * status bar and the expiring counts filter the table when clicked.
 */
export function InsightsStrip({
  counts,
  total,
  insights,
  status,
  onStatus,
  expiring,
  onExpiring,
}: {
  counts: StatusCounts;
  total: number;
  insights: CodeInsights | null;
  status: CodeStatus | null;
  onStatus: (status: CodeStatus | null) => void;
  expiring: ExpiryWindow | null;
  onExpiring: (days: ExpiryWindow | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="insights" aria-label={t('insights.heading')}>
      <StatusBar counts={counts} total={total} status={status} onChange={onStatus} />
      <Timeline timeline={insights?.timeline ?? null} />
      <ExpiringSoon expiring={insights?.expiring ?? null} chosen={expiring} onChange={onExpiring} />
    </section>
  );
}
