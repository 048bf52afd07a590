import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import { normaliseHost } from '../../app/host';
import { failureInfo } from '../api';
import { ErrorNotice } from './ErrorNotice';

/** Adding a connection: a name, the Altcraft address (checked as it is typed) and the token. */
export function ConnectionForm({
  onSave,
  onCancel,
  labelledBy,
}: {
  onSave: (input: { name: string; host: string; token: string }) => Promise<void>;
  onCancel?: () => void;
  /** The id of the heading that names the form where it is shown. */
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [token, setToken] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const hostCheck = host.trim() === '' ? null : normaliseHost(host);
  const hostProblem =
    hostCheck === null || hostCheck.ok
      ? null
      : hostCheck.reason === 'https-required'
        ? t('connection.httpsRequired')
        : t('connection.invalidHost');
  const ready = name.trim() !== '' && hostCheck?.ok === true && token.trim() !== '' && !saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setSaving(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), host, token: token.trim() });
    } catch (failure) {
      setError(failureInfo(failure));
      setSaving(false);
    }
  };

  return (
    <form className="connection-form" onSubmit={(event) => void submit(event)} aria-labelledby={labelledBy}>
      <label>
        {t('connection.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('connection.namePlaceholder')}
        />
      </label>
      <label>
        {t('connection.host')}
        <input
          value={host}
          onChange={(e) => setHost(e.target.value)}
          placeholder={t('connection.hostPlaceholder')}
          aria-invalid={hostProblem !== null}
          aria-describedby="host-problem"
          spellCheck={false}
        />
      </label>
      <p id="host-problem" className="field-problem" aria-live="polite">
        {hostProblem ?? (hostCheck?.ok === true ? hostCheck.host : '')}
      </p>
      <label>
        {t('connection.token')}
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </label>
      {error !== null && <ErrorNotice error={error} />}
      <div className="dialog-actions">
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            {t('connection.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={!ready}>
          {saving ? t('connection.saving') : t('connection.save')}
        </button>
      </div>
    </form>
  );
}
