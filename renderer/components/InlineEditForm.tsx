import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** One field edited in place: Enter saves, Escape or Cancel closes. */
export function InlineEditForm({
  label,
  initial = '',
  secret = false,
  onSave,
  onClose,
}: {
  label: string;
  initial?: string;
  secret?: boolean;
  onSave: (value: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') void onSave(value.trim()).then(onClose, () => undefined);
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
        {label}
        <input
          type={secret ? 'password' : 'text'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
      </label>
      <button type="button" onClick={onClose}>
        {t('connection.cancel')}
      </button>
      <button type="submit" className="primary" disabled={value.trim() === ''}>
        {t('programs.save')}
      </button>
    </form>
  );
}
