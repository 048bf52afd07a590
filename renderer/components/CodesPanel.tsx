import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { call } from '../api';
import { useCodeFetch } from '../hooks/useCodeFetch';
import { CodeBrowser } from './CodeBrowser';
import { ErrorNotice } from './ErrorNotice';
import { FetchProgress } from './FetchProgress';
import { ProgramList } from './ProgramList';
import { SaveActions } from './SaveActions';

/** A connection's loyalty programs and their codes: get them, look through them, save them. */
export function CodesPanel({
  connection,
  onChanged,
  onSaved,
}: {
  connection: ConnectionView;
  onChanged: () => Promise<void>;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const [loyaltyId, setLoyaltyId] = useState('');
  const [programName, setProgramName] = useState('');
  const { state, fetchCodes, cancel } = useCodeFetch(connection.id);
  const summary = state.phase === 'done' ? state.summary : null;
  const [fetched, setFetched] = useState<number[]>([]);
  const [together, setTogether] = useState<number[]>([]);
  const busy = state.phase === 'fetching';

  const id = Number(loyaltyId);
  const validId = /^\d+$/.test(loyaltyId.trim()) && Number.isSafeInteger(id) && id > 0;
  const getCodes = async (target: number) => {
    if (await fetchCodes(target)) setFetched((ids) => (ids.includes(target) ? ids : [...ids, target]));
    await onChanged();
  };
  const others = fetched.filter((id) => id !== summary?.loyaltyId);
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
          <h3 className="program-heading">
            {programTitle(connection, summary.loyaltyId, t)} ·{' '}
            <span role="status">
              {t('codes.total', { count: summary.total, formatted: number.format(summary.total) })}
            </span>
          </h3>
          {others.length > 0 && (
            <fieldset className="together">
              <legend>{t('codes.together')}</legend>
              {others.map((id) => (
                <label key={id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={together.includes(id)}
                    onChange={(e) =>
                      setTogether((ids) => (e.target.checked ? [...ids, id] : ids.filter((x) => x !== id)))
                    }
                  />
                  {programTitle(connection, id, t)}
                </label>
              ))}
            </fieldset>
          )}
          <CodeBrowser
            key={`${summary.loyaltyId} ${summary.fetchedAt}`}
            program={summary}
            actions={(view) => (
              <SaveActions
                connectionId={connection.id}
                loyaltyId={summary.loyaltyId}
                alsoLoyaltyIds={together.filter((id) => others.includes(id))}
                view={view}
                onSaved={onSaved}
              />
            )}
          />
        </>
      )}
    </section>
  );
}

function programTitle(connection: ConnectionView, loyaltyId: number, t: TFunction) {
  return (
    connection.programs.find((p) => p.loyaltyId === loyaltyId)?.name ??
    t('programs.unnamed', { id: loyaltyId })
  );
}
