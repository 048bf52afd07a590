// Where the window opens: as it was left (size, position, maximised), unless that no longer makes
// sense (a monitor unplugged, a smaller screen, a settings file edited by hand). A pure decision,
// so it is tested without Electron; window.ts applies it.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it was left: its normal (not maximised) bounds, and whether it was maximised. */
export interface RememberedWindow {
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WINDOW = { width: 900, height: 600 } as const;
export const FIRST_WINDOW = { width: 1280, height: 800 } as const;

/** How much of the window's top edge must be on a screen to be grabbed and moved. */
const GRAB = { width: 120, height: 32 } as const;

export interface Placement {
  /** Without x and y, Electron centres the window on the main screen. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/**
 * `workAreas` are the screens' usable areas (without task bar or dock), the main screen first. The
 * size never goes below the minimum nor beyond the screen it opens on; the position is kept only
 * when enough of the title bar lands on a screen to move the window by it.
 */
export function placeWindow(remembered: RememberedWindow | null, workAreas: readonly Rect[]): Placement {
  const wanted = remembered ?? { ...FIRST_WINDOW, maximized: false };
  const { x, y } = remembered ?? {};
  const at = x === undefined || y === undefined ? null : { x, y };
  const home =
    at === null ? undefined : workAreas.find((area) => titleBarOn({ ...at, width: wanted.width }, area));
  const screen = home ?? workAreas[0];
  const size = {
    width: clamp(wanted.width, MIN_WINDOW.width, screen?.width),
    height: clamp(wanted.height, MIN_WINDOW.height, screen?.height),
  };
  if (home === undefined || at === null) return { bounds: size, maximized: wanted.maximized };
  // Kept where it was, pulled back just enough that the whole window fits on its screen.
  return {
    bounds: {
      x: Math.min(Math.max(at.x, home.x), home.x + home.width - size.width),
      y: Math.min(Math.max(at.y, home.y), home.y + home.height - size.height),
      ...size,
    },
    maximized: wanted.maximized,
  };
}

/** What to remember when the window closes: its normal bounds even while maximised. */
export function rememberWindow(normalBounds: Rect, maximized: boolean): RememberedWindow {
  return { ...normalBounds, maximized };
}

function titleBarOn(window: { x: number; y: number; width: number }, area: Rect): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  const topInside = window.y >= area.y && window.y + GRAB.height <= area.y + area.height;
  return right - left >= GRAB.width && topInside;
}

function clamp(value: number, min: number, max: number | undefined): number {
  const upper = max === undefined ? value : Math.max(min, max);
  return Math.round(Math.min(Math.max(value, min), upper));
}
