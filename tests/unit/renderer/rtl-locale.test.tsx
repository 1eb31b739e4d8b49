import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n, staffLanguageFrom } from '../../../renderer/i18n/i18n';
import { pseudoMirror, RLO, RTL_PSEUDO_LOCALE } from '../../../renderer/i18n/pseudo-rtl';
import { createCivicTheme } from '../../../renderer/theme/theme';
import { fakeBridge, testScript, trainingStaff } from '../support/fake-bridge';

/**
 * The right-to-left pseudo-locale wraps every translated run of text in a right-to-left
 * override, so visible text without one did not come through i18next. Data (names from the back
 * office, text marked as another language with its own lang attribute) and key caps are allowed.
 */
function unmirrored(root: HTMLElement, data: readonly string[]): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
    if (!/\p{L}/u.test(text)) continue; // numbers and punctuation only
    if (node.parentElement?.closest('kbd, option, style, script')) continue;
    const marked = node.parentElement?.closest('[lang]');
    if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== RTL_PSEUDO_LOCALE) continue;
    if (text.includes(RLO)) continue;
    if (data.includes(text)) continue;
    if (/^\w+day \d{1,2} \w+ \d{4}$/.test(text)) continue; // a date, written by the shared date formatter
    found.push(text);
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value && /\p{L}/u.test(value) && !value.includes(RLO)) found.push(`${attribute}="${value}"`);
    }
  }
  return found;
}

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});

describe('the right-to-left staff interface (ar-XB pseudo-locale)', () => {
  it('is chosen with ?lang=ar-XB; anything else is British English', () => {
    expect(staffLanguageFrom('?lang=ar-XB')).toBe('ar-XB');
    expect(staffLanguageFrom('?lang=en-XA')).toBe('en-XA');
    expect(staffLanguageFrom('?lang=fr')).toBe('en-GB');
    expect(staffLanguageFrom('')).toBe('en-GB');
  });

  it('mirrors each run of English and leaves placeholders and tags alone', () => {
    expect(pseudoMirror('Search')).toBe('\u200f\u202eSearch\u202c\u200f');
    expect(pseudoMirror('{{name}} prefers <language/>.')).toBe('{{name}}\u200f\u202e prefers \u202c\u200f<language/>\u200f\u202e.\u202c\u200f');
    expect(createCivicTheme({ highContrast: false, direction: 'rtl' }).direction).toBe('rtl');
    expect(createCivicTheme({ highContrast: false }).direction).toBe('ltr');
  });

  it('runs right to left, with every visible staff string mirrored, in every place and the help overlay', async () => {
    const fake = fakeBridge();
    const i18n = await createI18n(RTL_PSEUDO_LOCALE);
    expect(i18n.dir()).toBe('rtl');
    render(<App bridge={fake.bridge} i18n={i18n} />);
    await screen.findByTestId('training-summary');
    expect(document.dir).toBe('rtl');
    expect(document.documentElement.getAttribute('lang')).toBe('ar-XB');

    // MUI's styles go through the right-to-left emotion cache: left-hand rules come out right-hand.
    const styles = [...document.querySelectorAll('style[data-emotion^="civic-rtl"]')].map((style) => style.textContent ?? '').join('\n');
    expect(styles).not.toBe('');
    expect(styles).toMatch(/\.resident-results button\{[^}]*text-align:right/);

    const data = [...trainingStaff.map((staff) => staff.displayName), testScript.title, testScript.triggers.join(', ')];
    const user = userEvent.setup();
    for (let place = 1; place <= 8; place += 1) {
      await user.keyboard(`{Alt>}${place}{/Alt}`);
      expect(unmirrored(document.body, data), `place ${place}`).toEqual([]);
    }
    await user.keyboard('{F1}');
    await screen.findByRole('dialog');
    expect(unmirrored(document.body, data)).toEqual([]);
    await user.keyboard('{Escape}');
  });

  it('leaves British English left to right, with the ordinary styles', async () => {
    const fake = fakeBridge();
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    await screen.findByTestId('training-summary');
    expect(document.dir).toBe('ltr');
    expect(document.documentElement.getAttribute('lang')).toBe('en-GB');
    const styles = [...document.querySelectorAll('style[data-emotion^="css"]')].map((style) => style.textContent ?? '').join('\n');
    expect(styles).toMatch(/\.resident-results button\{[^}]*text-align:left/);
  });

  it('would catch a hard-coded string', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p>${pseudoMirror('Search')}</p><button>Save case</button><span lang="ti">ትግርኛ</span>`;
    expect(unmirrored(root, [])).toEqual(['Save case']);
  });
});
