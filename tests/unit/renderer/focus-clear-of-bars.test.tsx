// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFocusClearOfBars, scrollToClear } from '../../../renderer/app/focus-clear-of-bars';

/** The work area of a 768-pixel window, less the banner and the status bar: 640 pixels tall. */
const clear = (top: number, bottom: number) => scrollToClear({ top, bottom }, 640);

describe('keeping the whole focused control in view', () => {
  it('scrolls a field cut off at the foot of the work area up by what is cut off, and leaves one in view alone', () => {
    // The case form's description, as Tab left it: 104 pixels tall, its foot at 700, below the area.
    expect(clear(596, 700)).toBe(700 - 640);
    expect(clear(300, 404)).toBe(0);
    expect(clear(536, 640)).toBe(0);
  });

  it('scrolls a field cut off at the top down into view, and lines up a control taller than the area by its top', () => {
    expect(clear(-20, 60)).toBe(-20);
    expect(clear(400, 1400)).toBe(400);
  });

  describe('on every focus in the page', () => {
    let remove: () => void = () => undefined;
    afterEach(() => {
      remove();
      document.body.innerHTML = '';
      document.documentElement.removeAttribute('style');
      vi.restoreAllMocks();
    });

    const field = (top: number, bottom: number, inDialog = false) => {
      const holder = document.createElement('div');
      if (inDialog) holder.setAttribute('role', 'dialog');
      const textarea = document.createElement('textarea');
      holder.append(textarea);
      document.body.append(holder);
      vi.spyOn(textarea, 'getBoundingClientRect').mockReturnValue({ top, bottom, left: 0, right: 100, width: 100, height: bottom - top, x: 0, y: top, toJSON: () => ({}) });
      return textarea;
    };

    /** Makes `area` scroll: `height` pixels tall from `top` down, holding `scrollHeight`; returns its scrollBy, watched. */
    const scrolling = (area: HTMLElement, top: number, height: number, scrollHeight: number) => {
      area.style.overflowY = 'auto';
      Object.defineProperty(area, 'clientHeight', { value: height });
      Object.defineProperty(area, 'scrollHeight', { value: scrollHeight });
      vi.spyOn(area, 'getBoundingClientRect').mockReturnValue({ top, bottom: top + height, left: 0, right: 100, width: 100, height, x: 0, y: top, toJSON: () => ({}) });
      const scrolled = vi.fn();
      area.scrollBy = scrolled;
      return scrolled;
    };

    it('when only the page scrolls (zoomed), scrolls it until the whole field shows', () => {
      const scrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
      remove = installFocusClearOfBars();
      field(window.innerHeight - 100, window.innerHeight + 30).focus();
      expect(scrolled).toHaveBeenCalledWith({ top: 30, behavior: 'instant' });
    });

    it('in the work area, leaves the page alone and scrolls the area until the whole field shows above the status bar', () => {
      const pageScrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
      remove = installFocusClearOfBars();
      // The work area: 640 pixels tall from 40 down (below the banner), scrolling 2,000 pixels.
      const textarea = field(600, 704);
      const areaScrolled = scrolling(textarea.parentElement!, 40, 640, 2000);
      textarea.focus();
      expect(pageScrolled).not.toHaveBeenCalled();
      // Its last 24 pixels were below the area's foot, where the status bar begins.
      expect(areaScrolled).toHaveBeenCalledWith({ top: 24, behavior: 'instant' });
    });

    it('in a dialog, leaves the page alone and scrolls the dialog\'s content until the whole field shows above its buttons', () => {
      const pageScrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
      remove = installFocusClearOfBars();
      // The dialog's content: 400 pixels tall from 100 down, scrolling 900 pixels of form.
      const textarea = field(440, 540, true);
      const content = document.createElement('div');
      textarea.parentElement!.append(content);
      content.append(textarea);
      const contentScrolled = scrolling(content, 100, 400, 900);
      textarea.focus();
      expect(pageScrolled).not.toHaveBeenCalled();
      // Its last 40 pixels were below the content's edge, under the buttons.
      expect(contentScrolled).toHaveBeenCalledWith({ top: 40, behavior: 'instant' });
    });
  });
});
