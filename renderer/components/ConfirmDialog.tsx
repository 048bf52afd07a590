import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import { failureInfo } from '../api';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

/**
 * Asks before something is lost, saying what will be lost. Cancel is where focus starts, so a
 * hurried Enter keeps everything.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(failureInfo(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{message}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="danger-strong" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
