import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmittedCase } from '../../../shared/domain/case-sync';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { CaseForm } from '../../../renderer/cases/CaseForm';
import { forgetCaseTextLengths } from '../../../renderer/cases/case-text-lengths';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { saveDraft } from '../../../renderer/sync/case-store';
import { createI18n } from '../../../renderer/i18n/i18n';
import { ContactProvider } from '../../../renderer/contact/contact-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, session } from '../support/fake-bridge';

/**
 * The case form counts against the council's own case record (its Dataverse column), says
 * how much is left and what goes into a note, and never refuses or loses the text.
 */
const RESIDENT = { staffId: 'staff-1', residentId: '0b0a9c1e-1d52-4c1b-8b8d-0f6b3e0d6a2a', residentName: 'Adaeze Okafor' };

afterEach(() => forgetCaseTextLengths());

async function openForm(recordHolds: number | null) {
  const draft = newCaseDraft(RESIDENT);
  await saveDraft(caseDatabase(), draft, null);
  const fake = fakeBridge(session, recordHolds === null ? { 'cases.textLengths': () => { throw new Error('Sign in to send cases.'); } } : { 'cases.textLengths': () => ({ summary: 200, description: recordHolds, source: 'tenant' }) });
  const i18n = await createI18n('en-GB');
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <ContactProvider staffId={session.user?.id ?? null}>{children}</ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
  const onSubmitted = vi.fn<(submitted: SubmittedCase) => void>();
  render(<CaseForm draftId={draft.id} onSubmitted={onSubmitted} onClose={() => undefined} />, { wrapper: Wrapper });
  await screen.findByRole('heading', { level: 2, name: 'Case details' });
  return { draft, onSubmitted, user: userEvent.setup({ delay: null }) };
}

const description = () => screen.getByLabelText('Description') as HTMLTextAreaElement;
const typeInto = (text: string) => fireEvent.change(description(), { target: { value: text } });

describe('how much the case record holds', () => {
  it('says how much is left against the council’s own length, with thousands as people write them', async () => {
    await openForm(2000);
    await screen.findByText(/2,000 characters left in the case record; more goes into a note\./);
    typeInto('x'.repeat(360));
    expect(screen.getByText(/1,640 characters left in the case record; more goes into a note\./)).toBeTruthy();
    expect(screen.getByTestId('description-into-note').textContent).toBe('');
  });

  it('keeps typing past it, says how much goes into a note, announces it once, and sends every character', async () => {
    const { draft, onSubmitted, user } = await openForm(100);
    await screen.findByText(/100 characters left in the case record/);
    typeInto('x'.repeat(100));
    expect(screen.getByText(/0 characters left in the case record/)).toBeTruthy();
    expect(screen.getByTestId('description-into-note').textContent).toBe('');
    const long = `${'Water coming through the ceiling. '.repeat(40)}`;
    typeInto(long);
    expect(description().value).toBe(long);
    expect(screen.getByText(new RegExp(`The case record holds 100 characters: the last ${(long.length - 100).toLocaleString('en-GB')} characters go into a note on the case, ‘Case description, continued’\\. Nothing is lost\\.`))).toBeTruthy();
    const live = screen.getByTestId('description-into-note');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('The description is now longer than the case record holds: the rest will go into a note on the case.');
    // Nothing in the form stops it going: the whole text is what is sent.
    await user.selectOptions(screen.getByLabelText('Service'), 'waste');
    await user.selectOptions(screen.getByLabelText('Type of case'), 'missed-bin');
    await user.type(screen.getByLabelText('Summary'), 'Leak from the flat above');
    await user.type(screen.getByLabelText('Where'), '12 Peckham Road');
    await user.click(screen.getByLabelText('Email'));
    await user.click(screen.getByRole('button', { name: 'Send the case' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(await caseDatabase().cases.get(draft.id)).toMatchObject({ content: { description: long } });
  });

  it('where the length cannot be asked, shows only the form’s own hint and still takes the text', async () => {
    await openForm(null);
    typeInto('x'.repeat(3000));
    expect(description().value).toHaveLength(3000);
    expect(screen.queryByText(/in the case record/)).toBeNull();
    expect(screen.getByText('What happened, in the resident\'s words.')).toBeTruthy();
  });
});
