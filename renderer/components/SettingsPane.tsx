import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { useCsvDelimiter } from '../hooks/useCsvDelimiter';
import { useTheme } from '../hooks/useTheme';
import { THEMES } from '../theme';
import { CsvDelimiterSelect } from './CsvDelimiterSelect';
import { LanguageSwitch } from './LanguageSwitch';

/** Settings: the language, the theme, the CSV separator, and the saved connections with a way into each. */
export function SettingsPane({
  connections,
  onManage,
  onAddConnection,
}: {
  connections: ConnectionView[];
  onManage: (connectionId: string) => void;
  onAddConnection: () => void;
}) {
  const { t } = useTranslation();
  const { theme, choose } = useTheme();
  const [delimiter, setDelimiter] = useCsvDelimiter();
  return (
    <section className="pane" aria-labelledby="settings-heading">
      <header className="pane-header">
        <div className="pane-title">
          <h2 id="settings-heading">{t('settings.heading')}</h2>
        </div>
      </header>
      <div className="pane-body pane-scroll">
        <div className="settings-list">
          <LanguageSwitch showLabel />
          <fieldset>
            <legend>{t('settings.theme')}</legend>
            {THEMES.map((value) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={theme === value}
                  onChange={() => choose(value)}
                />
                {t(`settings.theme_${value}`)}
              </label>
            ))}
          </fieldset>
          <div className="setting">
            <CsvDelimiterSelect value={delimiter} onChange={setDelimiter} disabled={false} />
            <p className="muted">{t('codes.csvDelimiterHint')}</p>
          </div>
          <fieldset>
            <legend>{t('settings.connections')}</legend>
            <ul className="nav-list">
              {connections.map((c) => (
                <li key={c.id} className="row">
                  <span className="spacer">
                    <strong>{c.name}</strong> <span className="muted">{c.host}</span>
                  </span>
                  <button
                    type="button"
                    onClick={() => onManage(c.id)}
                    aria-label={t('settings.manageFor', { name: c.name })}
                  >
                    {t('settings.manage')}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="quiet" onClick={onAddConnection}>
              {t('connection.addMore')}
            </button>
          </fieldset>
        </div>
      </div>
    </section>
  );
}
