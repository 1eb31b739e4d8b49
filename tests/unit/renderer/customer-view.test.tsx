import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../renderer/i18n/i18n';
import { CustomerApp } from '../../../renderer/languages/customer/CustomerApp';
import { pickerLanguage, readFromCustomer, readToCustomer, type PhraseOnScreen, type ToCustomer } from '../../../renderer/languages/customer/protocol';
import { voiceFor } from '../../../renderer/languages/customer/speech';
import { channelHub } from '../support/fake-channel';
import { testLanguageTable } from '../support/fake-bridge';

/** The customer view on its own, with the officer's end of the channel in the test's hands. */
async function showCustomerView() {
  const hub = channelHub();
  const staff = hub.open();
  const heard: unknown[] = [];
  staff.addEventListener('message', (event) => heard.push(readFromCustomer(event.data)));
  render(<CustomerApp i18n={await createI18n('en-GB')} openChannel={hub.open} />);
  const send = (message: ToCustomer) => act(() => staff.postMessage({ from: 'staff', message }));
  return { hub, heard, send, user: userEvent.setup() };
}

const tigrinyaPhrase: PhraseOnScreen = { text: 'ትግርኛ ፈተነ 1', lang: 'ti', dir: 'ltr', script: 'Ethi', english: 'Please wait, I am getting an interpreter. It is free.', reviewed: false };
const arabicPhrase: PhraseOnScreen = { text: 'العربية اختبار ١', lang: 'ar', dir: 'rtl', script: 'Arab', english: 'Please wait, I am getting an interpreter. It is free.', reviewed: true };

const voice = (lang: string) => ({ lang, name: `Voice ${lang}`, default: false, localService: true, voiceURI: lang }) as SpeechSynthesisVoice;

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'speechSynthesis');
});

