import { useTranslation } from 'react-i18next';
import { ConnectionForm } from './ConnectionForm';
import { Dialog } from './Dialog';

/** Another Altcraft connection (a second account, say), added beside the ones there are. */
export function AddConnectionDialog({
  onAdd,
  onClose,
}: {
  onAdd: (input: { name: string; host: string; token: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('connection.addTitle')} onClose={onClose}>
      <p className="muted">{t('connection.intro')}</p>
      <ConnectionForm
        onSave={async (input) => {
          await onAdd(input);
          onClose();
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
