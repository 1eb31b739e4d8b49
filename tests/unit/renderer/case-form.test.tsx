import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/session';
import type { SubmittedCase } from '../../../shared/domain/case-sync';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { CaseForm } from '../../../renderer/cases/CaseForm';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { saveDraft } from '../../../renderer/sync/case-store';
import { AUTOSAVE_DELAY_MS, nextSaveDelay } from '../../../renderer/cases/use-draft-autosave';
import { createI18n } from '../../../renderer/i18n/i18n';
import { PSEUDO_LOCALE, pseudoOpen } from '../../../renderer/i18n/pseudo';
import { ContactProvider } from '../../../renderer/contact/contact-context';
import { caseDatabase, type CaseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, session } from '../support/fake-bridge';

/** A case for this resident, written by the fake's signed-in officer. */
/** A draft for the resident, saved as the case form's callers save one. */
async function startDraft(db: CaseDatabase) {
  const draft = newCaseDraft(RESIDENT);
  await saveDraft(db, draft, null);
  return draft;
}

const RESIDENT = { staffId: 'staff-1', residentId: '0b0a9c1e-1d52-4c1b-8b8d-0f6b3e0d6a2a', residentName: 'Adaeze Okafor' };

async function providers(workstation: SessionInfo = session, language = 'en-GB') {
  const fake = fakeBridge(workstation);
  const i18n = await createI18n(language);
  return ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={workstation}>
          <ContactProvider staffId={session.user?.id ?? null}>{children}</ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
}

async function openForm(draftId: string, workstation: SessionInfo = session) {
  const Wrapper = await providers(workstation);
  const onSubmitted = vi.fn<(submitted: SubmittedCase) => void>();
  const onClose = vi.fn();
  const view = render(<CaseForm draftId={draftId} onSubmitted={onSubmitted} onClose={onClose} />, { wrapper: Wrapper });
  await screen.findByRole('heading', { level: 2, name: 'Case details' });
  return { ...view, onSubmitted, onClose, user: userEvent.setup({ delay: null }) };
}

const stored = async (id: string) => caseDatabase().caseDrafts.get(id);

/** Waits until the draft's saved text is as expected. How soon is the scheduler's business (tested below) and bench:capture's. */
async function savedAs(id: string, check: (draft: NonNullable<Awaited<ReturnType<typeof stored>>>) => void) {
  await waitFor(async () => {
    const draft = await stored(id);
    expect(draft).toBeDefined();
    if (draft) check(draft);
  });
}

async function fillValidCase(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText('Service'), 'waste');
  await user.selectOptions(screen.getByLabelText('Type of case'), 'missed-bin');
  await user.type(screen.getByLabelText('Summary'), 'Bin not collected at 12 Peckham Road');
  await user.type(screen.getByLabelText('Description'), 'Grey bin missed on Monday.');
  await user.type(screen.getByLabelText('Where'), '12 Peckham Road');
  await user.type(screen.getByLabelText('Postcode'), 'SE5 8UB');
  await user.click(screen.getByLabelText('Email'));
}

