import { useTranslation } from 'react-i18next';
import { useConnections } from '../hooks/useConnections';
import { CodesPanel } from './CodesPanel';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';

export function App() {
  const { t } = useTranslation();
  const { connections, add, replaceToken, forget } = useConnections();
  const connection = connections?.[0] ?? null;

  return (
    <main className="app" aria-busy={connections === null}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
      </header>
      {connections !== null && connection === null && <ConnectionForm onSave={add} />}
      {connection !== null && (
        <>
          <ConnectionCard
            connection={connection}
            onReplaceToken={(token) => replaceToken(connection.id, token)}
            onForget={() => forget(connection.id)}
          />
          {connection.hasToken && <CodesPanel key={connection.id} connection={connection} />}
        </>
      )}
    </main>
  );
}
