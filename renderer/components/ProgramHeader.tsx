import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyProgramView } from '../../app/ipcContract';
import type { ProgramCodes } from '../hooks/useProgramFetches';
import { programLabel } from '../programLabel';
import { ConfirmDialog } from './ConfirmDialog';
import { FetchProgress } from './FetchProgress';
import { Icon } from './Icon';
import { MenuButton } from './MenuButton';
import { SinceLastFetch } from './SinceLastFetch';
import { TextDialog } from './TextDialog';

/**
 * A program's name, ID, code count and when it was fetched, with the view's one primary action:
 * Get codes, or Refresh once they are here, and what changed since the previous fetch. "Compare
 * with…" sits beside it as a plain button; Rename and Remove wait in the "more" menu.
 */
export function ProgramHeader({
  headingId,
  program,
  codes,
  canFetch,
  onGet,
  onCancel,
  onRename,
  onRemove,
  onCompare,
  comparing = false,
}: {
  headingId: string;
  program: LoyaltyProgramView;
  codes: ProgramCodes;
  canFetch: boolean;
  onGet: () => void;
  onCancel: () => void;
  onRename: (name: string) => Promise<void>;
  onRemove: () => Promise<void>;
  /** Chooses another export to compare these codes with; absent until there are codes. */
  onCompare?: () => void;
  /** The export chosen to compare with is being read. */
  comparing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<'rename' | 'remove' | null>(null);
  const label = programLabel(program, t);
  const number = new Intl.NumberFormat(i18n.language);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const count = codes.summary?.total ?? program.lastCount;
  const fetchedAt = codes.summary?.fetchedAt ?? program.lastFetchedAt;
  const facts = [
    t('programs.idShort', { id: program.loyaltyId }),
    ...(count === null ? [] : [t('codes.total', { count, formatted: number.format(count) })]),
    fetchedAt === null
      ? t('programs.neverFetched')
      : t('programs.fetchedAt', { when: when.format(fetchedAt) }),
  ];

  return (
    <header className="pane-header">
      <div className="pane-title">
        <h2 id={headingId}>{label}</h2>
        <p className="muted" role="status">
          {facts.join(' · ')}
        </p>
        {codes.summary?.sinceLastFetch != null && <SinceLastFetch changes={codes.summary.sinceLastFetch} />}
      </div>
      {onCompare !== undefined && (
        <button type="button" disabled={codes.fetching !== null || comparing} onClick={onCompare}>
          {t('compare.button')}
        </button>
      )}
      {codes.fetching !== null ? (
        codes.summary !== null && <FetchProgress progress={codes.fetching.progress} onCancel={onCancel} />
      ) : (
        <button type="button" className="primary" disabled={!canFetch} onClick={onGet}>
          {codes.summary === null ? t('codes.get') : t('codes.refresh')}
        </button>
      )}
      <MenuButton
        className="quiet icon"
        align="end"
        accessibleName={t('programs.more', { name: label })}
        label={<Icon name="more" />}
        entries={[
          { kind: 'item', label: t('programs.renameMenu'), onSelect: () => setDialog('rename') },
          { kind: 'separator' },
          {
            kind: 'item',
            label: t('programs.removeMenu'),
            danger: true,
            onSelect: () => setDialog('remove'),
          },
        ]}
      />
      {dialog === 'rename' && (
        <TextDialog
          title={t('programs.renameTitle', { name: label })}
          label={t('programs.newName', { id: program.loyaltyId })}
          initial={program.name ?? ''}
          allowEmpty
          onSave={onRename}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && (
        <ConfirmDialog
          title={t('programs.removeTitle', { name: label })}
          message={t('programs.removeConfirm', { name: label })}
          confirmLabel={t('programs.remove')}
          onConfirm={onRemove}
          onClose={() => setDialog(null)}
        />
      )}
    </header>
  );
}
