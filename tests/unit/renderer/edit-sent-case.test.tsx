import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseUpdate, CaseVersion } from '../../../shared/contract/cases';
import type { CaseDraft } from '../../../shared/domain/case-draft';
import type { SubmittedCase } from '../../../shared/domain/case-sync';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { CaseNavigationProvider } from '../../../renderer/cases/case-navigation';
import { CasesPlace } from '../../../renderer/cases/CasesPlace';
import { changedFields } from '../../../renderer/cases/EditSentCaseDialog';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { ContactProvider } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { PSEUDO_LOCALE, pseudoClose, pseudoOpen } from '../../../renderer/i18n/pseudo';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { contentOf } from '../../../renderer/sync/case-store';
import { inProcessLock } from '../../../renderer/sync/leader-lock';
import { createSyncLoop, type BackOfficeFacade, type SyncLoop } from '../../../renderer/sync/sync-loop';
import { realTimers } from '../../../renderer/sync/timers';
import { fakeBridge, session } from '../support/fake-bridge';

// Parts of the workstation read the sync loop's figures; this test runs its own loop instead.
vi.mock('../../../renderer/sync/sync-context', () => ({
  useSyncStatus: () => ({ reachable: true, waiting: 0, needsAttention: 0, sending: false, lastSuccessfulSync: null, problem: null }),
  useSyncNow: () => () => undefined,
}));

/** A case for this resident, written by the fake's signed-in officer. */
const RESIDENT = { staffId: 'staff-1', residentId: '0b0a9c1e-1d52-4c1b-8b8d-0f6b3e0d6a2a', residentName: 'Adaeze Okafor' };

function completeDraft(overrides: Partial<CaseDraft> = {}): CaseDraft {
  return {
    ...newCaseDraft(RESIDENT),
    service: 'waste',
    category: 'missed-bin',
    serviceStandard: 'missed-bin',
    summary: 'Bin not collected at 12 Peckham Road',
    description: 'Grey bin missed on Monday.',
    location: '12 Peckham Road',
    postcode: 'SE5 8UB',
    contactPreference: 'email',
    ...overrides,
  };
}

/** A case as the sync loop leaves it once the council's system has it. */
async function storeSent(draft: CaseDraft): Promise<SubmittedCase> {
  const at = new Date().toISOString();
  const sent: SubmittedCase = { id: draft.id, content: contentOf(draft), submittedAt: at, submittedBy: 'staff-1', syncState: 'sent', etag: 'W/"1"', reference: 'CAS-01234-X1Y2Z3', sentAt: at, problem: null, theirs: null, theirEtag: null };
  await caseDatabase().cases.put(sent);
  return sent;
}

async function showCases(locale = 'en-GB') {
  const fake = fakeBridge();
  const i18n = await createI18n(locale);
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <ContactProvider staffId={session.user?.id ?? null}>
            <CaseNavigationProvider>{children}</CaseNavigationProvider>
          </ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
  render(<CasesPlace />, { wrapper: Wrapper });
  await screen.findByRole('tablist');
  return userEvent.setup();
}

const tab = (name: RegExp) => screen.getByRole('tab', { name });

async function openEdit(user: ReturnType<typeof userEvent.setup>, summary: string) {
  await user.click(await screen.findByRole('tab', { name: /^Sent \(1\)$/ }));
  await user.click(within(screen.getByTestId('cases-table-sent')).getByRole('button', { name: `Edit the sent case: ${summary}` }));
  return screen.findByRole('dialog', { name: 'Change a sent case' });
}

const loops: SyncLoop[] = [];
afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

