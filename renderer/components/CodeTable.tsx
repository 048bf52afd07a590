import { useTranslation } from 'react-i18next';
import type { CodePage, CodeRow } from '../../app/ipcContract';

/** The codes with their status and dates in local time; the full timestamp on hover. */
export function CodeTable({ page }: { page: CodePage }) {
  const { t, i18n } = useTranslation();
  if (page.total === 0) return <p>{t('codes.empty')}</p>;
  const short = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'long' });
  const date = (value: number | null) =>
    value === null ? null : (
      <time dateTime={new Date(value).toISOString()} title={full.format(value)}>
        {short.format(value)}
      </time>
    );
  const expired = (row: CodeRow) =>
    typeof row.expired === 'number' ? date(row.expired) : row.expired === true ? t('codes.expiredYes') : null;

  return (
    <>
      {page.rows.length < page.matching && (
        <p className="muted">{t('codes.showing', { shown: page.rows.length, count: page.matching })}</p>
      )}
      <div className="table-scroll">
        <table className="codes-table">
          <thead>
            <tr>
              <th scope="col">{t('codes.column.code')}</th>
              <th scope="col">{t('codes.column.status')}</th>
              <th scope="col">{t('codes.column.attached')}</th>
              <th scope="col">{t('codes.column.activated')}</th>
              <th scope="col">{t('codes.column.expireDate')}</th>
              <th scope="col">{t('codes.column.expired')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row, index) => (
              <tr key={index}>
                <td className="code">{row.code}</td>
                <td>
                  <span className={`status status-${row.status}`}>{t(`codes.status.${row.status}`)}</span>
                </td>
                <td>{date(row.attached)}</td>
                <td>{date(row.activated)}</td>
                <td>{date(row.expireDate)}</td>
                <td>{expired(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
