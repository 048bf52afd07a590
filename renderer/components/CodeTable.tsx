import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeSort, SortColumn } from '../../app/codeView';
import { SORT_COLUMNS } from '../../app/codeView';
import type { CodeRow } from '../../app/ipcContract';
import type { CodeDate } from '../../app/promoCode';
import type { CodeWindow } from '../hooks/useCodeWindow';
import type { useRowSelection } from '../hooks/useRowSelection';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 30;

const HEADINGS: Record<SortColumn, string> = {
  code: 'codes.column.code',
  status: 'codes.column.status',
  attached: 'codes.column.attached',
  activated: 'codes.column.activated',
  expireDate: 'codes.column.expireDate',
  expired: 'codes.column.expired',
};

/**
 * The codes of a view, virtualised: only the rows in sight exist in the page, fetched in blocks, so
 * a million codes scroll as smoothly as a hundred. Dates in local time, the full timestamp on hover.
 */
export function CodeTable({
  rows,
  sort,
  onSort,
  selection,
  onCopy,
}: {
  rows: CodeWindow;
  sort: CodeSort;
  onSort: (column: SortColumn) => void;
  selection: ReturnType<typeof useRowSelection>;
  onCopy: () => void;
}) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.matching ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { need } = rows;
  useEffect(() => {
    if (count > 0) need(first, last);
  }, [need, first, last, count]);

  const short = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'long' });
  // A date Altcraft sent as something else is shown as sent; `true` says it happened, time unknown.
  const date = (value: CodeDate) =>
    typeof value === 'string' ? (
      value
    ) : value === true ? (
      t('codes.expiredYes')
    ) : value === null ? null : (
      <time dateTime={new Date(value).toISOString()} title={full.format(value)}>
        {short.format(value)}
      </time>
    );
  const cell = (row: CodeRow, column: SortColumn) => {
    if (column === 'code') return row.code;
    if (column === 'status') return <StatusBadge status={row.status} />;
    return date(row[column]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      onCopy();
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selection.selectAll(count);
    } else if (event.key === 'Escape') {
      selection.clear();
    }
  };
  const onRowClick = (event: MouseEvent, index: number) =>
    selection.select(index, { extend: event.shiftKey, toggle: event.ctrlKey || event.metaKey });

  if (rows.matching === 0) return null;
  return (
    <div
      className="code-grid"
      role="grid"
      aria-label={t('codes.tableLabel')}
      aria-rowcount={count + 1}
      aria-multiselectable="true"
    >
      <div className="code-row code-head" role="row" aria-rowindex={1}>
        {SORT_COLUMNS.map((column) => (
          <div
            key={column}
            role="columnheader"
            className={`code-cell col-${column}`}
            aria-sort={
              sort?.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
            }
          >
            <button type="button" className="sort-button" onClick={() => onSort(column)}>
              {t(HEADINGS[column])}
              <span aria-hidden="true">
                {sort?.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </span>
            </button>
          </div>
        ))}
      </div>
      <div
        className="code-scroll"
        ref={scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('codes.rowsLabel')}
        role="rowgroup"
      >
        <div className="code-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const selected = selection.isSelected(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={selected ? 'code-row selected' : 'code-row'}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={(event) => onRowClick(event, item.index)}
              >
                {SORT_COLUMNS.map((column) => (
                  <div key={column} role="gridcell" className={`code-cell col-${column}`}>
                    {row === undefined ? (column === 'code' ? '…' : null) : cell(row, column)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
