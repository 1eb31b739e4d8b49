import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ResidentView } from '../../../shared/contract/residents';
import type { AccessibilityNeed } from '../../../shared/domain/resident';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { languageNeeds } from '../../../renderer/residents/LanguageBanner';
import { ResidentPlace } from '../../../renderer/residents/ResidentPlace';
import { snapshotDatabase } from '../../../renderer/storage/snapshot-database';
import { SyncProvider } from '../../../renderer/sync/sync-context';
import { fakeBridge, maskedResidentView, residentView, session, type FakeAnswers } from '../support/fake-bridge';

/** The fake's resident with other language needs. */
function withLanguage(preferred: string, interpreterNeeded: boolean, accessibilityNeeds: AccessibilityNeed[] = []): ResidentView {
  const record = residentView.record as NonNullable<ResidentView['record']>;
  return { ...residentView, name: 'Selam Haile', communication: { language: { preferred, interpreterNeeded }, accessibilityNeeds }, record: { ...record, resident: { ...record.resident, givenName: 'Selam', familyName: 'Haile', language: { preferred, interpreterNeeded }, accessibilityNeeds } } };
}

/** Puts a resident on screen by opening them, as Search does; the fake back office answers with the view. */
function Opened({ view }: { view: ResidentView }) {
  const { openResident } = useContact();
  useEffect(() => void openResident(view.residentId, 'call'), [openResident, view]);
  return <ResidentPlace />;
}

async function show(view: ResidentView, answers: FakeAnswers = {}, shown = 'section-who') {
  const fake = fakeBridge(session, { 'residents.open': () => view, ...answers });
  const i18n = await createI18n('en-GB');
  render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <SyncProvider staffId={session.user?.id ?? null}>
            <ContactProvider staffId={session.user?.id ?? null}>
              <Opened view={view} />
            </ContactProvider>
          </SyncProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId(shown);
  return fake;
}

beforeEach(async () => {
  await snapshotDatabase().residentSnapshots.clear();
});

