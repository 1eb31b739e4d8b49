import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/session';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { PSEUDO_LOCALE, pseudoClose, pseudoOpen } from '../../../renderer/i18n/pseudo';
import { CustomerApp } from '../../../renderer/languages/customer/CustomerApp';
import { readToCustomer } from '../../../renderer/languages/customer/protocol';
import { createCustomerLink, CustomerLinkContext } from '../../../renderer/languages/customer-link';
import { LanguagesPlace } from '../../../renderer/languages/LanguagesPlace';
import { fillPlaceholders, placeholdersIn } from '../../../renderer/languages/PhraseBookList';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { fakeBridge, residentView, session, type FakeAnswers } from '../support/fake-bridge';
import { channelHub } from '../support/fake-channel';

function OpenTheResident() {
  const { openResident, resident } = useContact();
  return resident ? null : (
    <button type="button" onClick={() => void openResident(residentView.residentId, 'call')}>
      open resident
    </button>
  );
}

async function showPlace(options: { answers?: FakeAnswers; session?: SessionInfo; withCustomerView?: boolean; staffLanguage?: string } = {}) {
  const fake = fakeBridge(options.session ?? session, options.answers ?? {});
  const hub = channelHub();
  const openWindow = vi.fn((_url: string, _name: string): unknown => ({}));
  const link = createCustomerLink({ openChannel: hub.open, openWindow });
  const current = options.session ?? session;
  render(
    <I18nextProvider i18n={await createI18n(options.staffLanguage ?? 'en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={current}>
          <ContactProvider staffId={current.user?.id ?? null}>
            <CustomerLinkContext.Provider value={link}>
              <OpenTheResident />
              <LanguagesPlace session={current} />
            </CustomerLinkContext.Provider>
          </ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  if (options.withCustomerView) render(<CustomerApp i18n={await createI18n('en-GB')} openChannel={hub.open} />);
  const user = userEvent.setup();
  const search = screen.getAllByRole('textbox')[0] as HTMLElement;
  await waitFor(() => expect(screen.getAllByRole('button').some((button) => button.textContent?.includes('resident') && !button.hasAttribute('disabled'))).toBe(true));
  const find = async (query: string) => {
    await user.clear(search);
    await user.type(search, query);
  };
  const shownToCustomer = () => hub.sent.map(readToCustomer).filter((message) => message !== null);
  return { fake, hub, user, find, openWindow, shownToCustomer };
}

const resultCodes = () => [...document.querySelectorAll('[data-testid^="language-result-"]')].map((element) => element.getAttribute('data-testid')?.replace('language-result-', ''));

describe('the Languages place', () => {
  it('shows no language until the officer searches, then finds Tigrinya by its English name or its own script', async () => {
    const { find } = await showPlace();
    expect(resultCodes()).toEqual([]);
    await find('tigr');
    expect(resultCodes()).toEqual(['ti']);
    await find('ትግ');
    expect(resultCodes()).toEqual(['ti']);
    await find('sorani');
    expect(resultCodes()).toEqual(['ckb']);
    await find('qqqq');
    expect(screen.getByText('No language matches. Try another spelling or its own name.')).toBeTruthy();
  });

  it('shows the language: its own name with lang and dir, script, direction and the suppliers’ names', async () => {
    const { find, user } = await showPlace();
    await find('tigr');
    await user.click(screen.getByTestId('language-result-ti'));
    const details = screen.getByTestId('language-details');
    const autonym = within(details).getByTestId('language-autonym');
    expect(autonym.textContent).toBe('ትግርኛ');
    expect(autonym.getAttribute('lang')).toBe('ti');
    expect(autonym.getAttribute('dir')).toBe('ltr');
    expect(details.textContent).toContain('Ethiopic (Ge’ez)');
    expect(details.textContent).toContain('Left to right');
    expect(await within(details).findByText('Borough Language Line (training): Tigrinya')).toBeTruthy();
  });

  it('says when no name in the language itself is recorded', async () => {
    const { find, user } = await showPlace();
    await find('sylheti');
    await user.click(screen.getByTestId('language-result-syl'));
    expect(screen.getByTestId('language-details').textContent).toContain('No name in the language itself is recorded yet');
  });

  it('lists the phrase book with lang and dir on each translation, its status in words, and marks the unreviewed', async () => {
    const { find, user } = await showPlace();
    await find('tigr');
    await user.click(screen.getByTestId('language-result-ti'));
    const unchecked = await screen.findByTestId('phrase-getting-interpreter');
    const translation = within(unchecked).getByTestId('phrase-translation');
    expect(translation.getAttribute('lang')).toBe('ti');
    expect(translation.getAttribute('dir')).toBe('ltr');
    expect(unchecked.textContent).toContain('Status: machine translation, not checked');
    expect(within(unchecked).getByText('Unreviewed')).toBeTruthy();
    const checked = screen.getByTestId('phrase-reference-number');
    expect(checked.textContent).toContain('Status: checked by a qualified translator');
    expect(within(checked).queryByText('Unreviewed')).toBeNull();

    await find('arabic');
    await user.click(screen.getByTestId('language-result-ar'));
    await waitFor(() => expect(within(screen.getByTestId('phrase-getting-interpreter')).getByTestId('phrase-translation').getAttribute('dir')).toBe('rtl'));
  });

  it('shows a phrase to the resident, with the officer’s value in place of a placeholder', async () => {
    const { find, user, shownToCustomer, openWindow } = await showPlace();
    await find('tigr');
    await user.click(screen.getByTestId('language-result-ti'));
    const row = await screen.findByTestId('phrase-reference-number');
    const show = within(row).getByRole('button', { name: 'Show to the resident' });
    expect(show.hasAttribute('disabled')).toBe(true);
    await user.type(within(row).getByRole('textbox', { name: 'Value for reference' }), 'CD-12345');
    await user.click(show);
    expect(shownToCustomer().at(-1)).toEqual({ kind: 'show-phrase', phrase: { text: 'ትግርኛ ፈተነ CD-12345', english: 'Your reference number is CD-12345.', lang: 'ti', dir: 'ltr', script: 'Ethi', reviewed: true } });
    // The browser host: main answers that it cannot open a window, so the page opens the view itself.
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith('./?view=customer', 'civicdesk-customer'));
  });

  it('lets the desktop app open the resident’s window when it can', async () => {
    const { user, openWindow, fake } = await showPlace({ answers: { 'customerView.open': () => ({ opened: true }) } });
    await user.click(screen.getByRole('button', { name: 'Show to the resident' }));
    await waitFor(() => expect(fake.calls).toContain('customerView.open'));
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('sets the language the resident pointed to, with an interpreter and their consent, once the officer confirms', async () => {
    const setLanguage = vi.fn((_input: unknown) => ({ ...residentView, record: residentView.record && { ...residentView.record, resident: { ...residentView.record.resident, language: { preferred: 'ti', interpreterNeeded: true } } } }));
    const { user } = await showPlace({ withCustomerView: true, answers: { 'residents.setLanguage': setLanguage } });
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'open resident' })).toBeNull());

    await user.click(screen.getAllByRole('button', { name: 'Show to the resident' })[0] as HTMLElement);
    // The resident's screen, in the same document here: they point to Tigrinya.
    await user.click(await screen.findByText('ትግርኛ'));
    const dialog = await screen.findByRole('dialog', { name: 'Set Tigrinya as Ada Lovelace’s preferred language?' });
    const interpreter = within(dialog).getByRole('checkbox', { name: 'Interpreter needed' }) as HTMLInputElement;
    expect(interpreter.checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Set preferred language' }));
    await waitFor(() => expect(setLanguage).toHaveBeenCalledTimes(1));
    expect(setLanguage.mock.calls[0]?.[0]).toEqual({ accessId: residentView.accessId, language: 'ti', interpreterNeeded: true, consent: { how: 'pointed-to-language', note: expect.any(String) } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The officer now sees the chosen language, with its phrases.
    expect(screen.getByTestId('language-details').textContent).toContain('Tigrinya');
    expect(screen.getByTestId('customer-view-status').textContent).toBe('The resident’s screen is open.');
  });

  it('says so when the resident points to a language and no resident is open', async () => {
    const { user } = await showPlace({ withCustomerView: true });
    await user.click(screen.getAllByRole('button', { name: 'Show to the resident' })[0] as HTMLElement);
    await user.click(await screen.findByText('العربية'));
    const dialog = await screen.findByRole('dialog', { name: 'The resident pointed to Arabic' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('places machine translation at the bottom only when the council has switched it on', async () => {
    await showPlace();
    expect(screen.queryByText('Translate a message (machine translation)')).toBeNull();
  });

  it('shows machine translation when it is on', async () => {
    await showPlace({ session: { ...session, features: { ...session.features, machineTranslation: true } } });
    expect(await screen.findByText('Translate a message (machine translation)')).toBeTruthy();
  });
});

describe('the Languages place in the pseudo-locale', () => {
  it('has every word of staff text from i18next: only language names, phrases and suppliers’ names are data', async () => {
    const { find, user } = await showPlace({ staffLanguage: PSEUDO_LOCALE, session: { ...session, features: { ...session.features, machineTranslation: true } } });
    await find('tigr');
    await user.click(screen.getByTestId('language-result-ti'));
    await screen.findByTestId('phrase-getting-interpreter');
    await waitFor(() => expect(screen.getByTestId('language-details').textContent).toContain('Borough Language Line'));
    const data = ['tigr', 'Tigrinya', 'ትግርኛ', 'Tigrigna', 'ti', 'open resident', 'ትግርኛ ፈተነ 1', 'ትግርኛ ፈተነ {reference}', 'Please wait, I am getting an interpreter. It is free.', 'Your reference number is {reference}.'];
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
      if (!/\p{L}/u.test(text) || data.includes(text) || (text.includes(pseudoOpen) && text.includes(pseudoClose))) continue;
      if (node.parentElement?.closest('option')) continue;
      found.push(text);
    }
    expect(found).toEqual([]);
  });
});

describe('phrase placeholders', () => {
  it('are found once each and filled, an empty value leaving the placeholder', () => {
    expect(placeholdersIn('Ref {reference}, in {days} days, {reference}')).toEqual(['reference', 'days']);
    expect(fillPlaceholders('Ref {reference} in {days}', { reference: ' CD-1 ', days: '' })).toBe('Ref CD-1 in {days}');
  });
});
