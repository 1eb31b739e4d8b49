import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { PSEUDO_LOCALE, pseudoClose, pseudoOpen } from '../../../renderer/i18n/pseudo';
import { fakeBridge, session, testScript, trainingStaff } from '../support/fake-bridge';

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
    if (/^\w+day \d{1,2} \w+ \d{4}$/.test(text)) continue; // a date, written by the shared date formatter
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
    const data = [...trainingStaff.map((staff) => staff.displayName), testScript.title, testScript.triggers.join(', ')];
    const user = userEvent.setup();
    for (let place = 1; place <= 8; place += 1) {
      await user.keyboard(`{Alt>}${place}{/Alt}`);
      expect(untranslated(document.body, data), `place ${place}`).toEqual([]);
    }
    await user.keyboard('{F1}');
    await screen.findByRole('dialog');
    expect(untranslated(document.body, data)).toEqual([]);
    await user.keyboard('{Escape}');
  });

  it('covers the call panel, the script runner and wrap-up', async () => {
    const fake = fakeBridge();
    render(<App bridge={fake.bridge} i18n={await createI18n(PSEUDO_LOCALE)} />);
    await screen.findByTestId('training-summary');
    // Script wording and call details are data, not staff-interface text.
    const scriptText = JSON.stringify(testScript).match(/"(?:title|say|label|whatWasDone|summary)":"[^"]*"/g)?.map((pair) => pair.split('":"')[1]?.slice(0, -1) ?? '') ?? [];
    const data = [...trainingStaff.map((staff) => staff.displayName), ...scriptText, 'Missed Rubbish bin', 'Rubbish', 'yes', testScript.triggers.join(', ')];
    const user = userEvent.setup();
    await fake.bridge.training.simulateCall({});
    await screen.findByTestId('call-panel');
    await user.keyboard('{Alt>}4{/Alt}');
    await user.type(screen.getByRole('textbox'), 'missed{Enter}');
    await screen.findByRole('heading', { level: 2, name: testScript.title });
    expect(untranslated(document.body, data)).toEqual([]);
    await user.click(screen.getByText('Which bin was missed?'));
    await user.keyboard('1{Enter}1{Enter}');
    await screen.findByTestId('outcome-case');
    expect(untranslated(document.body, data)).toEqual([]);
    await user.click(within(screen.getByTestId('call-panel')).getByRole('button'));
    await screen.findByRole('dialog');
    await user.click(screen.getAllByRole('button').at(-1) as HTMLElement);
    expect(untranslated(document.body, [...data, ...session.dispositions.map((each) => each.label)])).toEqual([]);
  });

  it('would catch a hard-coded string', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p>${pseudoOpen}Séåŕçĥ${pseudoClose}</p><button>Save case</button>`;
    expect(untranslated(root, [])).toEqual(['Save case']);
  });
});
