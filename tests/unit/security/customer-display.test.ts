import { describe, expect, it } from 'vitest';
import { chooseCustomerDisplay, CUSTOMER_VIEW_URL, customerWebPreferences } from '../../../main/core/windows/customer-display';
import { lockedWebPreferences } from '../../../main/core/security/web-preferences';
import { isNavigationAllowed } from '../../../main/core/security/navigation';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const deskScreen = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
const bigScreen = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 } };

describe('chooseCustomerDisplay', () => {
  it('puts the resident on a second display, full screen, when there is one', () => {
    expect(chooseCustomerDisplay([laptop, deskScreen], 1)).toEqual({ displayId: 2, bounds: deskScreen.bounds, fullscreen: true, ownDisplay: true });
  });

  it('covers the only display, full screen, when there is no other', () => {
    expect(chooseCustomerDisplay([laptop], 1)).toEqual({ displayId: 1, bounds: laptop.bounds, fullscreen: true, ownDisplay: false });
  });

  it('never takes the display the officer is working on, even when that is not the primary one', () => {
    expect(chooseCustomerDisplay([laptop, deskScreen], 1, 2)).toMatchObject({ displayId: 1, ownDisplay: true });
  });

  it('takes the largest of several other displays, and the first of equals', () => {
    expect(chooseCustomerDisplay([laptop, deskScreen, bigScreen], 1).displayId).toBe(3);
    const twin = { ...deskScreen, id: 4, bounds: { ...deskScreen.bounds, x: 3200 } };
    expect(chooseCustomerDisplay([laptop, deskScreen, twin], 1).displayId).toBe(2);
  });

  it('ignores a display with no area and copes with unknown ids and no displays', () => {
    const broken = { id: 5, bounds: { x: 0, y: 0, width: 0, height: 0 } };
    expect(chooseCustomerDisplay([laptop, broken], 1)).toMatchObject({ displayId: 1, ownDisplay: false });
    expect(chooseCustomerDisplay([laptop, deskScreen], 99, 98)).toMatchObject({ displayId: 2, ownDisplay: true });
    expect(chooseCustomerDisplay([], 1)).toMatchObject({ displayId: null, fullscreen: true, ownDisplay: false });
  });

  it('hands back a copy of the bounds, not the display’s own object', () => {
    const choice = chooseCustomerDisplay([laptop, deskScreen], 1);
    choice.bounds.x = 0;
    expect(deskScreen.bounds.x).toBe(1920);
  });
});

describe('the customer window', () => {
  it('is as locked down as the main window, without the preload: it has no bridge to the main process', () => {
    for (const packaged of [true, false]) {
      const { preload: _preload, ...locked } = lockedWebPreferences('/app/preload/index.cjs', { packaged });
      expect(customerWebPreferences({ packaged })).toEqual(locked);
    }
    const preferences = customerWebPreferences({ packaged: true });
    expect(preferences).not.toHaveProperty('preload');
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('loads CivicDesk’s own page, which the navigation policy allows', () => {
    expect(CUSTOMER_VIEW_URL).toBe('app://civicdesk/index.html?view=customer');
    expect(isNavigationAllowed(CUSTOMER_VIEW_URL)).toBe(true);
  });
});
