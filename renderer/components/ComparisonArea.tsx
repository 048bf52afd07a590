import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useComparison } from '../hooks/useComparison';
import { ComparisonView } from './ComparisonView';
import { ErrorNotice } from './ErrorNotice';
import { WorkbookReading } from './WorkbookReading';

/** What a pane saves from a comparison, by its id; `saveWithChanges` only where every code is held. */
export interface PaneComparisonSaves {
  saveChanges: (comparisonId: string, format: 'xlsx' | 'csv') => void;
  saveWithChanges?: (comparisonId: string) => void;
  busy: boolean;
}

/**
 * The part of a program's or a file's pane that "Compare with…" takes over: the reading and its
 * failure above, then the changed codes while a comparison is shown, otherwise the pane's own content.
 */
export function ComparisonArea({
  comparison,
  saves,
  children,
}: {
  comparison: ReturnType<typeof useComparison>;
  saves: PaneComparisonSaves;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { state } = comparison;
  const compared = state.phase === 'shown' ? state.comparison : null;
  const { saveWithChanges } = saves;
  return (
    <>
      {state.phase === 'reading' && <WorkbookReading />}
      {state.phase === 'failed' && (
        <ErrorNotice error={state.error} action={{ label: t('error.dismiss'), onClick: comparison.close }} />
      )}
      {compared !== null ? (
        <ComparisonView
          key={compared.comparisonId}
          comparison={compared}
          saves={{
            saveChanges: (format) => saves.saveChanges(compared.comparisonId, format),
            ...(saveWithChanges ? { saveWithChanges: () => saveWithChanges(compared.comparisonId) } : {}),
            busy: saves.busy,
          }}
          onClose={comparison.close}
        />
      ) : (
        children
      )}
    </>
  );
}
