import { APP_START_URL } from '../security/app-origin';
import { lockedWebPreferences, type LockedWebPreferences, type WindowBuild } from '../security/web-preferences';

/**
 * The customer-facing window: what the resident sees ("point to your language", a phrase in
 * their language). Pure decisions here; main/shell/customer-window.ts wires them to Electron.
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Shaped like Electron's Display, only what the choice needs. */
export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

export interface CustomerDisplayChoice {
  /** The display the window goes on, or null when none is known (the shell's default). */
  displayId: number | null;
  bounds: Rectangle;
  /** Always full screen: on a display of its own, or covering the staff window when there is only one. */
  fullscreen: boolean;
  /** True when the resident gets a display of their own and the officer keeps theirs. */
  ownDisplay: boolean;
}

const FALLBACK_BOUNDS: Rectangle = { x: 0, y: 0, width: 1280, height: 800 };

const area = (display: DisplayInfo) => Math.max(0, display.bounds.width) * Math.max(0, display.bounds.height);

/**
 * Where the customer view opens: on a display the officer's window is not on (the largest,
 * if there are several; the first of equals), full screen. With one display, full screen on
 * it: the officer turns the screen to the resident and closes the view to get their own back.
 * The officer's display is the one their window is on, else the primary one.
 */
export function chooseCustomerDisplay(displays: readonly DisplayInfo[], primaryId: number, staffDisplayId: number = primaryId): CustomerDisplayChoice {
  const staffDisplay = displays.find((display) => display.id === staffDisplayId) ?? displays.find((display) => display.id === primaryId) ?? displays[0];
  if (!staffDisplay) return { displayId: null, bounds: { ...FALLBACK_BOUNDS }, fullscreen: true, ownDisplay: false };
  const others = displays.filter((display) => display.id !== staffDisplay.id && area(display) > 0);
  const best = others.reduce<DisplayInfo | null>((chosen, display) => (chosen === null || area(display) > area(chosen) ? display : chosen), null);
  if (best) return { displayId: best.id, bounds: { ...best.bounds }, fullscreen: true, ownDisplay: true };
  return { displayId: staffDisplay.id, bounds: { ...staffDisplay.bounds }, fullscreen: true, ownDisplay: false };
}

/** The customer view's address: the same app, told to show the resident's screen. */
export const CUSTOMER_VIEW_URL = `${APP_START_URL}?view=customer`;

/**
 * The main window's locked-down webPreferences, without the preload: the customer view gets
 * everything from the officer's page over a BroadcastChannel and never needs the bridge, so a
 * screen the resident can touch has no way to the main process at all.
 */
export type CustomerWebPreferences = Omit<LockedWebPreferences, 'preload'>;

export function customerWebPreferences(build: WindowBuild): CustomerWebPreferences {
  const { preload: _preload, ...rest } = lockedWebPreferences('', build);
  return rest;
}
