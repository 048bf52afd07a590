import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedWorkbook as Opened } from '../../app/ipcContract';
import { CodeBrowser } from './CodeBrowser';

/** A saved workbook's codes for offline review, in the same table with the same filters. */
export function OpenedWorkbook({ workbook, onClose }: { workbook: Opened; onClose: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const program = workbook.programs[index];
  const name = (i: number) =>
    workbook.names[i] ?? t('programs.unnamed', { id: workbook.programs[i]?.loyaltyId ?? i + 1 });
  return (
    <section className="card" aria-labelledby="opened-heading">
      <div className="connection-summary">
        <h2 id="opened-heading">{t('review.heading', { file: workbook.path.split(/[\\/]/).at(-1) })}</h2>
        <span className="muted">{workbook.path}</span>
        <button type="button" className="actions" onClick={onClose}>
          {t('review.close')}
        </button>
      </div>
      {workbook.programs.length > 1 && (
        <div className="chips" role="group" aria-label={t('review.programs')}>
          {workbook.programs.map((p, i) => (
            <button
              key={p.loyaltyId}
              type="button"
              className={i === index ? 'chip chip-on' : 'chip'}
              aria-pressed={i === index}
              onClick={() => setIndex(i)}
            >
              {name(i)}
            </button>
          ))}
        </div>
      )}
      {program === undefined ? (
        <p>{t('codes.empty')}</p>
      ) : (
        <CodeBrowser key={program.loyaltyId} program={program} />
      )}
    </section>
  );
}
