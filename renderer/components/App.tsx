import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotices } from '../../app/ipcContract';
import { call } from '../api';
import { useConnections } from '../hooks/useConnections';
import { CodesPanel } from './CodesPanel';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';

export function App() {
  const { t } = useTranslation();
  const { connections, add, reload } = useConnections();
  const [notices, setNotices] = useState<AppNotices | null>(null);
  const connection = connections?.[0] ?? null;

  useEffect(() => {
    void call('app:notices').then(setNotices);
  }, []);

  return (
    <main className="app" aria-busy={connections === null}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
      </header>
      {notices?.settingsSetAside != null && (
        <p className="notice" role="alert">
          {t('connection.settingsSetAside', { path: notices.settingsSetAside })}
        </p>
      )}
      {connections !== null && connection === null && <ConnectionForm onSave={add} />}
      {connection !== null && (
        <>
          <ConnectionCard connection={connection} onChanged={reload} />
          {connection.hasToken && (
            <CodesPanel key={connection.id} connection={connection} onChanged={reload} />
          )}
        </>
      )}
    </main>
  );
}
