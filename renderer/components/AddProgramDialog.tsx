import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import { failureInfo } from '../api';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

/**
 * Adding a loyalty program to the list: its ID (Altcraft cannot list them) and, if liked, a name.
 * Its codes are fetched straight away.
 */
export function AddProgramDialog({
  onAdd,
  onClose,
}: {
  onAdd: (loyaltyId: number, name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [loyaltyId, setLoyaltyId] = useState('');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const id = Number(loyaltyId.trim());
  const validId = /^\d+$/.test(loyaltyId.trim()) && Number.isSafeInteger(id) && id > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validId || saving) return;
    setSaving(true);
    setError(null);
    try {
      await onAdd(id, name.trim());
      onClose();
    } catch (failure) {
      setError(failureInfo(failure));
      setSaving(false);
    }
  };

  return (
    <Dialog title={t('programs.addTitle')} onClose={onClose}>
      <form className="connection-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('codes.loyaltyId')}
          <input
            inputMode="numeric"
            value={loyaltyId}
            onChange={(e) => setLoyaltyId(e.target.value)}
            aria-describedby="loyalty-hint"
            autoFocus
          />
        </label>
        <p id="loyalty-hint" className="muted">
          {t('codes.loyaltyIdHint')}
        </p>
        <label>
          {t('programs.nameOptional')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {error !== null && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!validId || saving}>
            {t('programs.addAndGet')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
