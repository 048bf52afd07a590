import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { ConnectionCheck, ConnectionView } from '../../app/ipcContract';
import { call, failureInfo } from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { HostChangeForm } from './HostChangeForm';
import { InlineEditForm } from './InlineEditForm';

type Editing = 'token' | 'name' | 'host' | null;

/**
 * A saved connection's settings: check it, rename it, change its address, replace its token
 * (write-only: shown only as saved), or forget it after saying what that loses.
 */
export function ConnectionDialog({
  connection,
  onChanged,
  onClose,
}: {
  connection: ConnectionView;
  onChanged: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [forgetting, setForgetting] = useState(false);
  const connectionId = connection.id;

  /** Runs a change; a failure stays on screen and is thrown on, so the edit form stays open. */
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
  // A new address comes with its token: main removes the saved one, entered for the old address.
  const hostForm = (
    <HostChangeForm
      initial={connection.host}
      onSave={({ host, token }) => attempt(() => call('connections:setHost', { connectionId, host, token }))}
      onClose={() => setEditing(null)}
    />
  );
  const fact = (key: Exclude<Editing, null>, term: string, value: string, change: string) => (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
      <dd>
        <button type="button" onClick={() => setEditing(key)} aria-expanded={editing === key}>
          {change}
        </button>
      </dd>
      {editing === key && (
        <dd className="edit-row">
          {key === 'host' ? (
            hostForm
          ) : (
            <InlineEditForm
              label={editor[key].label}
              initial={editor[key].initial}
              secret={editor[key].secret}
              onSave={(value) => attempt(() => editor[key].save(value))}
              onClose={() => setEditing(null)}
            />
          )}
        </dd>
      )}
    </>
  );

  if (forgetting)
    return (
      <ConfirmDialog
        title={t('connection.forgetTitle', { name: connection.name })}
        message={t('connection.forgetConfirm', { name: connection.name })}
        confirmLabel={t('connection.forget')}
        onConfirm={async () => {
          await call('connections:forget', { connectionId });
          await onChanged();
        }}
        onClose={onClose}
      />
    );

  return (
    <Dialog title={t('connection.settingsTitle', { name: connection.name })} onClose={onClose}>
      <dl className="facts">
        {fact('name', t('connection.name'), connection.name, t('connection.rename'))}
        {fact('host', t('connection.host'), connection.host, t('connection.changeHost'))}
        {fact(
          'token',
          t('connection.token'),
          connection.hasToken ? t('connection.tokenSaved') : t('connection.tokenMissing'),
          t('connection.replaceToken'),
        )}
      </dl>
      <div className="row">
        <button type="button" onClick={() => void runCheck()} disabled={checking || !connection.hasToken}>
          {checking ? t('connection.checking') : t('connection.check')}
        </button>
        {check?.status === 'ok' && <span role="status">{t('connection.check_ok')}</span>}
      </div>
      {check !== null && check.status !== 'ok' && (
        <ErrorNotice error={check.error} summary={t(`connection.check_${check.status}`)} />
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="danger-zone">
        <p className="muted">{t('connection.forgetHint')}</p>
        <button type="button" className="danger" onClick={() => setForgetting(true)}>
          {t('connection.forgetMenu')}
        </button>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}
