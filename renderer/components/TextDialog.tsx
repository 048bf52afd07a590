import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import { failureInfo } from '../api';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

/** One line of text asked for in a dialog (a new name, say); Enter saves, Escape closes. */
export function TextDialog({
  title,
  label,
  initial,
  allowEmpty = false,
  onSave,
  onClose,
}: {
  title: string;
  label: string;
  initial: string;
  /** An empty answer is a choice too (a program without a name of its own). */
  allowEmpty?: boolean;
  onSave: (value: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const ready = (allowEmpty || value.trim() !== '') && !saving;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(value.trim());
      onClose();
    } catch (failure) {
      setError(failureInfo(failure));
      setSaving(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="connection-form" onSubmit={(event) => void submit(event)}>
        <label>
          {label}
          <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus spellCheck={false} />
        </label>
        {error !== null && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {t('dialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
