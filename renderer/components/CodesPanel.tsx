import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { useCodeFetch } from '../hooks/useCodeFetch';
import { useCodeRows } from '../hooks/useCodeRows';
import { CodeTable } from './CodeTable';
import { ErrorNotice } from './ErrorNotice';
import { FetchProgress } from './FetchProgress';
import { SaveWorkbookButton } from './SaveWorkbookButton';

/** One loyalty program's codes: type its ID, get the codes, look through them, save them. */
export function CodesPanel({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation();
  const [loyaltyId, setLoyaltyId] = useState(String(connection.programs.at(-1)?.loyaltyId ?? ''));
  const { state, fetchCodes, cancel } = useCodeFetch(connection.id);
  const summary = state.phase === 'done' ? state.summary : null;
  const page = useCodeRows(summary);

  const id = Number(loyaltyId);
  const validId = /^\d+$/.test(loyaltyId.trim()) && Number.isSafeInteger(id) && id > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (validId && state.phase !== 'fetching') void fetchCodes(id);
  };

  return (
    <section className="card codes" aria-label={t('codes.heading')}>
      <form className="inline-form" onSubmit={submit}>
        <label>
          {t('codes.loyaltyId')}
          <input
            inputMode="numeric"
            value={loyaltyId}
            onChange={(e) => setLoyaltyId(e.target.value)}
            aria-describedby="loyalty-hint"
          />
        </label>
        <button type="submit" disabled={!validId || state.phase === 'fetching'}>
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
          {...(state.error.code === 'cancelled' ? {} : { onRetry: () => void fetchCodes(state.loyaltyId) })}
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
