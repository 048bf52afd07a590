import { describe, expect, it } from 'vitest';
import { placeWindow, rememberWindow } from '../../main/shell/windowPlacement';

// Where the window opens, decided without Electron. Screens are work areas: a 1920×1040 laptop
// screen (a task bar below), and for some cases a second screen to its right.
const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightScreen = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('where the window opens', () => {
  it('opens at 1280×800, centred, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
  });

  it('opens where it was left, with its size and maximised state', () => {
    const left = { x: 300, y: 120, width: 1400, height: 900, maximized: true };
    expect(placeWindow(left, [laptop, rightScreen])).toEqual({
      bounds: { x: 300, y: 120, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('opens on the second screen when it was left there and the screen is still connected', () => {
    const left = { x: 2100, y: 200, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(left, [laptop, rightScreen]).bounds).toEqual({
      x: 2100,
      y: 200,
      width: 1600,
      height: 1000,
    });
  });

  it('comes back to the main screen, centred, when the screen it was on is gone', () => {
    const left = { x: 2100, y: 200, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(left, [laptop])).toEqual({ bounds: { width: 1600, height: 1000 }, maximized: false });
  });

  it('is centred when its title bar would be off every screen, even if part of it shows', () => {
    const left = { x: 400, y: -500, width: 1200, height: 900, maximized: false };
    expect(placeWindow(left, [laptop]).bounds).toEqual({ width: 1200, height: 900 });
  });

  it('never opens larger than the screen nor smaller than 900×600', () => {
    expect(placeWindow({ width: 4000, height: 3000, maximized: false }, [laptop]).bounds).toEqual({
      width: 1920,
      height: 1040,
    });
    expect(placeWindow({ width: 300, height: 200, maximized: false }, [laptop]).bounds).toEqual({
      width: 900,
      height: 600,
    });
  });

  it('is pulled back onto its screen when it hangs over the edge', () => {
    const left = { x: 1500, y: 700, width: 1000, height: 700, maximized: false };
    expect(placeWindow(left, [laptop]).bounds).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
  });

  it('remembers the normal bounds, not the maximised ones', () => {
    expect(rememberWindow({ x: 10, y: 20, width: 1300, height: 850 }, true)).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 850,
      maximized: true,
    });
  });
});
