import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, LoyaltyProgramView } from '../../app/ipcContract';

/**
 * The loyalty programs a connection remembers (Altcraft cannot list them): each with its name,
 * when its codes were last fetched and how many there were; Get codes, Rename and Remove.
 */
export function ProgramList({
  connection,
  busy,
  onGet,
  onRename,
  onRemove,
}: {
  connection: ConnectionView;
  busy: boolean;
  onGet: (loyaltyId: number) => void;
  onRename: (loyaltyId: number, name: string) => void;
  onRemove: (loyaltyId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  if (connection.programs.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const count = new Intl.NumberFormat(i18n.language);

  const startRename = (program: LoyaltyProgramView) => {
    setRenaming(program.loyaltyId);
    setDraft(program.name ?? '');
  };
  const saveRename = (event: FormEvent, loyaltyId: number) => {
    event.preventDefault();
    onRename(loyaltyId, draft);
    setRenaming(null);
  };

  return (
    <table className="programs-table">
      <caption>{t('programs.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programs.name')}</th>
          <th scope="col">{t('programs.id')}</th>
          <th scope="col">{t('programs.lastFetched')}</th>
          <th scope="col">{t('programs.codes')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('programs.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {connection.programs.map((program) => {
          const label = program.name ?? t('programs.unnamed', { id: program.loyaltyId });
          return (
            <tr key={program.loyaltyId}>
              <td>
                {renaming === program.loyaltyId ? (
                  <form className="inline-form" onSubmit={(e) => saveRename(e, program.loyaltyId)}>
                    <input
                      aria-label={t('programs.newName', { id: program.loyaltyId })}
                      value={draft}
                      onChange={(e) => setDraft(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setRenaming(null);
                      }}
                      autoFocus
                    />
                    <button type="submit">{t('programs.save')}</button>
                  </form>
                ) : (
                  label
                )}
              </td>
              <td>{program.loyaltyId}</td>
              <td>
                {program.lastFetchedAt === null ? t('programs.never') : when.format(program.lastFetchedAt)}
              </td>
              <td>{program.lastCount === null ? '' : count.format(program.lastCount)}</td>
              <td className="actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onGet(program.loyaltyId)}
                  aria-label={t('programs.getFor', { name: label })}
                >
                  {t('codes.get')}
                </button>
                <button
                  type="button"
                  onClick={() => startRename(program)}
                  aria-label={t('programs.renameFor', { name: label })}
                >
                  {t('programs.rename')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t('programs.removeConfirm', { name: label })))
                      onRemove(program.loyaltyId);
                  }}
                  aria-label={t('programs.removeFor', { name: label })}
                >
                  {t('programs.remove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
