import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import type { ProgramCodes } from '../hooks/useProgramFetches';
import { programLabel } from '../programLabel';

/**
 * The connection's loyalty programs: each with its name, code count, ID and when it was fetched,
 * a progress bar while its codes download, and a word when the last try failed.
 */
export function ProgramNav({
  connection,
  selectedId,
  codesOf,
  onSelect,
}: {
  connection: ConnectionView;
  selectedId: number | null;
  codesOf: (loyaltyId: number) => ProgramCodes;
  onSelect: (loyaltyId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);
  if (connection.programs.length === 0) return <p className="sidebar-empty muted">{t('programs.none')}</p>;
  return (
    <ul className="nav-list">
      {connection.programs.map((program) => {
        const codes = codesOf(program.loyaltyId);
        const label = programLabel(program, t);
        const count = codes.summary?.total ?? program.lastCount;
        const fetchedAt = codes.summary?.fetchedAt ?? program.lastFetchedAt;
        const failed = codes.error !== null && codes.error.code !== 'cancelled';
        const progress = codes.fetching?.progress;
        const percent =
          progress?.total != null && progress.total > 0
            ? Math.floor((progress.received / progress.total) * 100)
            : null;
        return (
          <li key={program.loyaltyId}>
            <button
              type="button"
              className="nav-item"
              data-nav-select=""
              aria-current={program.loyaltyId === selectedId ? 'page' : undefined}
              onClick={() => onSelect(program.loyaltyId)}
            >
              <span className="nav-name">{label}</span>
              <span className="nav-count">{count === null ? '' : number.format(count)}</span>
              <span className="nav-meta">
                {t('programs.idShort', { id: program.loyaltyId })} ·{' '}
                {codes.fetching !== null
                  ? t('programs.fetchingNow')
                  : failed
                    ? t('programs.failed')
                    : fetchedAt === null
                      ? t('programs.never')
                      : when.format(fetchedAt)}
              </span>
              {codes.fetching !== null && (
                <progress
                  aria-label={t('programs.fetching', { name: label })}
                  {...(percent === null ? {} : { value: percent, max: 100 })}
                />
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
