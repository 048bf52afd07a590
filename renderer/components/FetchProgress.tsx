import { useTranslation } from 'react-i18next';
import type { FetchProgressInfo } from '../hooks/useProgramFetches';

/** Bytes received, a percentage when Altcraft said how much is coming, and Cancel. */
export function FetchProgress({
  progress,
  onCancel,
  className = '',
}: {
  progress: FetchProgressInfo | null;
  onCancel: () => void;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const bytes = (n: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    }).format(n / 1e6);
  const total = progress?.total ?? null;
  const percent =
    progress !== null && total !== null && total > 0 ? Math.floor((progress.received / total) * 100) : null;
  const label =
    progress === null
      ? t('codes.downloading')
      : total === null
        ? t('codes.received', { received: bytes(progress.received) })
        : t('codes.receivedOf', { received: bytes(progress.received), total: bytes(total), percent });

  return (
    <div className={`header-progress ${className}`} aria-live="polite">
      <progress
        aria-label={t('codes.downloading')}
        {...(percent === null ? {} : { value: percent, max: 100 })}
      />
      <span className="muted">{label}</span>
      <button type="button" onClick={onCancel}>
        {t('codes.cancel')}
      </button>
    </div>
  );
}
