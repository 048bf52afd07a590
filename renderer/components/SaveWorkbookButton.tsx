import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { SavedWorkbook } from '../../app/ipcContract';
import { call, failureInfo } from '../api';
import { ErrorNotice } from './ErrorNotice';

/** "Save as Excel…": the native save dialog, then the workbook written by the main process. */
export function SaveWorkbookButton({ connectionId, loyaltyId }: { connectionId: string; loyaltyId: number }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedWorkbook | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(
        await call('workbook:save', {
          connectionId,
          loyaltyIds: [loyaltyId],
          filter: { status: null, search: '' },
        }),
      );
    } catch (failure) {
      setError(failureInfo(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <span className="save-workbook">
      <button type="button" onClick={() => void save()} disabled={saving}>
        {saving ? t('codes.saving') : t('codes.saveExcel')}
      </button>
      {saved !== null && (
        <span role="status" className="muted">
          {t('codes.saved', { rows: saved.rows, path: saved.path })}
        </span>
      )}
      {error !== null && <ErrorNotice error={error} onRetry={() => void save()} />}
    </span>
  );
}
