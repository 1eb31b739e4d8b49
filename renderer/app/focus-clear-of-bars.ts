/**
 * The training banner and the status bar sit outside the work area, which scrolls between them
 * (see Workstation), so neither ever covers a control. But Chromium scrolls a focused textarea
 * only as far as its caret's line, leaving the rest of it out of sight below the work area's edge
 * (WCAG 2.2, 2.4.11); a dialog's content, between its title and its row of buttons,
 * likewise. So after every focus, whatever scrolls around the focused control (the work area, a
 * dialog's content, or the page itself when zoomed) is scrolled until the whole control shows.
 */

export interface Band {
  /** Where the focused control starts and ends, from the top of what scrolls around it (CSS pixels). */
  top: number;
  bottom: number;
}

/**
 * How far to scroll down (positive) or up (negative) so that `shown` sits within a scrolling
 * area `height` tall: 0 when it already does. A control taller than the area is lined up by its
 * top, where its label and first line are.
 */
export function scrollToClear(shown: Band, height: number): number {
  if (shown.top < 0) return shown.top;
  if (shown.bottom > height) return Math.min(shown.bottom - height, shown.top);
  return 0;
}

/** What shows the focus: an invisible input (a radio's, a checkbox's) is drawn by its parent. */
function shownFor(element: HTMLElement): HTMLElement {
  return getComputedStyle(element).opacity === '0' && element.parentElement ? element.parentElement : element;
}

/** The nearest area around `element` that scrolls, short of a dialog's edge; null when only the page does. */
function scrollingAround(element: HTMLElement): HTMLElement | null {
  for (let area = element.parentElement; area && area !== document.body; area = area.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(area).overflowY) && area.scrollHeight > area.clientHeight) return area;
    // A dialog whose content does not scroll is wholly in view: the page behind it must not move.
    if (area.matches('[role="dialog"], [role="alertdialog"]')) return area;
  }
  return null;
}

/** Scrolls what is around the focused control until the whole control shows. */
export function keepFocusClear(element: Element | null): void {
  if (!(element instanceof HTMLElement) || element === document.body) return;
  const box = shownFor(element).getBoundingClientRect();
  const area = scrollingAround(element);
  if (!area) {
    const by = scrollToClear(box, window.innerHeight);
    if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' });
    return;
  }
  const room = area.getBoundingClientRect();
  const by = scrollToClear({ top: box.top - room.top, bottom: box.bottom - room.top }, area.clientHeight);
  if (by !== 0) area.scrollBy({ top: by, behavior: 'instant' });
}

/** Installs the check on every focus in the page; returns its removal. */
export function installFocusClearOfBars(): () => void {
  const onFocus = (event: FocusEvent) => keepFocusClear(event.target as Element | null);
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}
