import { useTranslation } from 'react-i18next';
import type { CodeStatus } from '../../app/promoCode';

/** A code's status in its own colour and in words, so it reads without the colour too. */
export function StatusBadge({ status }: { status: CodeStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`codes.status.${status}`)}</span>;
}