describe('the customer view', () => {
  it('says it is ready, and shows no staff data while it waits', async () => {
    const { heard } = await showCustomerView();
    expect(heard).toEqual([{ kind: 'ready' }]);
    expect(screen.getByRole('heading', { level: 1 })?.textContent).toContain('Welcome');
  });

  it('lists languages by world region, each in its own script beside its English name', async () => {
    const { send } = await showCustomerView();
    send({ kind: 'show-language-picker', languages: testLanguageTable.languages.map(pickerLanguage) });
    expect(screen.getByRole('heading', { level: 1, name: 'Point to your language' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Africa', 'Asia', 'Middle East', 'Sign languages']);
    const tigrinya = screen.getByText('ትግርኛ');
    expect(tigrinya.getAttribute('lang')).toBe('ti');
    expect(tigrinya.getAttribute('dir')).toBe('ltr');
    expect(tigrinya.style.fontFamily).toContain('Noto Sans Ethiopic');
    expect(tigrinya.closest('button')?.textContent).toBe('ትግርኛ Tigrinya');
    expect(screen.getByText('العربية').getAttribute('dir')).toBe('rtl');
    // No autonym: the English name only.
    expect(document.querySelector('[data-code="syl"]')?.textContent).toBe('Sylheti');
    // Nothing a resident should not see: no supplier names.
    expect(document.body.textContent).not.toContain('Arabic (Modern Standard)');
  });

  it('finds a language by its English name or its own script', async () => {
    const { send, user } = await showCustomerView();
    send({ kind: 'show-language-picker', languages: testLanguageTable.languages.map(pickerLanguage) });
    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.type(search, 'tigr');
    expect(screen.getAllByRole('button').filter((button) => button.dataset.code).map((button) => button.dataset.code)).toEqual(['ti']);
    await user.clear(search);
    await user.type(search, 'ትግ');
    expect(screen.getAllByRole('button').filter((button) => button.dataset.code).map((button) => button.dataset.code)).toEqual(['ti']);
    await user.clear(search);
    await user.type(search, 'zzzz');
    expect(screen.getByText('No language matches.')).toBeTruthy();
  });

  it('tells the officer’s page which language the resident pointed to', async () => {
    const { send, heard, user } = await showCustomerView();
    send({ kind: 'show-language-picker', languages: testLanguageTable.languages.map(pickerLanguage) });
    await user.click(screen.getByText('ትግርኛ'));
    expect(heard.at(-1)).toEqual({ kind: 'language-chosen', code: 'ti' });
    expect(screen.getByTestId('customer-chosen')?.textContent).toContain('Thank you');
  });

  it('shows a phrase very large with its lang and dir, and says when no qualified translator has checked it', async () => {
    const { send } = await showCustomerView();
    send({ kind: 'show-phrase', phrase: tigrinyaPhrase });
    const phrase = screen.getByTestId('customer-phrase');
    expect(phrase?.textContent).toContain('ትግርኛ ፈተነ 1');
    expect(phrase.getAttribute('lang')).toBe('ti');
    expect(phrase.getAttribute('dir')).toBe('ltr');
    expect(getComputedStyle(phrase).fontFamily).toContain('Noto Sans Ethiopic');
    expect(screen.getByTestId('unreviewed-notice')?.textContent).toContain('This translation has not been checked by a qualified translator');
    // jsdom has no speech at all: no Listen button.
    expect(screen.queryByRole('button', { name: 'Listen' })).toBeNull();

    send({ kind: 'show-phrase', phrase: arabicPhrase });
    expect(screen.getByTestId('customer-phrase').getAttribute('dir')).toBe('rtl');
    expect(screen.getByTestId('customer-phrase').getAttribute('lang')).toBe('ar');
    expect(screen.queryByTestId('unreviewed-notice')).toBeNull();
  });

  it('offers Listen only when this computer has a voice for the language, and speaks in it', async () => {
    const speak = vi.fn();
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { getVoices: () => [voice('en-GB'), voice('ar-SA')], addEventListener: vi.fn(), removeEventListener: vi.fn(), speak, cancel: vi.fn() },
    });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        voice: SpeechSynthesisVoice | null = null;
        constructor(public text: string) {}
      },
    );
    const { send, user } = await showCustomerView();
    send({ kind: 'show-phrase', phrase: tigrinyaPhrase });
    expect(screen.queryByRole('button', { name: 'Listen' })).toBeNull();
    send({ kind: 'show-phrase', phrase: arabicPhrase });
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(speak).toHaveBeenCalledTimes(1);
    expect(speak.mock.calls[0]?.[0]).toMatchObject({ text: arabicPhrase.text, lang: 'ar', voice: { lang: 'ar-SA' } });
  });

  it('goes back to waiting when the officer clears it', async () => {
    const { send } = await showCustomerView();
    send({ kind: 'show-phrase', phrase: tigrinyaPhrase });
    send({ kind: 'clear' });
    expect(screen.queryByTestId('customer-phrase')).toBeNull();
    expect(within(document.body).getByRole('heading', { level: 1 })?.textContent).toContain('Welcome');
  });
});

describe('the customer view’s messages', () => {
  it('are checked before they are acted on', () => {
    expect(readToCustomer({ from: 'staff', message: { kind: 'show-phrase', phrase: { ...tigrinyaPhrase, dir: 'up' } } })).toBeNull();
    expect(readToCustomer({ from: 'customer', message: { kind: 'clear' } })).toBeNull();
    expect(readToCustomer({ from: 'staff', message: { kind: 'show-phrase', phrase: tigrinyaPhrase } })).toEqual({ kind: 'show-phrase', phrase: tigrinyaPhrase });
    expect(readFromCustomer({ from: 'customer', message: { kind: 'language-chosen', code: 'not a code' } })).toBeNull();
    expect(readFromCustomer({ from: 'customer', message: { kind: 'language-chosen', code: 'zh-Hant' } })).toEqual({ kind: 'language-chosen', code: 'zh-Hant' });
  });

  it('carry no supplier names in the picker', () => {
    const tigrinya = testLanguageTable.languages[0];
    expect(tigrinya && pickerLanguage(tigrinya)).not.toHaveProperty('supplierNames');
  });
});

describe('voiceFor', () => {
  it('matches the exact tag first, then the language, then voices filed under another code', () => {
    const voices = [voice('so-SO'), voice('zh-HK'), voice('ar-SA'), voice('ar')];
    expect(voiceFor(voices, 'ar')?.lang).toBe('ar');
    expect(voiceFor(voices, 'so')?.lang).toBe('so-SO');
    expect(voiceFor(voices, 'yue')?.lang).toBe('zh-HK');
    expect(voiceFor(voices, 'ti')).toBeNull();
  });
});
