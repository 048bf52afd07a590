// The window's keys: Ctrl/Cmd+F to search, Ctrl/Cmd+E to export, F5 or Ctrl/Cmd+R to get the codes
// again (never to reload the page). Handled here so they work wherever focus is; the application
// menu names the same keys and sends the same commands when the page did not take them.
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  find: () => void;
  exportMenu: () => void;
  refresh: () => void;
}

export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // An open dialog keeps the keyboard to itself.
      if (document.querySelector('dialog[open]') !== null) return;
      let action: (() => void) | null = null;
      if (mod && !event.shiftKey && !event.altKey && key === 'f') action = latest.current.find;
      else if (mod && !event.shiftKey && !event.altKey && key === 'e') action = latest.current.exportMenu;
      else if (event.key === 'F5' || (mod && !event.altKey && key === 'r')) action = latest.current.refresh;
      if (action === null) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Puts the cursor in the element with this id, if it is on screen. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (element instanceof HTMLInputElement) element.select();
  element?.focus();
}

/** Opens the menu button with this id, if it is on screen. */
export function clickById(id: string): void {
  const element = document.getElementById(id);
  if (element instanceof HTMLButtonElement && !element.disabled) element.click();
}
