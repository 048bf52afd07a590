import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import type { AppNotices, OpenedWorkbook as Opened } from '../../app/ipcContract';
import { call, failureInfo } from '../api';
import { useConnections } from '../hooks/useConnections';
import { useRecentExports } from '../hooks/useRecentExports';
import { CodesPanel } from './CodesPanel';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { ErrorNotice } from './ErrorNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { OpenedWorkbook } from './OpenedWorkbook';
import { RecentExports } from './RecentExports';
import { WorkbookReading } from './WorkbookReading';

export function App() {
  const { t } = useTranslation();
  const { connections, add, reload } = useConnections();
  const recent = useRecentExports();
  const [notices, setNotices] = useState<AppNotices | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [openError, setOpenError] = useState<AppErrorInfo | null>(null);
  const [reading, setReading] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const connection = connections?.find((c) => c.id === chosenId) ?? connections?.[0] ?? null;

  const openWorkbook = useCallback(async () => {
    setOpenError(null);
    setReading(true);
    try {
      const workbook = await call('workbook:open');
      if (workbook !== null) setOpened(workbook);
    } catch (failure) {
      const info = failureInfo(failure);
      // Cancel was the person's own choice: nothing to report.
      if (info.code !== 'cancelled') setOpenError(info);
    } finally {
      setReading(false);
    }
  }, []);

  useEffect(() => {
    void call('app:notices').then(setNotices);
  }, []);

  // File → Open Workbook…; the save commands are answered by the code browser's SaveActions.
  useEffect(
    () =>
      window.promoExporter.on('menu:command', ({ command }) => {
        if (command === 'open-workbook') void openWorkbook();
      }),
    [openWorkbook],
  );

  // Last of the page's first effects: it now listens, so main may send what it held for it (a menu
  // command chosen while the page loaded).
  useEffect(() => {
    void call('app:ready');
  }, []);

  return (
    <main className="app" aria-busy={connections === null}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="actions">
          <button type="button" onClick={() => void openWorkbook()}>
            {t('review.open')}
          </button>
          <LanguageSwitch />
        </span>
      </header>
      {notices?.settingsSetAside != null && (
        <p className="notice" role="alert">
          {t('connection.settingsSetAside', { path: notices.settingsSetAside })}
        </p>
      )}
      {reading && <WorkbookReading />}
      {openError !== null && <ErrorNotice error={openError} />}
      {opened !== null && (
        <OpenedWorkbook key={opened.sourceId} workbook={opened} onClose={() => setOpened(null)} />
      )}
      {connections !== null && (connection === null || adding) && (
        <ConnectionForm
          onSave={async (input) => {
            const added = await add(input);
            setChosenId(added.id);
            setAdding(false);
          }}
          {...(connection === null ? {} : { onCancel: () => setAdding(false) })}
        />
      )}
      {connections !== null && connections.length > 0 && !adding && (
        <div className="connection-picker">
          {connections.length > 1 && (
            <label className="checkbox">
              <span aria-hidden="true">{t('connection.choose')}</span>
              <select
                value={connection?.id}
                onChange={(e) => setChosenId(e.target.value)}
                aria-label={t('connection.choose')}
              >
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={() => setAdding(true)}>
            {t('connection.add')}
          </button>
        </div>
      )}
      {connection !== null && (
        <>
          <ConnectionCard connection={connection} onChanged={reload} />
          {connection.hasToken && (
            <CodesPanel
              key={connection.id}
              connection={connection}
              onChanged={reload}
              onSaved={recent.refresh}
            />
          )}
        </>
      )}
      <RecentExports exports={recent.exports} />
    </main>
  );
}
