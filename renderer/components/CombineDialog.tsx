import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { programLabel } from '../programLabel';
import { Dialog } from './Dialog';

/**
 * Several programs into one workbook, a sheet each: the connection's programs whose codes are here
 * can be ticked; the others say to get their codes first.
 */
export function CombineDialog({
  connection,
  heldIds,
  startWith,
  onSave,
  onClose,
}: {
  connection: ConnectionView;
  /** Programs whose codes are held this session. */
  heldIds: number[];
  startWith: number | null;
  onSave: (loyaltyIds: number[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number[]>(startWith === null ? [] : [startWith]);
  const toggle = (id: number, on: boolean) =>
    setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <Dialog title={t('export.severalTitle')} onClose={onClose}>
      <p className="muted">{t('export.severalHint')}</p>
      <fieldset className="program-choices">
        <legend className="visually-hidden">{t('programs.heading')}</legend>
        {connection.programs.map((program) => {
          const held = heldIds.includes(program.loyaltyId);
          return (
            <label key={program.loyaltyId} className="checkbox">
              <input
                type="checkbox"
                disabled={!held}
                checked={chosen.includes(program.loyaltyId)}
                onChange={(e) => toggle(program.loyaltyId, e.target.checked)}
              />
              {programLabel(program, t)}
              {!held && <span className="muted">{t('export.getFirst')}</span>}
            </label>
          );
        })}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => {
            // In the sidebar's order, so the workbook's sheets follow the list.
            onSave(connection.programs.map((p) => p.loyaltyId).filter((id) => chosen.includes(id)));
            onClose();
          }}
        >
          {t('export.severalSave', { count: chosen.length })}
        </button>
      </div>
    </Dialog>
  );
}
