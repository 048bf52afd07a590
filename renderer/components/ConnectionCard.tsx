import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { ConnectionCheck, ConnectionView } from '../../app/ipcContract';
import { call, failureInfo } from '../api';
import { ErrorNotice } from './ErrorNotice';
import { HostChangeForm } from './HostChangeForm';
import { InlineEditForm } from './InlineEditForm';

type Editing = 'token' | 'name' | 'host' | null;

/** A saved connection. Its token is write-only: shown as saved, with Replace and Forget. */
export function ConnectionCard({
  connection,
  onChanged,
}: {
  connection: ConnectionView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const connectionId = connection.id;

  /** Runs a change; a failure stays on screen and is thrown on, so an edit form stays open. */
  const attempt = async (work: () => Promise<unknown>) => {
    setError(null);
    setCheck(null);
    try {
      await work();
      await onChanged();
    } catch (failure) {
      setError(failureInfo(failure));
      throw failure;
    }
  };
  const runCheck = async () => {
    setChecking(true);
    setCheck(null);
    setError(null);
    try {
      setCheck(await call('connections:check', { connectionId }));
    } catch (failure) {
      setError(failureInfo(failure));
    } finally {
      setChecking(false);
    }
  };
  const forget = () => {
    if (window.confirm(t('connection.forgetConfirm', { name: connection.name }))) {
      void attempt(() => call('connections:forget', { connectionId })).catch(() => undefined);
    }
  };
  const editor = {
    token: {
      label: t('connection.newToken'),
      initial: '',
      secret: true,
      save: (token: string) => call('connections:replaceToken', { connectionId, token }),
    },
    name: {
      label: t('connection.newName'),
      initial: connection.name,
      secret: false,
      save: (name: string) => call('connections:rename', { connectionId, name }),
    },
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
          <button type="button" onClick={() => void runCheck()} disabled={checking || !connection.hasToken}>
            {checking ? t('connection.checking') : t('connection.check')}
          </button>
          <button type="button" onClick={() => setEditing('token')} aria-expanded={editing === 'token'}>
            {t('connection.replaceToken')}
          </button>
          <button type="button" onClick={() => setEditing('name')} aria-expanded={editing === 'name'}>
            {t('connection.rename')}
          </button>
          <button type="button" onClick={() => setEditing('host')} aria-expanded={editing === 'host'}>
            {t('connection.changeHost')}
          </button>
          <button type="button" onClick={forget}>
            {t('connection.forget')}
          </button>
        </span>
      </div>
      {editing === 'host' && (
        <HostChangeForm
          initial={connection.host}
          onSave={({ host, token }) =>
            attempt(() => call('connections:setHost', { connectionId, host, token }))
          }
          onClose={() => setEditing(null)}
        />
      )}
      {editing !== null && editing !== 'host' && (
        <InlineEditForm
          key={editing}
          label={editor[editing].label}
          initial={editor[editing].initial}
          secret={editor[editing].secret}
          onSave={(value) => attempt(() => editor[editing].save(value))}
          onClose={() => setEditing(null)}
        />
      )}
      {check !== null &&
        (check.status === 'ok' ? (
          <p role="status">{t('connection.check_ok')}</p>
        ) : (
          <ErrorNotice error={check.error} summary={t(`connection.check_${check.status}`)} />
        ))}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
