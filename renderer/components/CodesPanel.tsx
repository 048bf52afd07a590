import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { call } from '../api';
import { useCodeFetch } from '../hooks/useCodeFetch';
import { useCodeRows } from '../hooks/useCodeRows';
import { CodeTable } from './CodeTable';
import { ErrorNotice } from './ErrorNotice';
import { FetchProgress } from './FetchProgress';
import { ProgramList } from './ProgramList';
import { SaveWorkbookButton } from './SaveWorkbookButton';

/** A connection's loyalty programs and their codes: get them, look through them, save them. */
export function CodesPanel({
  connection,
  onChanged,
}: {
  connection: ConnectionView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [loyaltyId, setLoyaltyId] = useState('');
  const [programName, setProgramName] = useState('');
  const { state, fetchCodes, cancel } = useCodeFetch(connection.id);
  const summary = state.phase === 'done' ? state.summary : null;
  const page = useCodeRows(summary);
  const busy = state.phase === 'fetching';

  const id = Number(loyaltyId);
  const validId = /^\d+$/.test(loyaltyId.trim()) && Number.isSafeInteger(id) && id > 0;
  const getCodes = async (target: number) => {
    await fetchCodes(target);
    await onChanged();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validId || busy) return;
    if (programName.trim() !== '') {
      await call('programs:add', { connectionId: connection.id, loyaltyId: id, name: programName });
      setProgramName('');
    }
    await getCodes(id);
  };
  const programOp = (work: () => Promise<unknown>) => void work().then(onChanged);

  return (
    <section className="card codes" aria-label={t('codes.heading')}>
      <ProgramList
        connection={connection}
        busy={busy}
        onGet={(target) => void getCodes(target)}
        onRename={(target, name) =>
          programOp(() => call('programs:rename', { connectionId: connection.id, loyaltyId: target, name }))
        }
        onRemove={(target) =>
          programOp(() => call('programs:remove', { connectionId: connection.id, loyaltyId: target }))
        }
      />
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('codes.loyaltyId')}
          <input
            inputMode="numeric"
            value={loyaltyId}
            onChange={(e) => setLoyaltyId(e.target.value)}
            aria-describedby="loyalty-hint"
          />
        </label>
        <label>
          {t('programs.nameOptional')}
          <input value={programName} onChange={(e) => setProgramName(e.target.value)} />
        </label>
        <button type="submit" disabled={!validId || busy}>
          {t('codes.get')}
        </button>
        <span id="loyalty-hint" className="muted">
          {t('codes.loyaltyIdHint')}
        </span>
      </form>

      {state.phase === 'fetching' && (
        <FetchProgress progress={state.progress} onCancel={() => void cancel()} />
      )}
      {state.phase === 'failed' && (
        <ErrorNotice
          error={state.error}
          {...(state.error.code === 'cancelled' ? {} : { onRetry: () => void getCodes(state.loyaltyId) })}
        />
      )}
      {summary !== null && (
        <>
          <div className="codes-toolbar">
            <span role="status">{t('codes.total', { count: summary.total })}</span>
            <SaveWorkbookButton connectionId={connection.id} loyaltyId={summary.loyaltyId} />
          </div>
          {page !== null && <CodeTable page={page} />}
        </>
      )}
    </section>
  );
}
