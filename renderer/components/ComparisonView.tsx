import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeKind, ProgramChanges } from '../../app/codeChanges';
import type { Comparison } from '../../app/reviewContract';
import { useChangesWindow } from '../hooks/useChangesWindow';
import { fileName } from '../programLabel';
import { ChangesTable } from './ChangesTable';
import { Icon } from './Icon';
import type { MenuEntry } from './MenuButton';
import { MenuButton } from './MenuButton';

/** What saving a comparison can do: its changed codes alone, or (for a program) all codes plus them. */
export interface ComparisonSaves {
  saveChanges: (format: 'xlsx' | 'csv') => void;
  /** Every code of the program with the changes on a `Changes` sheet; absent for an opened file. */
  saveWithChanges?: () => void;
  busy: boolean;
}

/**
 * What changed between the codes on screen and the export chosen to compare with: added, removed and
 * status-change counts as chips that filter, the status changes in words, and a table of only the
 * changed codes with their status before and after.
 */
export function ComparisonView({
  comparison,
  saves,
  onClose,
}: {
  comparison: Comparison;
  saves: ComparisonSaves;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [program, setProgram] = useState<number | null>(null);
  const [kind, setKind] = useState<ChangeKind | null>(null);
  const rows = useChangesWindow(comparison.comparisonId, program, kind);
  const number = new Intl.NumberFormat(i18n.language);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const programs = comparison.programs;
  const counted = program === null ? programs : programs.slice(program, program + 1);
  const totals = sumChanges(counted);
  const file = fileName(comparison.path);
  const chosen =
    comparison.chosenExportedAt === null
      ? t(`compare.chosen_${comparison.chosenIs}`, { file })
      : t(`compare.chosenAt_${comparison.chosenIs}`, {
          file,
          when: when.format(comparison.chosenExportedAt),
        });

  const kinds: [ChangeKind | null, string, number][] = [
    [null, t('compare.all'), totals.added + totals.removed + totals.status],
    ['added', t('compare.kind.added'), totals.added],
    ['removed', t('compare.kind.removed'), totals.removed],
    ['status', t('compare.kind.status'), totals.status],
  ];
  const saveEntries: MenuEntry[] = [
    {
      kind: 'item',
      label: t('compare.saveExcel'),
      disabled: saves.busy,
      onSelect: () => saves.saveChanges('xlsx'),
    },
    {
      kind: 'item',
      label: t('compare.saveCsv'),
      disabled: saves.busy,
      onSelect: () => saves.saveChanges('csv'),
    },
    ...(saves.saveWithChanges === undefined
      ? []
      : ([
          { kind: 'separator' },
          {
            kind: 'item',
            label: t('compare.saveWithChanges'),
            detail: t('compare.saveWithChangesDetail'),
            disabled: saves.busy,
            onSelect: saves.saveWithChanges,
          },
        ] satisfies MenuEntry[])),
  ];

  return (
    <section className="comparison" aria-label={t('compare.heading', { file })}>
      <div className="comparison-head">
        <p>{chosen}</p>
        <span className="toolbar-end">
          <MenuButton
            label={
              <>
                <Icon name="download" /> {t('compare.save')}
              </>
            }
            accessibleName={t('compare.save')}
            align="end"
            entries={saveEntries}
          />
          <button type="button" className="quiet" onClick={onClose}>
            {t('compare.close')}
          </button>
        </span>
      </div>
      {programs.length > 1 && (
        <div className="chips" role="group" aria-label={t('compare.programs')}>
          {[null, ...programs.map((_, i) => i)].map((i) => (
            <button
              key={i ?? 'all'}
              type="button"
              className="chip"
              aria-pressed={program === i}
              onClick={() => setProgram(i)}
            >
              {i === null ? t('compare.allPrograms') : programs[i]?.name}{' '}
              <span className="chip-count">
                {number.format(changeCount(i === null ? programs : programs.slice(i, i + 1)))}
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="toolbar">
        <div className="chips" role="group" aria-label={t('compare.kinds')}>
          {kinds.map(([value, label, count]) => (
            <button
              key={value ?? 'all'}
              type="button"
              className={value === null ? 'chip' : `chip chip-${value}`}
              aria-pressed={value === kind}
              onClick={() => setKind(value)}
            >
              {label}{' '}
              <span className="chip-count">
                {value === 'added' ? '+' : value === 'removed' ? '−' : ''}
                {number.format(count)}
              </span>
            </button>
          ))}
        </div>
      </div>
      {totals.pairs.length > 0 && (
        <ul className="status-changes" aria-label={t('compare.statusChanges')}>
          {totals.pairs.map(({ from, to, count }) => (
            <li key={`${from} ${to}`}>
              {t('compare.pair', {
                from: t(`codes.status.${from}`),
                to: t(`codes.status.${to}`),
                formatted: number.format(count),
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="table-area">
        {rows.matching === 0 ? (
          <div className="table-empty">{t(kind === null ? 'compare.none' : 'compare.noneOfKind')}</div>
        ) : (
          <ChangesTable rows={rows} showProgram={programs.length > 1 && program === null} />
        )}
      </div>
      <p className="status-line" role="status" aria-live="polite">
        {rows.matching === null
          ? ''
          : t('compare.showing', { count: rows.matching, formatted: number.format(rows.matching) })}
      </p>
    </section>
  );
}

type Pair = ProgramChanges['statusChanges'][number];

/** The programs' changes added up, status-change pairs merged. */
function sumChanges(programs: readonly ProgramChanges[]) {
  const pairs = new Map<string, Pair>();
  let added = 0;
  let removed = 0;
  let status = 0;
  for (const p of programs) {
    added += p.added;
    removed += p.removed;
    for (const change of p.statusChanges) {
      status += change.count;
      const key = `${change.from} ${change.to}`;
      const known = pairs.get(key);
      pairs.set(key, { ...change, count: (known?.count ?? 0) + change.count });
    }
  }
  return { added, removed, status, pairs: [...pairs.values()] };
}

function changeCount(programs: readonly ProgramChanges[]): number {
  const { added, removed, status } = sumChanges(programs);
  return added + removed + status;
}
