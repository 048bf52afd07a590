import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingProgress } from '../../app/reviewContract';
import { call } from '../api';

/** While a workbook is read: how far, and Cancel (the reading then ends as cancelled). */
export function WorkbookReading() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<ReadingProgress | null>(null);
  useEffect(() => window.promoExporter.on('review:progress', setProgress), []);
  const percent =
    progress === null || progress.bytesTotal === 0
      ? 0
      : Math.min(100, Math.floor((progress.bytesRead / progress.bytesTotal) * 100));
  return (
    <div className="progress" aria-live="polite">
      <progress aria-label={t('review.reading', { percent })} value={percent} max={100} />
      <span>{t('review.reading', { percent })}</span>
      <button type="button" onClick={() => void call('review:cancel').catch(() => undefined)}>
        {t('review.cancel')}
      </button>
    </div>
  );
}