describe('when the form saves', () => {
  it('starts a write at most 300 ms after a change, however fast and long the typing', () => {
    // A key every 40 ms for two seconds: each write must start within 300 ms of the oldest change it carries.
    let unsavedSince: number | null = null;
    let writeAt = Infinity;
    let worst = 0;
    for (let now = 0; now <= 2000; now += 40) {
      if (writeAt <= now) {
        worst = Math.max(worst, writeAt - (unsavedSince ?? writeAt));
        unsavedSince = null;
      }
      unsavedSince ??= now;
      writeAt = now + nextSaveDelay(unsavedSince, now);
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(300);
  });

  it('waits for a pause in typing when there is one, rather than writing on every key', () => {
    expect(nextSaveDelay(1000, 1000)).toBe(AUTOSAVE_DELAY_MS);
  });
});

describe('the case form', () => {
  it('saves what is typed, and says so', async () => {
    const draft = await startDraft(caseDatabase());
    const { user } = await openForm(draft.id);
    await user.type(screen.getByLabelText('Summary'), 'Bin not collected');
    await savedAs(draft.id, (saved) => expect(saved.summary).toBe('Bin not collected'));
    await user.type(screen.getByLabelText('Description'), 'Grey bin');
    await savedAs(draft.id, (saved) => expect(saved.description).toBe('Grey bin'));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/^Saved at \d\d:\d\d$/));
  });

  it('after a reload, brings the draft back character for character, with the cursor where it was', async () => {
    const draft = await startDraft(caseDatabase());
    const first = await openForm(draft.id);
    const typed = 'Grey bin – left out since Monday’s round.\nNeighbour: 3 weeks running.  ';
    await first.user.type(screen.getByLabelText('Summary'), 'Missed bin, again');
    await first.user.click(screen.getByLabelText('Description'));
    await first.user.keyboard('Grey bin – left out since Monday’s round.{Enter}Neighbour: 3 weeks running.  ');
    // Back eight characters, as someone correcting a word would.
    await first.user.keyboard('{ArrowLeft>8/}');
    const description = screen.getByLabelText('Description') as HTMLTextAreaElement;
    const caret = typed.length - 8;
    expect(description.selectionStart).toBe(caret);
    await waitFor(async () => expect((await stored(draft.id))?.focus).toEqual({ field: 'description', selectionStart: caret, selectionEnd: caret }));
    first.unmount();

    await openForm(draft.id);
    const again = screen.getByLabelText('Description') as HTMLTextAreaElement;
    expect(again.value).toBe(typed);
    expect((screen.getByLabelText('Summary') as HTMLInputElement).value).toBe('Missed bin, again');
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect([again.selectionStart, again.selectionEnd]).toEqual([caret, caret]);
  });

  it('brings back a selection, not just a caret', async () => {
    const draft = await startDraft(caseDatabase());
    const first = await openForm(draft.id);
    await first.user.type(screen.getByLabelText('Summary'), 'Fly-tipping by the garages');
    const summary = screen.getByLabelText('Summary') as HTMLInputElement;
    // Selected with Shift and the arrow keys: the selection is read when Shift comes up.
    summary.setSelectionRange(4, 11);
    fireEvent.keyUp(summary, { key: 'Shift' });
    await waitFor(async () => expect((await stored(draft.id))?.focus).toEqual({ field: 'summary', selectionStart: 4, selectionEnd: 11 }));
    first.unmount();
    await openForm(draft.id);
    const again = screen.getByLabelText('Summary') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect([again.selectionStart, again.selectionEnd]).toEqual([4, 11]);
  });

  it('shows problems only after leaving a field or trying to send, names the field, and keeps what was typed', async () => {
    const draft = await startDraft(caseDatabase());
    const { user, onSubmitted } = await openForm(draft.id);
    expect(screen.queryByText(/Enter a one-line summary/)).toBeNull();

    // Leaving the summary empty shows its message, and only its message.
    await user.click(screen.getByLabelText('Summary'));
    await user.tab();
    const summary = screen.getByLabelText('Summary');
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    const described = summary.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’');
    expect(screen.queryByTestId('error-summary')).toBeNull();

    await user.type(screen.getByLabelText('Postcode'), 'SE15');
    await user.click(screen.getByRole('button', { name: 'Send the case' }));
    const errors = await screen.findByTestId('error-summary');
    expect(within(errors).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(errors).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Choose the service the case is for, like ‘waste and recycling’', '#case-service'],
      ['Choose the type of case, like ‘Missed bin collection’', '#case-category'],
      ['Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’', '#case-summary'],
      ['Enter a description of what happened, in the resident’s words', '#case-description'],
      ['Enter a full UK postcode, like ‘SE15 5EW’, or leave the postcode empty and describe the place under Where', '#case-postcode'],
      ['Choose how the resident wants to hear back about the case, or ‘No contact’', '#case-contactPreference'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(errors));
    // The wrong postcode is still there to correct, on screen and on disk.
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('SE15');
    expect((await stored(draft.id))?.postcode).toBe('SE15');
    expect(onSubmitted).not.toHaveBeenCalled();

    // A link in the summary goes to its field.
    await user.click(within(errors).getByRole('link', { name: /full UK postcode/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('Postcode'));
  });

  it('refuses a file over the limit by name, size and limit, and keeps the others', async () => {
    const draft = await startDraft(caseDatabase());
    const { user } = await openForm(draft.id);
    const big = new File(['x'], 'bin-photo.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: 12.5 * 1024 * 1024 });
    const small = new File(['%PDF-1.4 letter'], 'letter.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Add photos or PDFs'), [big, small]);
    const refused = await screen.findByTestId('evidence-refused');
    expect(refused.textContent).toBe('“bin-photo.jpg” is 12.5 MB, which is over the 10 MB limit. It has not been added: make it smaller (for example, take the photo at a lower size) and add it again.');
    const list = await screen.findByTestId('evidence-list');
    expect(within(list).getByText('letter.pdf (15 bytes)')).toBeTruthy();
    expect(within(list).queryByText(/bin-photo/)).toBeNull();
    const rows = await caseDatabase().attachments.toArray();
    expect(rows.map((row) => [row.fileName, row.caseId, row.thumbnail])).toEqual([['letter.pdf', draft.id, null]]);
    expect((await stored(draft.id))?.attachmentIds).toEqual([rows[0]?.id]);

    await user.click(within(list).getByRole('button', { name: 'Remove letter.pdf' }));
    await waitFor(async () => expect(await caseDatabase().attachments.count()).toBe(0));
    expect((await stored(draft.id))?.attachmentIds).toEqual([]);
  });

  it('uses the limit the council set, and refuses files that are not photos or PDFs', async () => {
    const draft = await startDraft(caseDatabase());
    const { user } = await openForm(draft.id, { ...session, maxAttachmentBytes: 1024 });
    const photo = new File([new Uint8Array(2048)], 'pothole.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Add photos or PDFs'), photo);
    expect((await screen.findByTestId('evidence-refused')).textContent).toMatch(/^“pothole.png” is 2 KB, which is over the 1 KB limit\./);
    fireEvent.change(screen.getByLabelText('Add photos or PDFs'), { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(screen.getByTestId('evidence-refused').textContent).toMatch(/^“notes.txt” is not a photo or a PDF/));
    expect(await caseDatabase().attachments.count()).toBe(0);
  });

  it('sends a complete case to the outbox, waiting to send', async () => {
    const draft = await startDraft(caseDatabase());
    const { user, onSubmitted } = await openForm(draft.id);
    await fillValidCase(user);
    expect(screen.getByText(/^Missed bin collection: due \w+day \d+ \w+ \d{4}$/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send the case' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    const [submitted] = await caseDatabase().cases.toArray();
    expect(submitted).toMatchObject({ id: draft.id, syncState: 'waiting', submittedBy: session.user?.id, content: { summary: 'Bin not collected at 12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'email', serviceStandard: 'missed-bin', residentId: RESIDENT.residentId } });
    expect(await caseDatabase().outbox.get(draft.id)).toMatchObject({ operation: 'create', held: false });
    expect(await stored(draft.id)).toBeUndefined();
  });

  it('shows only translated text, problems and refusals included', async () => {
    const draft = await startDraft(caseDatabase());
    const Wrapper = await providers(session, PSEUDO_LOCALE);
    render(<CaseForm draftId={draft.id} onSubmitted={() => undefined} onClose={() => undefined} />, { wrapper: Wrapper });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Ŝéñd/ }));
    await screen.findByTestId('error-summary');
    const big = new File(['x'], 'big.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(screen.getByTestId('evidence-input'), big);
    await screen.findByTestId('evidence-refused');
    const untranslated: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
      if (!/\p{L}/u.test(text) || node.parentElement?.closest('option') || text.includes(pseudoOpen) || text === RESIDENT.residentName) continue;
      untranslated.push(text);
    }
    expect(untranslated).toEqual([]);
  });
});
