import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../app/ipcContract';
import { Icon } from './Icon';
import { MenuButton } from './MenuButton';

/** The connection in use, at the top of the sidebar: switch to another, manage it, or add one. */
export function ConnectionSwitcher({
  connections,
  connection,
  onSwitch,
  onManage,
  onAdd,
}: {
  connections: ConnectionView[];
  connection: ConnectionView | null;
  onSwitch: (connectionId: string) => void;
  onManage: () => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  if (connection === null)
    return (
      <button type="button" className="switcher" onClick={onAdd}>
        <Icon name="plus" /> {t('connection.add')}
      </button>
    );
  return (
    <MenuButton
      className="switcher"
      accessibleName={t('connection.switcher', { name: connection.name })}
      label={
        <>
          <span className="switcher-text">
            <span className="switcher-name">{connection.name}</span>
            <span className="switcher-host">{connection.host}</span>
          </span>
          <Icon name="chevron" />
        </>
      }
      entries={[
        ...connections.map((c) => ({
          kind: 'item' as const,
          label: c.name,
          detail: c.host,
          checked: c.id === connection.id,
          onSelect: () => onSwitch(c.id),
        })),
        { kind: 'separator' },
        { kind: 'item', label: t('connection.manage'), onSelect: onManage },
        { kind: 'item', label: t('connection.addMore'), onSelect: onAdd },
      ]}
    />
  );
}
