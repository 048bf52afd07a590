import { useTranslation } from 'react-i18next';
import type { AppErrorInfo } from '../../app/appError';
import { ConnectionForm } from './ConnectionForm';
import { ErrorNotice } from './ErrorNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkbookReading } from './WorkbookReading';

/**
 * The first run: what the app does in one line, the connection form, and where an API token comes
 * from. A saved workbook can be opened without any connection.
 */
export function Welcome({
  onAdd,
  onOpenWorkbook,
  openError,
  reading,
}: {
  onAdd: (input: { name: string; host: string; token: string }) => Promise<void>;
  onOpenWorkbook: () => void;
  /** Why the workbook chosen last could not be opened. */
  openError: AppErrorInfo | null;
  /** A chosen workbook is being read. */
  reading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <main className="welcome">
      <div className="welcome-card">
        <h1>{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <section className="welcome-form" aria-labelledby="welcome-connect">
          <h2 id="welcome-connect">{t('welcome.connect')}</h2>
          <ConnectionForm onSave={onAdd} labelledBy="welcome-connect" />
          <p className="token-help">{t('welcome.tokenHelp')}</p>
        </section>
        {reading && <WorkbookReading />}
        {openError !== null && <ErrorNotice error={openError} />}
        <div className="welcome-foot">
          <LanguageSwitch />
          <span className="spacer" />
          <button type="button" className="quiet" onClick={onOpenWorkbook}>
            {t('review.open')}
          </button>
        </div>
      </div>
    </main>
  );
}
