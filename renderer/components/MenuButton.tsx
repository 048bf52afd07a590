import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export type MenuEntry =
  | {
      kind: 'item';
      label: string;
      /** A second line in smaller type. */
      detail?: string;
      /** A checked radio item (the connection in use, say) when true or false; a plain item when absent. */
      checked?: boolean;
      danger?: boolean;
      disabled?: boolean;
      onSelect: () => void;
    }
  | { kind: 'separator' }
  | { kind: 'label'; label: string };

/**
 * A button that opens a menu (the ARIA menu-button pattern): arrow keys move, Home and End jump,
 * Enter chooses, Escape or a click elsewhere closes and focus goes back to the button.
 */
export function MenuButton({
  id,
  label,
  accessibleName,
  className = '',
  align = 'start',
  entries,
}: {
  id?: string;
  label: ReactNode;
  /** When the visible label does not say enough on its own (an icon, say). */
  accessibleName?: string;
  className?: string;
  align?: 'start' | 'end';
  entries: MenuEntry[];
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? []),
  ];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <span className="menu-anchor">
      <button
        id={id}
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={accessibleName}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div
          id={menuId}
          ref={menu}
          role="menu"
          aria-label={accessibleName ?? (typeof label === 'string' ? label : undefined)}
          className={`menu align-${align}`}
          onKeyDown={onMenuKey}
        >
          {entries.map((entry, index) =>
            entry.kind === 'separator' ? (
              <div key={index} role="separator" />
            ) : entry.kind === 'label' ? (
              <div key={index} className="menu-group-label" aria-hidden="true">
                {entry.label}
              </div>
            ) : (
              <button
                key={index}
                type="button"
                tabIndex={-1}
                role={entry.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={entry.checked}
                aria-label={entry.detail === undefined ? undefined : `${entry.label}, ${entry.detail}`}
                className={entry.danger === true ? 'danger' : ''}
                disabled={entry.disabled}
                onClick={() => {
                  close(true);
                  entry.onSelect();
                }}
              >
                {entry.checked !== undefined && (
                  <span className="menu-check" aria-hidden="true">
                    {entry.checked ? '✓' : ''}
                  </span>
                )}
                <span>
                  {entry.label}
                  {entry.detail !== undefined && <span className="menu-detail">{entry.detail}</span>}
                </span>
              </button>
            ),
          )}
        </div>
      )}
    </span>
  );
}
