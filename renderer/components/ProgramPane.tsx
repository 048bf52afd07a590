import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeView } from '../../app/codeView';
import type { ConnectionView, LoyaltyProgramView } from '../../app/ipcContract';
import type { ProgramCodes } from '../hooks/useProgramFetches';
import { useComparison } from '../hooks/useComparison';
import { CodeBrowser } from './CodeBrowser';
import { ComparisonArea, type PaneComparisonSaves } from './ComparisonArea';
import { ErrorNotice } from './ErrorNotice';
import { FetchProgress } from './FetchProgress';
import { ProgramHeader } from './ProgramHeader';

/**
 * The main pane for one loyalty program: its header with the one primary action, then its codes,
 * or what to do to get them: a progress bar while they download, the failure in plain words. Compared
 * with another export, the pane shows what changed instead, until the comparison is closed.
 */
export function ProgramPane({
  connection,
  program,
  codes,
  on,
  toolbarEnd,
  saves,
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
  /** Saving a comparison's changes, alone or beside every code. */
  saves: Required<PaneComparisonSaves>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { summary, fetching, error } = codes;
  const tokenProblem = error?.code === 'token-refused' || error?.code === 'token-missing';
  const comparison = useComparison(connection.id, [program.loyaltyId], summary?.fetchedAt ?? null);

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
        {...(summary !== null && summary.total > 0 ? { onCompare: () => void comparison.compare() } : {})}
        comparing={comparison.state.phase === 'reading'}
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
        <ComparisonArea comparison={comparison} saves={saves}>
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
        </ComparisonArea>
      </div>
    </section>
  );
}
