import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotices, ConnectionView, MenuCommand } from '../../app/ipcContract';
import { call } from '../api';
import type { useOpenedFiles } from '../hooks/useOpenedFiles';
import { ALL_CODES, programSave, useExport } from '../hooks/useExport';
import { useLatestCallback } from '../hooks/useLatestCallback';
import { useProgramFetches } from '../hooks/useProgramFetches';
import { useRecentExports } from '../hooks/useRecentExports';
import type { Selection } from '../hooks/useSelection';
import { resolveSelection } from '../hooks/useSelection';
import { clickById, focusById, useShortcuts } from '../hooks/useShortcuts';
import { AddConnectionDialog } from './AddConnectionDialog';
import { AddProgramDialog } from './AddProgramDialog';
import { SEARCH_ID } from './CodeBrowser';
import { CombineDialog } from './CombineDialog';
import { ConnectionDialog } from './ConnectionDialog';
import { ErrorNotice } from './ErrorNotice';
import { EXPORT_BUTTON_ID, ExportMenu } from './ExportMenu';
import { FilePane } from './FilePane';
import { Icon } from './Icon';
import { ProgramPane } from './ProgramPane';
import { SaveStatus } from './SaveStatus';
import { SettingsPane } from './SettingsPane';
import { Sidebar } from './Sidebar';
import { WorkbookReading } from './WorkbookReading';

type Dialogs =
  | { kind: 'add-program' }
  | { kind: 'add-connection' }
  | { kind: 'connection'; connectionId: string }
  | { kind: 'combine' }
  | null;

