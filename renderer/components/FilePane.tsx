import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedWorkbook } from '../../app/ipcContract';
import { useComparison } from '../hooks/useComparison';
import { fileName } from '../programLabel';
import { CodeBrowser } from './CodeBrowser';
import { ComparisonArea, type PaneComparisonSaves } from './ComparisonArea';

/**
 * A saved workbook's codes for offline review, in the same table with the same filters; "Compare
 * with…" sets it beside another export and shows what changed instead, until that is closed.
 */
export function FilePane({
  workbook,
  onClose,
  saves,
}: {
  workbook: OpenedWorkbook;
  onClose: () => void;
  /** Saving a comparison's changed codes. */
  saves: Omit<PaneComparisonSaves, 'saveWithChanges'>;
}) {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  const comparison = useComparison(
    workbook.sourceId,
    workbook.programs.map((p) => p.loyaltyId),
    null,
  );
  const program = workbook.programs[index];
  const name = (i: number) =>
    workbook.names[i] ?? t('programs.unnamed', { id: workbook.programs[i]?.loyaltyId ?? i + 1 });
  const file = fileName(workbook.path);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="pane" aria-label={t('review.heading', { file })}>
      <header className="pane-header">
        <div className="pane-title">
          <h2>{file}</h2>
          <p className="muted" title={workbook.path}>
            {workbook.path}
          </p>
        </div>
        {workbook.programs.length > 0 && (
          <button
            type="button"
            disabled={comparison.state.phase === 'reading'}
            onClick={() => void comparison.compare()}
          >
            {t('compare.button')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('review.close')}
        </button>
      </header>
      <div className="pane-body">
        <ComparisonArea comparison={comparison} saves={saves}>
          {workbook.programs.length > 1 && (
            <div className="chips" role="group" aria-label={t('review.programs')}>
              {workbook.programs.map((p, i) => (
                <button
                  key={p.loyaltyId}
                  type="button"
                  className="chip"
                  aria-pressed={i === index}
                  onClick={() => setIndex(i)}
                >
                  {name(i)} <span className="chip-count">{number.format(p.total)}</span>
                </button>
              ))}
            </div>
          )}
          {program === undefined || program.total === 0 ? (
            <div className="pane-empty">
              <h3>{t('codes.empty')}</h3>
            </div>
          ) : (
            <CodeBrowser key={program.loyaltyId} program={program} />
          )}
        </ComparisonArea>
      </div>
    </section>
  );
}