describe('editing a sent case', () => {
  it('saves only what changed, as an update waiting to send, and says what will happen', async () => {
    const sent = await storeSent(completeDraft());
    const user = await showCases();
    const dialog = await openEdit(user, sent.content.summary);
    expect(dialog.getAttribute('aria-describedby')).toBe('edit-case-intro');
    expect(within(dialog).getByText(/sent to the council's system\. If someone has changed this case there in the meantime, you'll be asked which version to keep\.$/)).toBeTruthy();
    expect((within(dialog).getByLabelText('Summary') as HTMLInputElement).value).toBe(sent.content.summary);
    expect((within(dialog).getByLabelText('Where') as HTMLInputElement).value).toBe('12 Peckham Road');
    expect((within(dialog).getByRole('radio', { name: 'Email' }) as HTMLInputElement).checked).toBe(true);

    const description = within(dialog).getByLabelText('Description');
    await user.clear(description);
    await user.click(description);
    await user.paste('Grey bin missed on Monday and again on Thursday.');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The list is a live query of the sealed database: it follows a moment after the dialog closes.
    await waitFor(() => expect(tab(/^Waiting to send \(1\)$/).getAttribute('aria-selected')).toBe('true'));
    expect(tab(/^Sent \(0\)$/)).toBeTruthy();
    const saved = screen.getByTestId('case-change-saved');
    expect(saved.textContent).toBe(`Your changes to “${sent.content.summary}” are waiting to send.`);
    expect(document.activeElement).toBe(saved);
    const row = within(screen.getByTestId('cases-table-waiting')).getByTestId(`case-${sent.id}`);
    expect(row.textContent).toContain("Changed after it was sent: the change will send when the council's system can be reached");

    const stored = await caseDatabase().cases.get(sent.id);
    expect(stored).toMatchObject({ syncState: 'waiting', etag: 'W/"1"', reference: 'CAS-01234-X1Y2Z3' });
    expect(stored?.content).toEqual({ ...sent.content, description: 'Grey bin missed on Monday and again on Thursday.' });
    expect(await caseDatabase().outbox.get(sent.id)).toMatchObject({ operation: 'update', held: false, attempts: 0 });
  });

  it('cancel changes nothing, and saving with nothing changed says so and queues nothing', async () => {
    const sent = await storeSent(completeDraft());
    const user = await showCases();
    let dialog = await openEdit(user, sent.content.summary);
    await user.type(within(dialog).getByLabelText('Summary'), ' (cancelled)');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await caseDatabase().cases.get(sent.id)).toMatchObject({ syncState: 'sent', content: { summary: sent.content.summary } });

    dialog = await openEdit(user, sent.content.summary);
    expect((within(dialog).getByLabelText('Summary') as HTMLInputElement).value).toBe(sent.content.summary);
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect((await within(dialog).findByTestId('edit-case-unchanged')).textContent).toBe('You have not changed anything yet. Change a field and save, or cancel.');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(await caseDatabase().outbox.count()).toBe(0);
  });

  it('shows each problem by its field with the case form’s words, keeps what was typed, and saves once fixed', async () => {
    const sent = await storeSent(completeDraft());
    const user = await showCases();
    const dialog = await openEdit(user, sent.content.summary);
    await user.clear(within(dialog).getByLabelText('Summary'));
    const postcode = within(dialog).getByLabelText('Postcode') as HTMLInputElement;
    await user.clear(postcode);
    await user.type(postcode, 'PECKHAM');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    const summary = await within(dialog).findByTestId('error-summary');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’',
      'Enter a full UK postcode, like ‘SE15 5EW’, or leave the postcode empty and describe the place under Where',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#edit-case-summary', '#edit-case-postcode']);
    const summaryField = within(dialog).getByLabelText('Summary');
    expect(summaryField.getAttribute('aria-invalid')).toBe('true');
    expect(summaryField.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(summaryField.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’');
    expect(postcode.value).toBe('PECKHAM');
    expect(postcode.getAttribute('aria-invalid')).toBe('true');
    expect(await caseDatabase().outbox.count()).toBe(0);
    expect((await caseDatabase().cases.get(sent.id))?.syncState).toBe('sent');

    await user.type(summaryField, 'Bin missed twice');
    await user.clear(postcode);
    await user.type(postcode, 'SE5 8UB');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Postcode is back as it was: only the summary changed.
    expect((await caseDatabase().cases.get(sent.id))?.content).toEqual({ ...sent.content, summary: 'Bin missed twice' });
    expect(await caseDatabase().outbox.get(sent.id)).toMatchObject({ operation: 'update' });
  });

  it('a change that meets a newer version in the council’s system needs attention; keep theirs puts their text back', async () => {
    const sent = await storeSent(completeDraft());
    const theirs: CaseVersion = { summary: sent.content.summary, description: 'Crew report: bin was not out on Monday.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'letter' };
    const updates: CaseUpdate[] = [];
    const backOffice: BackOfficeFacade = {
      submit: async () => ({ ok: false, error: { code: 'not-connected', message: 'not in this test' } }),
      saveContacts: async () => ({ ok: false, error: { code: 'not-connected', message: 'not in this test' } }),
      update: async (input) => {
        updates.push(input);
        return { ok: true, value: { result: 'conflict', theirs, etag: 'W/"2"' } };
      },
    };
    const loop = createSyncLoop({ db: caseDatabase(), backOffice, requestLock: inProcessLock(), now: Date.now, random: Math.random, timers: realTimers });
    loops.push(loop);
    loop.start();

    const user = await showCases();
    const dialog = await openEdit(user, sent.content.summary);
    const description = within(dialog).getByLabelText('Description');
    await user.clear(description);
    await user.click(description);
    await user.paste('Missed again on Thursday.');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(tab(/^Needs attention \(1\)$/)).toBeTruthy());
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ id: sent.id, etag: 'W/"1"', changes: { description: 'Missed again on Thursday.' } });
    expect(await caseDatabase().outbox.get(sent.id)).toMatchObject({ operation: 'update', held: true });

    await user.click(tab(/^Needs attention \(1\)$/));
    const table = screen.getByTestId('cases-table-attention');
    expect(within(table).getByText("Someone changed this case in the council's system at the same time as you. Choose which version to keep.")).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Compare versions' }));
    const compare = await screen.findByRole('dialog', { name: 'Two versions of this case' });
    expect(within(within(compare).getByTestId('conflict-description')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Missed again on Thursday.', 'Crew report: bin was not out on Monday.']);
    await user.click(within(compare).getByRole('button', { name: 'Keep theirs' }));

    await waitFor(() => expect(tab(/^Sent \(1\)$/)).toBeTruthy());
    const kept = await caseDatabase().cases.get(sent.id);
    expect(kept).toMatchObject({ syncState: 'sent', etag: 'W/"2"', theirs: null, content: { description: 'Crew report: bin was not out on Monday.', contactPreference: 'letter' } });
    expect(await caseDatabase().outbox.get(sent.id)).toBeUndefined();
    expect(updates).toHaveLength(1);
  });
});

describe('the edit dialog’s own pieces', () => {
  it('finds only the fields that changed', () => {
    const before = { summary: 'Bin missed', description: 'Monday.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'email' as const };
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, description: 'Monday and Thursday.', contactPreference: 'phone' })).toEqual({ description: 'Monday and Thursday.', contactPreference: 'phone' });
  });

  it('shows no staff-facing text that skipped i18next, with its problems showing', async () => {
    const sent = await storeSent(completeDraft());
    const user = await showCases(PSEUDO_LOCALE);
    await user.click(screen.getByTestId('cases-tab-sent'));
    // The row's first button is Edit; Ask or escalate (Microsoft Teams) follows it.
    await user.click(within(await screen.findByTestId('cases-table-sent')).getAllByRole('button')[0]!);
    const dialog = await screen.findByRole('dialog');
    await user.clear(document.getElementById('edit-case-summary') as HTMLInputElement);
    await user.click(dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    await within(dialog).findByTestId('error-summary');
    // The case, its resident and its service standard's name (from the council's settings) are data.
    const data = [sent.content.summary, sent.content.description, sent.content.location, sent.content.postcode, sent.reference ?? '', RESIDENT.residentName, 'Missed bin collection'];
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
      if (!/\p{L}/u.test(text) || data.includes(text)) continue;
      if (/^\w+day \d{1,2} \w+ \d{4}$/.test(text)) continue; // a date, from the shared date formatter
      if (!(text.includes(pseudoOpen) && text.includes(pseudoClose))) found.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value && /\p{L}/u.test(value) && !value.includes(pseudoOpen)) found.push(`${attribute}="${value}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
