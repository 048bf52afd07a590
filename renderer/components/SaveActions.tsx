import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { CodeView } from '../../app/codeView';
import type { AppEvents, SavedWorkbook } from '../../app/ipcContract';
import { call, failureInfo } from '../api';
import { useCsvDelimiter } from '../hooks/useCsvDelimiter';
import { CsvDelimiterSelect } from './CsvDelimiterSelect';
import { ErrorNotice } from './ErrorNotice';

/**
 * "Save as Excel…" and "Save as CSV…": all codes, or only the ones the filter shows; the programs
 * chosen in the list go into one workbook together.
 */
export function SaveActions({
  connectionId,
  loyaltyId,
  alsoLoyaltyIds,
  view,
  onSaved,
}: {
  connectionId: string;
  loyaltyId: number;
  /** Other fetched programs to put in the same workbook. */
  alsoLoyaltyIds: number[];
  view: CodeView;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const language = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const filtered = view.filter.status !== null || view.filter.search !== '';
  const [onlyShown, setOnlyShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<AppEvents['workbook:progress'] | null>(null);
  const [saved, setSaved] = useState<SavedWorkbook | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [delimiter, setDelimiter] = useCsvDelimiter();
  const filter = filtered && onlyShown ? view.filter : { status: null, search: '' };

  const save = async (kind: 'xlsx' | 'csv') => {
    setSaving(true);
    setProgress(null);
    setError(null);
    setSaved(null);
    try {
      const result =
        kind === 'xlsx'
          ? await call('workbook:save', {
              connectionId,
              loyaltyIds: [loyaltyId, ...alsoLoyaltyIds],
              filter,
              language,
            })
          : await call('csv:save', { connectionId, loyaltyId, filter, language, delimiter });
      setSaved(result);
      if (result !== null) onSaved();
    } catch (failure) {
      setError(failureInfo(failure));
    } finally {
      setSaving(false);
    }
  };

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => window.promoExporter.on('workbook:progress', setProgress), []);
  // File → Save as Excel… / Save as CSV…, for the codes on screen.
  useEffect(
    () =>
      window.promoExporter.on('menu:command', ({ command }) => {
        if (command === 'save-excel') void saveRef.current('xlsx');
        else if (command === 'save-csv') void saveRef.current('csv');
      }),
    [],
  );

  return (
    <div className="save-actions">
      {filtered && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyShown} onChange={(e) => setOnlyShown(e.target.checked)} />
          {t('codes.onlyShown')}
        </label>
      )}
      <button type="button" onClick={() => void save('xlsx')} disabled={saving}>
        {t('codes.saveExcel')}
      </button>
      <button type="button" onClick={() => void save('csv')} disabled={saving}>
        {t('codes.saveCsv')}
      </button>
      <CsvDelimiterSelect value={delimiter} onChange={setDelimiter} disabled={saving} />
      {saving && (
        <span className="progress" aria-live="polite">
          <progress
            aria-label={t('codes.saving')}
            {...(progress === null || progress.rowsTotal === 0
              ? {}
              : { value: progress.rowsWritten, max: progress.rowsTotal })}
          />
          <span className="muted">
            {progress === null
              ? t('codes.saving')
              : t('codes.savingProgress', {
                  written: number.format(progress.rowsWritten),
                  total: number.format(progress.rowsTotal),
                })}
          </span>
          <button type="button" onClick={() => void call('workbook:cancel')}>
            {t('codes.cancelSave')}
          </button>
        </span>
      )}
      {saved !== null && (
        <span role="status" className="muted">
          {t('codes.saved', { rows: saved.rows, path: saved.path })}
        </span>
      )}
      {error !== null && <ErrorNotice error={error} onRetry={() => void save('xlsx')} />}
    </div>
  );
}
