import { useTranslation } from 'react-i18next';
import { call } from '../api';
import type { SaveRequest, SaveState } from '../hooks/useExport';
import { ErrorNotice } from './ErrorNotice';

/** The save under way (codes written so far, Cancel saving) or how it ended, at the foot of the pane. */
export function SaveStatus({
  state,
  onCancel,
  onRetry,
  onDismiss,
}: {
  state: SaveState;
  onCancel: () => void;
  onRetry: (request: SaveRequest) => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (state.phase === 'idle') return null;
  if (state.phase === 'failed')
    return (
      <div className="save-status">
        <ErrorNotice
          error={state.error}
          {...(state.error.code === 'cancelled' ? {} : { onRetry: () => onRetry(state.request) })}
          action={{ label: t('error.dismiss'), onClick: onDismiss }}
        />
      </div>
    );
  if (state.phase === 'saved')
    return (
      <div className="save-status status-line">
        <span role="status">{t('codes.saved', { rows: state.saved.rows, path: state.saved.path })}</span>
        <button type="button" onClick={() => void call('exports:showInFolder', { path: state.saved.path })}>
          {t('recent.show')}
        </button>
        <button type="button" className="quiet" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      </div>
    );
  const { progress } = state;
  return (
    <div className="save-status status-line" aria-live="polite">
      <progress
        aria-label={t('codes.saving')}
        {...(progress === null || progress.rowsTotal === 0
          ? {}
          : { value: progress.rowsWritten, max: progress.rowsTotal })}
      />
      <span>
        {progress === null
          ? t('codes.saving')
          : t('codes.savingProgress', {
              written: number.format(progress.rowsWritten),
              total: number.format(progress.rowsTotal),
            })}
      </span>
      <button type="button" onClick={onCancel}>
        {t('codes.cancelSave')}
      </button>
    </div>
  );
}
