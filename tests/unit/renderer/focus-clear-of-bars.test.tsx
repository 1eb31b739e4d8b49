// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFocusClearOfBars, scrollToClear } from '../../../renderer/app/focus-clear-of-bars';

/** A window 768 pixels tall with the theme's padding: 3.5rem (56) at the top, 4.5rem (72) at the bottom. */
const clear = (top: number, bottom: number) => scrollToClear({ top, bottom }, 768, 56, 72);

describe('keeping the focused control clear of the sticky bars', () => {
  it('scrolls a field under the status bar up by what is covered, and leaves one in the clear alone', () => {
    // The case form's description, as Tab left it: 104 pixels tall, its foot at 750 under the status bar.
    expect(clear(646, 750)).toBe(750 - (768 - 72));
    expect(clear(300, 404)).toBe(0);
    expect(clear(592, 696)).toBe(0);
  });

  it('scrolls a field under the top bar down into the room, and lines up a control taller than the room by its top', () => {
    expect(clear(20, 60)).toBe(20 - 56);
    expect(clear(400, 1400)).toBe(400 - 56);
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

    it('scrolls the page when a focused field sits under the bars, reading their room from the CSS', () => {
      document.documentElement.style.setProperty('scroll-padding-top', '56px');
      document.documentElement.style.setProperty('scroll-padding-bottom', '72px');
      const scrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
      remove = installFocusClearOfBars();
      field(window.innerHeight - 100, window.innerHeight - 2).focus();
      expect(scrolled).toHaveBeenCalledWith({ top: 72 - 2, behavior: 'instant' });
    });

    it('in a dialog, leaves the page alone and scrolls the dialog\'s content until the whole field shows above its buttons', () => {
      document.documentElement.style.setProperty('scroll-padding-top', '56px');
      document.documentElement.style.setProperty('scroll-padding-bottom', '72px');
      const pageScrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
      remove = installFocusClearOfBars();
      // The dialog's content: 400 pixels tall from 100 down, scrolling 900 pixels of form.
      const textarea = field(440, 540, true);
      const content = document.createElement('div');
      content.style.overflowY = 'auto';
      textarea.parentElement!.append(content);
      content.append(textarea);
      Object.defineProperty(content, 'clientHeight', { value: 400 });
      Object.defineProperty(content, 'scrollHeight', { value: 900 });
      vi.spyOn(content, 'getBoundingClientRect').mockReturnValue({ top: 100, bottom: 500, left: 0, right: 100, width: 100, height: 400, x: 0, y: 100, toJSON: () => ({}) });
      const contentScrolled = vi.fn();
      content.scrollBy = contentScrolled;
      textarea.focus();
      expect(pageScrolled).not.toHaveBeenCalled();
      // Its last 40 pixels were below the content's edge, under the buttons.
      expect(contentScrolled).toHaveBeenCalledWith({ top: 40, behavior: 'instant' });
    });
  });
});
