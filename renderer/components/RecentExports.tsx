import { useTranslation } from 'react-i18next';
import type { RecentExportView } from '../../app/ipcContract';
import { call } from '../api';

/** Files saved lately: open one in its usual program or show it in its folder; gone ones say so. */
export function RecentExports({ exports }: { exports: RecentExportView[] }) {
  const { t, i18n } = useTranslation();
  if (exports.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('recent.heading')}</h2>
      <ul className="recent-list">
        {exports.map((entry) => {
          const name = entry.path.split(/[\\/]/).at(-1) ?? entry.path;
          return (
            <li key={entry.path} className={entry.exists ? '' : 'gone'}>
              <span className="recent-file" title={entry.path}>
                {name}
              </span>
              <span className="muted">
                {entry.programs.join(', ')} ·{' '}
                {t('recent.rows', { count: entry.rows, formatted: number.format(entry.rows) })} ·{' '}
                {when.format(entry.at)}
              </span>
              {entry.exists ? (
                <span className="actions">
                  <button
                    type="button"
                    onClick={() => void call('exports:open', { path: entry.path })}
                    aria-label={t('recent.openFile', { name })}
                  >
                    {t('recent.open')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void call('exports:showInFolder', { path: entry.path })}
                    aria-label={t('recent.showFile', { name })}
                  >
                    {t('recent.show')}
                  </button>
                </span>
              ) : (
                <span className="muted">{t('recent.gone')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
