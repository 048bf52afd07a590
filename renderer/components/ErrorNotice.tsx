import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';

/** A failure in plain words, what to do next, and the technical detail folded away. */
export function ErrorNotice({ error, onRetry }: { error: AppErrorInfo; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = [error.altcraft?.errorText, error.detail].filter(Boolean).join('\n');
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(`error.${error.code}`, { defaultValue: error.message })}</p>
      {detail !== '' && (
        <details>
          <summary>{t('error.details')}</summary>
          <pre>{detail}</pre>
        </details>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
