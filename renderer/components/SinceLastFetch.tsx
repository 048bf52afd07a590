import { useTranslation } from 'react-i18next';
import type { FetchChanges } from '../../app/codeChanges';

/** The statuses whose newcomers are worth a word after a fetch; new available codes count as new codes. */
const REACHED = ['attached', 'activated', 'expired'] as const;

/**
 * What changed since the program's previous fetch, in one line: "+120 attached, +45 activated since
 * 28 Nov". New and removed codes are named too; a fetch that changed nothing says so.
 */
export function SinceLastFetch({ changes }: { changes: FetchChanges }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const sameYear = new Date(changes.since).getFullYear() === new Date().getFullYear();
  const when = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(changes.since);
  const part = (key: string, count: number) =>
    count === 0 ? [] : [t(`since.${key}`, { count, formatted: number.format(count) })];
  const parts = [
    ...part('added', changes.added),
    ...REACHED.flatMap((status) => part(status, changes.reached[status])),
    ...part('removed', changes.removed),
  ];
  return (
    <p className="since-last-fetch">
      {parts.length === 0
        ? t('since.none', { when })
        : t('since.line', { changes: parts.join(t('since.separator')), when })}
    </p>
  );
}
