import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A connection's new address, with the token for it: main removes the saved token when the address
 * changes (it was entered for the old one), so the new one is asked for in the same form.
 */
export function HostChangeForm({
  initial,
  onSave,
  onClose,
}: {
  initial: string;
  onSave: (change: { host: string; token: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [host, setHost] = useState(initial);
  const [token, setToken] = useState('');
  const hintId = useId();
  const ready = host.trim() !== '' && token.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) void onSave({ host: host.trim(), token: token.trim() }).then(onClose, () => undefined);
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        // Escape closes this edit only, not the dialog around it.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <label>
        {t('connection.newHost')}
        <input
          value={host}
          onChange={(e) => setHost(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
      </label>
      <label>
        {t('connection.newHostToken')}
        <input
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          aria-describedby={hintId}
        />
      </label>
      <p id={hintId} className="muted">
        {t('connection.newHostNeedsToken')}
      </p>
      <button type="button" onClick={onClose}>
        {t('connection.cancel')}
      </button>
      <button type="submit" className="primary" disabled={!ready}>
        {t('programs.save')}
      </button>
    </form>
  );
}
