import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeView } from '../../app/codeView';
import type { FetchSummary } from '../../app/ipcContract';
import { call } from '../api';
import { useCodeView } from '../hooks/useCodeView';
import { useCodeWindow } from '../hooks/useCodeWindow';
import { useRowSelection } from '../hooks/useRowSelection';
import { CodeTable } from './CodeTable';
import { StatusChips } from './StatusChips';

/**
 * Looking through one program's codes, fetched or opened from a workbook: status chips with
 * counts, a search as you type, sortable columns, selection and copy. `actions` receives the view
 * so "Save…" can save exactly what is shown.
 */
export function CodeBrowser({
  program,
  actions,
}: {
  program: FetchSummary;
  actions?: (view: CodeView) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { view, status, setStatus, searchText, setSearchText, toggleSort } = useCodeView();
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
      <div className="codes-toolbar">
        <StatusChips counts={program.counts} total={program.total} status={status} onChange={setStatus} />
        <input
          type="search"
          className="search"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          placeholder={t('codes.searchPlaceholder')}
          aria-label={t('codes.search')}
        />
        {actions?.(view)}
      </div>
      <p className="muted" role="status" aria-live="polite">
        {rows.matching === null
          ? ''
          : rows.matching === 0
            ? program.total === 0
              ? t('codes.empty')
              : t('codes.noMatch')
            : t('codes.showingOf', {
                shown: number.format(rows.matching),
                count: number.format(program.total),
              })}
        {selection.count > 0 &&
          ` · ${t('codes.selected', { count: selection.count, formatted: number.format(selection.count) })}`}
        {copied !== null && ` · ${t('codes.copied', { count: copied, formatted: number.format(copied) })}`}
      </p>
      <CodeTable
        rows={rows}
        sort={view.sort}
        onSort={toggleSort}
        selection={selection}
        onCopy={() => void copy()}
      />
    </div>
  );
}
