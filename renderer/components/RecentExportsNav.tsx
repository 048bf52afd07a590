import { useTranslation } from 'react-i18next';
import type { RecentExportView } from '../../app/ipcContract';
import { call } from '../api';
import { fileName } from '../programLabel';
import { Icon } from './Icon';

/** Files saved lately: open one in its usual program or show it in its folder; gone ones say so. */
export function RecentExportsNav({ exports }: { exports: RecentExportView[] }) {
  const { t, i18n } = useTranslation();
  if (exports.length === 0) return <p className="sidebar-empty muted">{t('recent.none')}</p>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="nav-list">
      {exports.map((entry) => {
        const name = fileName(entry.path);
        const meta = `${entry.programs.join(', ')} · ${t('recent.rows', {
          count: entry.rows,
          formatted: number.format(entry.rows),
        })} · ${when.format(entry.at)}`;
        if (!entry.exists)
          return (
            <li key={entry.path} className="nav-row gone">
              <div className="nav-item" title={entry.path}>
                <span className="nav-name">{name}</span>
                <span className="nav-meta">{t('recent.gone')}</span>
              </div>
            </li>
          );
        return (
          <li key={entry.path} className="nav-row">
            <button
              type="button"
              className="nav-item"
              title={entry.path}
              aria-label={t('recent.openFile', { name })}
              onClick={() => void call('exports:open', { path: entry.path })}
            >
              <span className="nav-name">{name}</span>
              <span className="nav-meta">{meta}</span>
            </button>
            <button
              type="button"
              className="quiet icon"
              aria-label={t('recent.showFile', { name })}
              title={t('recent.show')}
              onClick={() => void call('exports:showInFolder', { path: entry.path })}
            >
              <Icon name="folder" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
