import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeView } from '../../app/codeView';
import type { FetchSummary } from '../../app/ipcContract';
import { call } from '../api';
import { useCodeView } from '../hooks/useCodeView';
import { useCodeWindow } from '../hooks/useCodeWindow';
import { useInsights } from '../hooks/useInsights';
import { useRowSelection } from '../hooks/useRowSelection';
import { CodeTable } from './CodeTable';
import { InsightsStrip } from './InsightsStrip';
import { StatusChips } from './StatusChips';

/** The id Ctrl/Cmd+F puts the cursor in. */
export const SEARCH_ID = 'code-search';

/**
 * Looking through one program's codes, fetched or opened from a workbook: the insights strip, status
 * chips with counts, a search as you type, the table filling the rest of the pane with sortable
 * columns, selection and copy, and a line saying how many are shown. `toolbarEnd` receives the view, so Export can save
 * exactly what is shown.
 */
export function CodeBrowser({
  program,
  toolbarEnd,
}: {
  program: FetchSummary;
  toolbarEnd?: (view: CodeView, shown: number | null) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const insights = useInsights(program);
  const { view, status, setStatus, expiring, setExpiring, searchText, setSearchText, toggleSort } =
    useCodeView(insights?.asOf ?? null);
  const rows = useCodeWindow(program, view);
  const viewKey = JSON.stringify(view);
  const selection = useRowSelection(viewKey);
  const [copiedState, setCopied] = useState<{ viewKey: string; count: number } | null>(null);
  const copied = copiedState?.viewKey === viewKey ? copiedState.count : null;
  const number = new Intl.NumberFormat(i18n.language);

  const copy = async () => {
    if (selection.count === 0) return;
    const text = await call('codes:texts', {
      connectionId: program.connectionId,
      loyaltyId: program.loyaltyId,
      view,
      ranges: selection.ranges,
    });
    await navigator.clipboard.writeText(text);
    setCopied({ viewKey, count: selection.count });
  };

  return (
    <div className="code-browser">
      <InsightsStrip
        counts={program.counts}
        total={program.total}
        insights={insights}
        status={status}
        onStatus={setStatus}
        expiring={expiring}
        onExpiring={setExpiring}
      />
      <div className="toolbar">
        <StatusChips counts={program.counts} total={program.total} status={status} onChange={setStatus} />
        <span className="toolbar-end">
          <input
            id={SEARCH_ID}
            type="search"
            className="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder={t('codes.searchPlaceholder')}
            aria-label={t('codes.search')}
            aria-keyshortcuts="Control+F Meta+F"
          />
          {toolbarEnd?.(view, rows.matching)}
        </span>
      </div>
      <div className="table-area">
        {rows.matching === 0 ? (
          <div className="table-empty">{program.total === 0 ? t('codes.empty') : t('codes.noMatch')}</div>
        ) : (
          <CodeTable
            rows={rows}
            sort={view.sort}
            onSort={toggleSort}
            selection={selection}
            onCopy={() => void copy()}
          />
        )}
      </div>
      <p className="status-line" role="status" aria-live="polite">
        {rows.matching === null
          ? ''
          : t('codes.showingOf', {
              shown: number.format(rows.matching),
              count: number.format(program.total),
            })}
        {selection.count > 0 &&
          ` · ${t('codes.selected', { count: selection.count, formatted: number.format(selection.count) })}`}
        {copied !== null && ` · ${t('codes.copied', { count: copied, formatted: number.format(copied) })}`}
      </p>
    </div>
  );
}
