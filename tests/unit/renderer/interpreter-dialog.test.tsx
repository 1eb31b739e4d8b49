import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { InterpreterDialog } from '../../../renderer/languages/InterpreterDialog';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';

const table: LanguageTable = {
  builtFrom: { cldr: '48', builtOn: '2026-11-01' },
  languages: [
    { code: 'ti', englishName: 'Tigrinya', cldrEnglishName: null, autonym: 'ትግርኛ', autonymSource: 'cldr', script: 'Ethi', direction: 'ltr', region: 'africa', aliases: [], supplierNames: { languageline: 'Tigrinya (Eritrea)' } },
    { code: 'bfi', englishName: 'British Sign Language', cldrEnglishName: null, autonym: null, autonymSource: null, script: 'Zxxx', direction: 'ltr', region: 'sign-languages', aliases: ['BSL'], supplierNames: { languageline: 'BSL' } },
  ],
};

const residentId = 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00';

const noTable = () => {
  throw new Error('The language table has not been built.');
};

async function setUp(answers: FakeAnswers, ui: ReactNode) {
  const fake = fakeBridge(session, answers);
  const i18n = await createI18n('en-GB');
  render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <ContactProvider staffId={session.user?.id ?? null}>{ui}</ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  return { fake, user: userEvent.setup() };
}

/** Answers a call, as a screen-pop would, then opens the dialog. */
function CallThenInterpreter({ language }: { language: string }) {
  const contact = useContact();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void contact.startCall({ kind: 'call', callerNumber: '020 7946 0999', queue: 'Housing repairs', waitedSeconds: 12 }).then(() => setOpen(true))
        }
      >
        answer
      </button>
      <InterpreterDialog open={open} onClose={() => setOpen(false)} language={language} residentId={residentId} />
    </>
  );
}

describe('getting an interpreter', () => {
  it('shows the supplier’s name for the language and the line, and records the interpreter on the call in hand', async () => {
    const { user } = await setUp(
      { 'languages.table': () => table },
      <CallThenInterpreter language="ti" />,
    );
    await user.click(screen.getByRole('button', { name: 'answer' }));
    await waitFor(async () => expect(await caseDatabase().interactions.count()).toBe(1));
    const dialog = await screen.findByRole('dialog', { name: 'Get an interpreter' });
    expect(await within(dialog).findByTestId('interpreter-language')).toHaveProperty('textContent', 'Tigrinya (Eritrea)');
    expect(within(dialog).getByTestId('interpreter-number').textContent).toBe('020 7946 0472');
    expect(within(dialog).getByTestId('interpreter-access-code').textContent).toBe('TRAIN-4821');
    expect(within(dialog).getByText('Customer Contact Centre')).toBeTruthy();

    await user.click(within(dialog).getByRole('radio', { name: 'Female' }));
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter joined' }));
    await user.type(within(dialog).getByLabelText(/Interpreter’s ID/), 'LL-90817');
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter left' }));
    await within(dialog).findByText(/Recorded on this contact/);

    const [call] = await caseDatabase().interactions.toArray();
    expect(call?.channel).toBe('phone');
    expect(call?.interpreterSessions).toHaveLength(1);
    const recorded = call?.interpreterSessions?.[0];
    expect(recorded).toMatchObject({ language: 'ti', supplierLanguageName: 'Tigrinya (Eritrea)', supplierId: 'languageline', genderPreference: 'female', interpreterId: 'LL-90817' });
    expect(Date.parse(recorded?.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(recorded?.endedAt ?? ''));
    expect(recorded?.endedAt).not.toBeNull();
  });

  it('asks for the interpreter’s ID before recording that they left', async () => {
    const { user } = await setUp({ 'languages.table': () => table }, <InterpreterDialog open onClose={() => undefined} language="ti" residentId={residentId} />);
    const dialog = await screen.findByRole('dialog', { name: 'Get an interpreter' });
    await within(dialog).findByTestId('interpreter-line');
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter joined' }));
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter left' }));
    expect(await within(dialog).findByText('Note the interpreter’s ID before recording that they left.')).toBeTruthy();
    // The joining is saved to the sealed database a moment after the click; the leaving never is.
    await waitFor(async () => {
      const [visit] = await caseDatabase().interactions.toArray();
      expect(visit?.interpreterSessions?.[0]?.endedAt).toBeNull();
    });
  });

  it('with no contact in hand starts a face-to-face contact for it; sign languages use the video line', async () => {
    const { user } = await setUp({ 'languages.table': () => table }, <InterpreterDialog open onClose={() => undefined} language="bfi" residentId={residentId} />);
    const dialog = await screen.findByRole('dialog', { name: 'Get an interpreter' });
    expect(await within(dialog).findByText('There is no contact in hand: a face-to-face contact is started when the interpreter joins.')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByTestId('interpreter-language').textContent).toBe('BSL'));
    expect(within(dialog).getByTestId('interpreter-number').textContent).toBe('020 7946 0473');
    expect(within(dialog).getByText('Video line')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter joined' }));
    await user.type(within(dialog).getByLabelText(/Interpreter’s ID/), 'BSL-221');
    await user.click(within(dialog).getByRole('button', { name: 'Interpreter left' }));
    await within(dialog).findByText(/Recorded on this contact/);
    const all = await caseDatabase().interactions.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ channel: 'face-to-face', residentId, status: 'in-progress' });
    expect(all[0]?.interpreterSessions).toEqual([expect.objectContaining({ language: 'bfi', supplierLanguageName: 'BSL', genderPreference: 'no-preference', interpreterId: 'BSL-221' })]);
  });

  it('falls back to the language code, and says so, when the language table is not there', async () => {
    await setUp({ 'languages.table': noTable }, <InterpreterDialog open onClose={() => undefined} language="syl" residentId={residentId} />);
    const dialog = await screen.findByRole('dialog', { name: 'Get an interpreter' });
    expect((await within(dialog).findByTestId('interpreter-language')).textContent).toBe('syl');
    expect(within(dialog).getByTestId('interpreter-name-note').textContent).toMatch(/shown by its code/);
  });
});
