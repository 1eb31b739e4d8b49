import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { PSEUDO_LOCALE, pseudoClose, pseudoOpen } from '../../../renderer/i18n/pseudo';
import { fakeBridge, trainingStaff } from '../support/fake-bridge';

/**
 * Renders the workstation in the pseudo-locale: any visible text without the ⟦…⟧ markers did
 * not come through i18next. Data (names from the back office) and key caps are allowed.
 */
function untranslated(root: HTMLElement, data: readonly string[]): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
    if (!/\p{L}/u.test(text)) continue; // numbers and punctuation only
    if (node.parentElement?.closest('kbd, option, [aria-hidden="true"] kbd')) continue;
    if (text.includes(pseudoOpen) && text.includes(pseudoClose)) continue;
    if (data.includes(text)) continue;
    found.push(text);
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value && /\p{L}/u.test(value) && !value.includes(pseudoOpen)) found.push(`${attribute}="${value}"`);
    }
  }
  return found;
}

describe('staff-facing text', () => {
  it('all goes through i18next, in every place and in the help overlay', async () => {
    const fake = fakeBridge();
    const i18n = await createI18n(PSEUDO_LOCALE);
    render(<App bridge={fake.bridge} i18n={i18n} />);
    await screen.findByTestId('training-summary');
    const data = trainingStaff.map((staff) => staff.displayName);
    const user = userEvent.setup();
    for (let place = 1; place <= 7; place += 1) {
      await user.keyboard(`{Alt>}${place}{/Alt}`);
      expect(untranslated(document.body, data), `place ${place}`).toEqual([]);
    }
    await user.keyboard('{F1}');
    await screen.findByRole('dialog');
    expect(untranslated(document.body, data)).toEqual([]);
  });

  it('would catch a hard-coded string', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p>${pseudoOpen}Séåŕçĥ${pseudoClose}</p><button>Save case</button>`;
    expect(untranslated(root, [])).toEqual(['Save case']);
  });
});
