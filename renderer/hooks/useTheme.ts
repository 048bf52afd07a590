// The theme preference, for the Settings pane.
import { useState } from 'react';
import type { Theme } from '../theme';
import { chooseTheme, storedTheme } from '../theme';

export function useTheme() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const choose = (next: Theme) => {
    chooseTheme(next);
    setTheme(next);
  };
  return { theme, choose };
}