describe('the language banner', () => {
  it('comes up by itself for a Tigrinya speaker who needs an interpreter, with the first prompts', async () => {
    const fake = await show(withLanguage('ti', true));
    const banner = await screen.findByRole('region', { name: 'Language and interpreter needs' });
    expect(banner.closest('[aria-live="polite"]')).not.toBeNull();
    const summary = within(banner).getByTestId('language-banner-summary');
    await waitFor(() => expect(summary.textContent).toBe('Selam Haile prefers Tigrinya (ትግርኛ) and needs an interpreter.'));
    const autonym = within(summary).getByText('ትግርኛ');
    expect(autonym.getAttribute('lang')).toBe('ti');
    expect(autonym.getAttribute('dir')).toBe('ltr');

    // The phrase book's prompts: English and Tigrinya, lang and dir set, the unchecked one marked in words.
    const first = await within(banner).findByTestId('prompt-getting-interpreter');
    expect(first.textContent).toContain('Please wait, I am getting an interpreter. It is free.');
    const translation = within(first).getByTestId('prompt-translation');
    expect(translation.textContent).toBe('ትግርኛ ፈተነ 1');
    expect(translation.getAttribute('lang')).toBe('ti');
    expect(translation.getAttribute('dir')).toBe('ltr');
    expect(within(first).getByTestId('phrase-not-checked').textContent).toBe('Not checked by a translator');
    const second = within(banner).getByTestId('prompt-reference-number');
    expect(within(second).queryByTestId('phrase-not-checked')).toBeNull();
    expect(fake.calls).toContain('languages.phrases');
    expect(within(banner).queryByTestId('language-banner-bsl')).toBeNull();

    // The 360 view names the language too, rather than showing "ti".
    const who = screen.getByTestId('section-who');
    await waitFor(() => expect(within(who).getByTestId('language-label').textContent).toBe('Tigrinya (ትግርኛ)'));
    expect(within(who).getByText('ትግርኛ').getAttribute('lang')).toBe('ti');
    expect(who.textContent).toContain('needs an interpreter');

    // "Get an interpreter" opens the interpreter dialog.
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Get an interpreter' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('sets a right-to-left language right to left', async () => {
    await show(withLanguage('ar', false));
    const banner = await screen.findByTestId('language-banner');
    await waitFor(() => expect(within(banner).getByTestId('language-banner-summary').textContent).toBe('Selam Haile prefers Arabic (العربية).'));
    expect(within(banner).getByText('العربية').getAttribute('dir')).toBe('rtl');
    const translation = await within(banner).findByTestId('prompt-translation');
    expect(translation.getAttribute('dir')).toBe('rtl');
    expect(translation.getAttribute('lang')).toBe('ar');
    expect(within(banner).queryByTestId('phrase-not-checked')).toBeNull();
  });

  it('shows before the identity check: a caller who needs an interpreter cannot answer the questions without one', async () => {
    const masked = { ...withLanguage('ti', true), identity: maskedResidentView.identity, record: null };
    await show(masked, {}, 'identity-status');
    const live = screen.getByTestId('language-banner-live');
    expect(live.getAttribute('aria-live')).toBe('polite');
    const banner = await screen.findByTestId('language-banner');
    await waitFor(() => expect(within(banner).getByTestId('language-banner-summary').textContent).toBe('Selam Haile prefers Tigrinya (ትግርኛ) and needs an interpreter.'));
  });

  it('shows nothing for an English speaker who needs no interpreter', async () => {
    const fake = await show(withLanguage('en', false));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByTestId('language-banner')).toBeNull();
    expect(screen.getByTestId('language-banner-live').textContent).toBe('');
    expect(fake.calls).not.toContain('languages.phrases');
  });

  it('asks for a BSL interpreter rather than showing phrases', async () => {
    const fake = await show(withLanguage('en', false, ['bsl-interpreter']));
    const banner = await screen.findByRole('region', { name: 'Language and interpreter needs' });
    expect(within(banner).getByTestId('language-banner-summary').textContent).toBe('Selam Haile needs a British Sign Language interpreter.');
    expect(within(banner).getByTestId('language-banner-bsl').textContent).toBe('British Sign Language: book a video or in-person BSL interpreter.');
    expect(within(banner).queryByTestId('language-banner-prompts')).toBeNull();
    expect(fake.calls).not.toContain('languages.phrases');
  });

  it('names a language the table does not know by its code, and says when there are no prompts', async () => {
    await show(withLanguage('xx', true));
    const banner = await screen.findByTestId('language-banner');
    await waitFor(() => expect(within(banner).getByTestId('language-banner-summary').textContent).toBe('Selam Haile prefers xx and needs an interpreter.'));
    expect((await within(banner).findByTestId('language-banner-phrases-failed')).textContent).toContain('There are no phrases in this language yet.');
  });
});

describe('the language banner with an empty phrase book', () => {
  it('names the language and says to get an interpreter', async () => {
    await show(withLanguage('so', false), { 'languages.phrases': () => ({ language: 'so', script: 'Latn', direction: 'ltr', phrases: [], showUnreviewed: true }) });
    const banner = await screen.findByTestId('language-banner');
    await waitFor(() => expect(within(banner).getByTestId('language-banner-summary').textContent).toBe('Selam Haile prefers Somali (Soomaali).'));
    expect((await within(banner).findByTestId('language-banner-no-phrases')).textContent).toBe('There are no prompts in this language yet. Get an interpreter.');
    expect(within(banner).getByRole('button', { name: 'Get an interpreter' })).toBeTruthy();
  });
});

describe('languageNeeds', () => {
  const resident = (preferred: string, interpreterNeeded: boolean, accessibilityNeeds: AccessibilityNeed[] = []) => ({ language: { preferred, interpreterNeeded }, accessibilityNeeds });
  it('is null only for English with no interpreter', () => {
    expect(languageNeeds(resident('en', false))).toBeNull();
    expect(languageNeeds(resident('en-GB', false))).toBeNull();
    expect(languageNeeds(resident('en', true))).toMatchObject({ english: true, interpreter: true, bsl: false });
    expect(languageNeeds(resident('so', false))).toMatchObject({ english: false, interpreter: false });
    expect(languageNeeds(resident('bfi', false))).toMatchObject({ bsl: true, interpreter: true });
    expect(languageNeeds(resident('en', false, ['bsl-interpreter']))).toMatchObject({ bsl: true, interpreter: true });
  });
});
