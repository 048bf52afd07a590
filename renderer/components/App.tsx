import { useEffect, useState } from 'react';
import type { AppNotices } from '../../app/ipcContract';
import { call } from '../api';
import { useConnections } from '../hooks/useConnections';
import { useLatestCallback } from '../hooks/useLatestCallback';
import { useOpenedFiles } from '../hooks/useOpenedFiles';
import { useSelection } from '../hooks/useSelection';
import { Welcome } from './Welcome';
import { Workspace } from './Workspace';

/**
 * The whole window: a calm welcome until there is a connection (or an opened workbook), then the
 * workspace with its sidebar and main pane.
 */
export function App() {
  const { connections, add, reload } = useConnections();
  const files = useOpenedFiles();
  const selection = useSelection();
  const [notices, setNotices] = useState<AppNotices | null>(null);

  useEffect(() => {
    void call('app:notices').then(setNotices);
  }, []);

  const openWorkbook = useLatestCallback(() => {
    void files.open().then((opened) => {
      if (opened !== null) selection.selectFile(opened.sourceId);
    });
  });
  // File → Open workbook… works on the welcome screen too.
  useEffect(
    () =>
      window.promoExporter.on('menu:command', ({ command }) => {
        if (command === 'open-workbook') openWorkbook();
      }),
    [openWorkbook],
  );

  // Last of the page's first effects: it now listens, so main may send what it held for it (a menu
  // command chosen while the page loaded).
  useEffect(() => {
    void call('app:ready');
  }, []);

  if (connections === null || !selection.ready) return <main className="welcome" aria-busy="true" />;
  if (connections.length === 0 && files.files.length === 0)
    return (
      <Welcome
        onAdd={async (input) => {
          const added = await add(input);
          selection.selectConnection(added.id);
        }}
        onOpenWorkbook={openWorkbook}
        openError={files.error}
        reading={files.reading}
      />
    );
  return (
    <Workspace
      connections={connections}
      addConnection={add}
      reloadConnections={reload}
      files={files}
      openWorkbook={openWorkbook}
      selection={selection}
      notices={notices}
    />
  );
}
