import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangedCode } from '../../app/codeChanges';
import type { CodeDate } from '../../app/promoCode';
import type { ChangesWindow } from '../hooks/useChangesWindow';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 30;

type Column = 'code' | 'program' | 'kind' | 'statusBefore' | 'statusAfter' | 'attached' | 'activated';

/**
 * The changed codes of a comparison, virtualised like the code table: each code with how it changed,
 * its status before and after, and its dates as the newer export has them. The program column shows
 * only when the comparison covers several programs.
 */
export function ChangesTable({ rows, showProgram }: { rows: ChangesWindow; showProgram: boolean }) {
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

  const columns: Column[] = [
    'code',
    ...(showProgram ? (['program'] as const) : []),
    'kind',
    'statusBefore',
    'statusAfter',
    'attached',
    'activated',
  ];
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
  const cell = (row: ChangedCode, column: Column) => {
    if (column === 'code') return row.code;
    if (column === 'program') return row.program;
    if (column === 'kind') return t(`compare.kind.${row.kind}`);
    if (column === 'statusBefore' || column === 'statusAfter') {
      const status = row[column];
      return status === null ? <span className="muted">—</span> : <StatusBadge status={status} />;
    }
    return date(row[column]);
  };

  return (
    <div
      className={showProgram ? 'code-grid changes-grid with-program' : 'code-grid changes-grid'}
      role="grid"
      aria-label={t('compare.tableLabel')}
      aria-rowcount={count + 1}
    >
      <div className="code-row code-head" role="row" aria-rowindex={1}>
        {columns.map((column) => (
          <div key={column} role="columnheader" className={`code-cell col-${column}`}>
            {t(`compare.column.${column}`)}
          </div>
        ))}
      </div>
      <div
        className="code-scroll"
        ref={scroller}
        tabIndex={0}
        aria-label={t('compare.rowsLabel')}
        role="rowgroup"
      >
        <div className="code-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="code-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {columns.map((column) => (
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
