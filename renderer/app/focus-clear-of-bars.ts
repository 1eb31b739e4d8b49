/**
 * The status bar (and, when the window is tall enough, the training banner) is sticky, and the
 * theme's `scroll-padding` leaves room for it when the browser scrolls a focused field into
 * view. But Chromium only scrolls a focused field when it is outside the window: a field that
 * Tab reaches while it sits in the bottom 4.5rem stays under the status bar (WCAG 2.2, 2.4.11).
 * So after every focus the page scrolls by what is still covered, reading the same padding from
 * the page's CSS, so there is one place that says how much room the bars need.
 */

export interface Band {
  /** Where the focused control starts and ends, from the top of the window (CSS pixels). */
  top: number;
  bottom: number;
}

/**
 * How far to scroll down (positive) or up (negative) so that `shown` sits between the padded
 * top and bottom of a window `height` tall: 0 when it already does. A control taller than the
 * room there is lined up by its top, where its label and first line are.
 */
export function scrollToClear(shown: Band, height: number, padTop: number, padBottom: number): number {
  const roomTop = padTop;
  const roomBottom = height - padBottom;
  if (shown.top < roomTop) return shown.top - roomTop;
  if (shown.bottom > roomBottom) return Math.min(shown.bottom - roomBottom, shown.top - roomTop);
  return 0;
}

function pixels(value: string): number {
  const number = parseFloat(value);
  return Number.isFinite(number) ? number : 0;
}

/** What shows the focus: an invisible input (a radio's, a checkbox's) is drawn by its parent. */
function shownFor(element: HTMLElement): HTMLElement {
  return getComputedStyle(element).opacity === '0' && element.parentElement ? element.parentElement : element;
}

/**
 * In a dialog the page does not scroll: its content does, between the title and the sticky row
 * of buttons. Chromium scrolls a focused textarea only as far as its caret's line, leaving the
 * rest under the buttons, so the content is scrolled until the whole control shows.
 */
function keepClearInDialog(element: HTMLElement, dialog: Element): void {
  let area = element.parentElement;
  while (area && area !== dialog && !(/(auto|scroll)/.test(getComputedStyle(area).overflowY) && area.scrollHeight > area.clientHeight)) area = area.parentElement;
  if (!area || area === dialog) return;
  const room = area.getBoundingClientRect();
  const box = shownFor(element).getBoundingClientRect();
  const by = scrollToClear({ top: box.top - room.top, bottom: box.bottom - room.top }, area.clientHeight, 0, 0);
  if (by !== 0) area.scrollBy({ top: by, behavior: 'instant' });
}

/** Scrolls the page (or the dialog's content) so the focused control is clear of the sticky bars. */
export function keepFocusClear(element: Element | null): void {
  if (!(element instanceof HTMLElement) || element === document.body) return;
  const dialog = element.closest('[role="dialog"], [role="alertdialog"]');
  if (dialog) return keepClearInDialog(element, dialog);
  const html = getComputedStyle(document.documentElement);
  const box = shownFor(element).getBoundingClientRect();
  const by = scrollToClear(box, window.innerHeight, pixels(html.scrollPaddingTop), pixels(html.scrollPaddingBottom));
  if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' });
}

/** Installs the check on every focus in the page; returns its removal. */
export function installFocusClearOfBars(): () => void {
  const onFocus = (event: FocusEvent) => keepFocusClear(event.target as Element | null);
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}
