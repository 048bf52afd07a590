import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';

/** A failure in plain words, what to do next, and the technical detail folded away. */
export function ErrorNotice({
  error,
  summary,
  onRetry,
  action,
}: {
  error: AppErrorInfo;
  /** Words for this situation, when the error's own translation does not fit it. */
  summary?: string;
  onRetry?: () => void;
  /** A way to mend the cause where there is one (replacing a refused token, say). */
  action?: { label: string; onClick: () => void };
}) {
  const { t } = useTranslation();
  const detail = [error.altcraft?.errorText, error.detail].filter(Boolean).join('\n');
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {summary ??
          t(`error.${error.code}`, {
            defaultValue: error.message,
            // Why a file could not be read, for the one message every unreadable file gets.
            reason: t(`unreadable.${error.reason ?? 'not-a-workbook'}`),
          })}
      </p>
      {detail !== '' && (
        <details>
          <summary>{t('error.details')}</summary>
          <pre>{detail}</pre>
        </details>
      )}
      {(onRetry !== undefined || action !== undefined) && (
        <div className="row">
          {action !== undefined && (
            <button type="button" onClick={action.onClick}>
              {action.label}
            </button>
          )}
          {onRetry !== undefined && (
            <button type="button" onClick={onRetry}>
              {t('error.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
