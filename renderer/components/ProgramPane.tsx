import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeView } from '../../app/codeView';
import type { ConnectionView, LoyaltyProgramView } from '../../app/ipcContract';
import type { ProgramCodes } from '../hooks/useProgramFetches';
import { CodeBrowser } from './CodeBrowser';
import { ErrorNotice } from './ErrorNotice';
import { FetchProgress } from './FetchProgress';
import { ProgramHeader } from './ProgramHeader';

/**
 * The main pane for one loyalty program: its header with the one primary action, then its codes,
 * or what to do to get them: a progress bar while they download, the failure in plain words.
 */
export function ProgramPane({
  connection,
  program,
  codes,
  on,
  toolbarEnd,
}: {
  connection: ConnectionView;
  program: LoyaltyProgramView;
  codes: ProgramCodes;
  on: {
    get: () => void;
    cancel: () => void;
    rename: (name: string) => Promise<void>;
    remove: () => Promise<void>;
    manageConnection: () => void;
  };
  toolbarEnd: (view: CodeView, shown: number | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { summary, fetching, error } = codes;
  const tokenProblem = error?.code === 'token-refused' || error?.code === 'token-missing';

  return (
    <section className="pane" aria-labelledby={headingId}>
      <ProgramHeader
        headingId={headingId}
        program={program}
        codes={codes}
        canFetch={connection.hasToken}
        onGet={on.get}
        onCancel={on.cancel}
        onRename={on.rename}
        onRemove={on.remove}
      />
      <div className="pane-body">
        {!connection.hasToken && (
          <ErrorNotice
            error={{ code: 'token-missing', message: t('error.token-missing') }}
            action={{ label: t('connection.manage'), onClick: on.manageConnection }}
          />
        )}
        {error !== null && (
          <ErrorNotice
            error={error}
            {...(error.code === 'cancelled' ? {} : { onRetry: on.get })}
            {...(tokenProblem
              ? { action: { label: t('connection.manage'), onClick: on.manageConnection } }
              : {})}
          />
        )}
        {summary !== null && summary.total > 0 ? (
          <CodeBrowser
            key={`${summary.connectionId} ${summary.loyaltyId} ${summary.fetchedAt}`}
            program={summary}
            toolbarEnd={toolbarEnd}
          />
        ) : fetching !== null ? (
          <div className="pane-empty">
            <h3>{t('codes.downloading')}</h3>
            <FetchProgress progress={fetching.progress} onCancel={on.cancel} />
          </div>
        ) : summary !== null ? (
          <div className="pane-empty">
            <h3>{t('codes.empty')}</h3>
            <p className="muted">{t('codes.emptyHint')}</p>
          </div>
        ) : (
          error === null &&
          connection.hasToken && (
            <div className="pane-empty">
              <h3>{t('codes.notYet')}</h3>
              <p className="muted">{t('codes.notYetHint')}</p>
            </div>
          )
        )}
      </div>
    </section>
  );
}
