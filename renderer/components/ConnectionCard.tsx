import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { ConnectionView } from '../../app/ipcContract';
import { failureInfo } from '../api';
import { ErrorNotice } from './ErrorNotice';

/** A saved connection. Its token is write-only: shown as saved, with Replace and Forget. */
export function ConnectionCard({
  connection,
  onReplaceToken,
  onForget,
}: {
  connection: ConnectionView;
  onReplaceToken: (token: string) => Promise<void>;
  onForget: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [replacing, setReplacing] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failureInfo(failure));
    }
  };
  const saveToken = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    void attempt(async () => {
      await onReplaceToken(token.trim());
      setToken('');
      setReplacing(false);
    });
  };
  const forget = () => {
    if (window.confirm(t('connection.forgetConfirm', { name: connection.name }))) void attempt(onForget);
  };

  return (
    <section className="card connection" aria-label={t('connection.heading')}>
      <div className="connection-summary">
        <strong>{connection.name}</strong>
        <span className="muted">{connection.host}</span>
        <span className={connection.hasToken ? 'token-state saved' : 'token-state missing'}>
          {t('connection.token')}:{' '}
          {connection.hasToken ? t('connection.tokenSaved') : t('connection.tokenMissing')}
        </span>
        <span className="actions">
          <button type="button" onClick={() => setReplacing(!replacing)} aria-expanded={replacing}>
            {t('connection.replaceToken')}
          </button>
          <button type="button" onClick={forget}>
            {t('connection.forget')}
          </button>
        </span>
      </div>
      {replacing && (
        <form className="inline-form" onSubmit={saveToken}>
          <label>
            {t('connection.newToken')}
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              autoFocus
            />
          </label>
          <button type="submit" disabled={token.trim() === ''}>
            {t('connection.saveToken')}
          </button>
          <button type="button" onClick={() => setReplacing(false)}>
            {t('connection.cancel')}
          </button>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
