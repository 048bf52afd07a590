import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, OpenedWorkbook, RecentExportView } from '../../app/ipcContract';
import type { ProgramCodes } from '../hooks/useProgramFetches';
import type { Selected } from '../hooks/useSelection';
import { ConnectionSwitcher } from './ConnectionSwitcher';
import { FileNav } from './FileNav';
import { Icon } from './Icon';
import { ProgramNav } from './ProgramNav';
import { RecentExportsNav } from './RecentExportsNav';

/**
 * The sidebar: the connection in use, its loyalty programs and "Add program", then opened files
 * and recent exports, with Settings at the foot. Up and Down move through it; a program or file
 * under focus is shown at once.
 */
export function Sidebar({
  connections,
  connection,
  shown,
  codesOf,
  files,
  recentExports,
  on,
}: {
  connections: ConnectionView[];
  connection: ConnectionView | null;
  shown: Selected | null;
  codesOf: (loyaltyId: number) => ProgramCodes;
  files: OpenedWorkbook[];
  recentExports: RecentExportView[];
  on: {
    switchConnection: (connectionId: string) => void;
    manageConnection: () => void;
    addConnection: () => void;
    selectProgram: (loyaltyId: number) => void;
    addProgram: () => void;
    selectFile: (sourceId: string) => void;
    closeFile: (sourceId: string) => void;
    openWorkbook: () => void;
    settings: () => void;
  };
}) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-top">
        <ConnectionSwitcher
          connections={connections}
          connection={connection}
          onSwitch={on.switchConnection}
          onManage={on.manageConnection}
          onAdd={on.addConnection}
        />
      </div>
      <div className="sidebar-scroll" onKeyDown={moveWithArrows}>
        {connection !== null && (
          <section className="sidebar-section" aria-labelledby="programs-heading">
            <h2 id="programs-heading">{t('programs.heading')}</h2>
            <ProgramNav
              connection={connection}
              selectedId={shown?.kind === 'program' ? shown.loyaltyId : null}
              codesOf={codesOf}
              onSelect={on.selectProgram}
            />
            <button type="button" className="quiet" onClick={on.addProgram}>
              <Icon name="plus" /> {t('programs.add')}
            </button>
          </section>
        )}
        <section className="sidebar-section" aria-labelledby="files-heading">
          <h2 id="files-heading">{t('review.filesHeading')}</h2>
          <FileNav
            files={files}
            selectedId={shown?.kind === 'file' ? shown.sourceId : null}
            onSelect={on.selectFile}
            onClose={on.closeFile}
          />
          <button type="button" className="quiet" onClick={on.openWorkbook}>
            <Icon name="file" /> {t('review.open')}
          </button>
        </section>
        <section className="sidebar-section" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('recent.heading')}</h2>
          <RecentExportsNav exports={recentExports} />
        </section>
      </div>
      <div className="sidebar-bottom">
        <button
          type="button"
          className="quiet nav-item-plain"
          aria-current={shown?.kind === 'settings' ? 'page' : undefined}
          onClick={on.settings}
        >
          <Icon name="settings" /> {t('settings.heading')}
        </button>
      </div>
    </aside>
  );
}

/** Up and Down (and Home, End) between the sidebar's entries; programs and files show as focus lands. */
function moveWithArrows(event: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const entries = [...event.currentTarget.querySelectorAll<HTMLElement>('button.nav-item')];
  const at = entries.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? entries.length - 1
        : Math.min(entries.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  const target = entries[next];
  target?.focus();
  if (target?.dataset.navSelect !== undefined) target.click();
}