/** The window once there is something to show: the sidebar, and the main pane for what it selects. */
export function Workspace({
  connections,
  addConnection,
  reloadConnections,
  files,
  openWorkbook,
  selection,
  notices,
}: {
  connections: ConnectionView[];
  addConnection: (input: { name: string; host: string; token: string }) => Promise<ConnectionView>;
  reloadConnections: () => Promise<void>;
  files: ReturnType<typeof useOpenedFiles>;
  openWorkbook: () => void;
  selection: Selection;
  notices: AppNotices | null;
}) {
  const { t } = useTranslation();
  const recent = useRecentExports();
  const fetches = useProgramFetches();
  const exporter = useExport(recent.refresh);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const { connection, shown } = resolveSelection(selection, connections, files.files);
  const program =
    shown?.kind === 'program' ? connection?.programs.find((p) => p.loyaltyId === shown.loyaltyId) : undefined;
  const codes =
    connection !== null && program !== undefined ? fetches.codesOf(connection.id, program.loyaltyId) : null;

  const getCodes = useCallback(
    async (connectionId: string, loyaltyId: number) => {
      await fetches.fetchCodes(connectionId, loyaltyId);
      await reloadConnections();
    },
    [fetches, reloadConnections],
  );
  const refresh = () => {
    if (connection?.hasToken && program !== undefined && codes?.fetching === null)
      void getCodes(connection.id, program.loyaltyId);
  };
  /** The File menu's Save items: every code of the program on screen. */
  const saveAll = (kind: 'xlsx' | 'csv') => {
    if (connection === null || program === undefined || codes?.summary == null) return;
    void exporter.save(programSave(kind, connection.id, program.loyaltyId, ALL_CODES));
  };

  /** A comparison's changed codes, as a workbook or a CSV file. */
  const saveChanges = (comparisonId: string, format: 'xlsx' | 'csv') =>
    void exporter.save({ kind: 'changes', comparisonId, format });

  useShortcuts({
    find: () => focusById(SEARCH_ID),
    exportMenu: () => clickById(EXPORT_BUTTON_ID),
    refresh,
  });
  const onMenu = useLatestCallback((command: MenuCommand) => {
    if (command === 'save-excel') saveAll('xlsx');
    else if (command === 'save-csv') saveAll('csv');
    else if (command === 'export') clickById(EXPORT_BUTTON_ID);
    else if (command === 'find') focusById(SEARCH_ID);
    else if (command === 'refresh') refresh();
  });
  useEffect(() => window.promoExporter.on('menu:command', ({ command }) => onMenu(command)), [onMenu]);

  const addProgram = async (loyaltyId: number, name: string) => {
    if (connection === null) return;
    // A program already in the list keeps its name unless a new one is typed.
    const known = connection.programs.some((p) => p.loyaltyId === loyaltyId);
    if (!known || name !== '') {
      await call('programs:add', { connectionId: connection.id, loyaltyId, name });
      await reloadConnections();
    }
    selection.selectProgram(connection.id, loyaltyId);
    void getCodes(connection.id, loyaltyId);
  };
  const managed =
    dialog?.kind === 'connection' ? connections.find((c) => c.id === dialog.connectionId) : undefined;

  return (
    <div className="workspace">
      <Sidebar
        connections={connections}
        connection={connection}
        shown={shown}
        codesOf={(loyaltyId) =>
          connection === null ? fetches.codesOf('', loyaltyId) : fetches.codesOf(connection.id, loyaltyId)
        }
        files={files.files}
        recentExports={recent.exports}
        on={{
          switchConnection: selection.selectConnection,
          manageConnection: () =>
            connection !== null && setDialog({ kind: 'connection', connectionId: connection.id }),
          addConnection: () => setDialog({ kind: 'add-connection' }),
          selectProgram: (loyaltyId) =>
            connection !== null && selection.selectProgram(connection.id, loyaltyId),
          addProgram: () => setDialog({ kind: 'add-program' }),
          selectFile: selection.selectFile,
          closeFile: files.close,
          openWorkbook,
          settings: selection.selectSettings,
        }}
      />
      <main className="main-pane">
        {(notices?.settingsSetAside != null || files.error !== null || files.reading) && (
          <div className="pane-notices">
            {notices?.settingsSetAside != null && (
              <p className="notice" role="alert">
                {t('connection.settingsSetAside', { path: notices.settingsSetAside })}
              </p>
            )}
            {files.reading && <WorkbookReading />}
            {files.error !== null && (
              <ErrorNotice
                error={files.error}
                action={{ label: t('error.dismiss'), onClick: files.dismissError }}
              />
            )}
          </div>
        )}
        {shown?.kind === 'settings' ? (
          <SettingsPane
            connections={connections}
            onManage={(connectionId) => setDialog({ kind: 'connection', connectionId })}
            onAddConnection={() => setDialog({ kind: 'add-connection' })}
          />
        ) : shown?.kind === 'file' ? (
          files.files
            .filter((f) => f.sourceId === shown.sourceId)
            .map((file) => (
              <FilePane
                key={file.sourceId}
                workbook={file}
                onClose={() => files.close(file.sourceId)}
                saves={{ saveChanges, busy: exporter.state.phase === 'saving' }}
              />
            ))
        ) : connection !== null && program !== undefined && codes !== null ? (
          <ProgramPane
            key={`${connection.id} ${program.loyaltyId}`}
            connection={connection}
            program={program}
            codes={codes}
            on={{
              get: () => void getCodes(connection.id, program.loyaltyId),
              cancel: () => fetches.cancel(connection.id, program.loyaltyId),
              rename: async (name) => {
                await call('programs:rename', {
                  connectionId: connection.id,
                  loyaltyId: program.loyaltyId,
                  name,
                });
                await reloadConnections();
              },
              remove: async () => {
                await call('programs:remove', { connectionId: connection.id, loyaltyId: program.loyaltyId });
                await reloadConnections();
              },
              manageConnection: () => setDialog({ kind: 'connection', connectionId: connection.id }),
            }}
            saves={{
              saveChanges,
              saveWithChanges: (comparisonId) =>
                void exporter.save({
                  kind: 'xlsx',
                  connectionId: connection.id,
                  loyaltyIds: [program.loyaltyId],
                  filter: ALL_CODES,
                  changesOf: comparisonId,
                }),
              busy: exporter.state.phase === 'saving',
            }}
            toolbarEnd={(view, shownCount) => (
              <ExportMenu
                filter={view.filter}
                shown={shownCount}
                total={codes.summary?.total ?? 0}
                busy={exporter.state.phase === 'saving'}
                onSave={(kind, filter) =>
                  void exporter.save(programSave(kind, connection.id, program.loyaltyId, filter))
                }
                onCombine={() => setDialog({ kind: 'combine' })}
              />
            )}
          />
        ) : (
          <div className="pane-empty">
            <h3>{t(connection === null ? 'workspace.noConnection' : 'workspace.noPrograms')}</h3>
            <p className="muted">
              {t(connection === null ? 'workspace.noConnectionHint' : 'workspace.noProgramsHint')}
            </p>
            <button
              type="button"
              className="primary"
              onClick={() => setDialog({ kind: connection === null ? 'add-connection' : 'add-program' })}
            >
              <Icon name="plus" /> {t(connection === null ? 'connection.add' : 'programs.add')}
            </button>
          </div>
        )}
        <SaveStatus
          state={exporter.state}
          onCancel={exporter.cancel}
          onRetry={(request) => void exporter.save(request)}
          onDismiss={exporter.dismiss}
        />
      </main>

      {dialog?.kind === 'add-program' && (
        <AddProgramDialog onAdd={addProgram} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'add-connection' && (
        <AddConnectionDialog
          onAdd={async (input) => {
            const added = await addConnection(input);
            selection.selectConnection(added.id);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {managed !== undefined && (
        <ConnectionDialog
          connection={managed}
          onChanged={reloadConnections}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'combine' && connection !== null && (
        <CombineDialog
          connection={connection}
          heldIds={fetches.heldFor(connection.id).map((s) => s.loyaltyId)}
          startWith={program?.loyaltyId ?? null}
          onSave={(loyaltyIds) =>
            void exporter.save({ kind: 'xlsx', connectionId: connection.id, loyaltyIds, filter: ALL_CODES })
          }
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
