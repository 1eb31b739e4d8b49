import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDraft } from '../../../shared/domain/case-draft';
import type { SubmittedCase } from '../../../shared/domain/case-sync';
import { SessionProvider } from '../../../renderer/session/session-context';
import { StatusBar } from '../../../renderer/app/StatusBar';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { CaseNavigationProvider } from '../../../renderer/cases/case-navigation';
import { CasesPlace } from '../../../renderer/cases/CasesPlace';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { ContactProvider } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { NavigationProvider, useNavigation } from '../../../renderer/navigation/navigation-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { contentOf } from '../../../renderer/sync/case-store';
import type { SyncStatus } from '../../../renderer/sync/sync-context';
import { fakeBridge, session } from '../support/fake-bridge';
import { caseReference } from '../../../shared/domain/case-reference';

// The status bar reads the sync loop's figures; here they are set by each test.
const syncStatus = vi.hoisted(() => ({ current: null as SyncStatus | null }));
vi.mock('../../../renderer/sync/sync-context', () => ({
  useSyncStatus: () => syncStatus.current,
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

/** A case as the sync loop leaves it: sent, refused, or met by someone else's change. */
async function storeSubmitted(draft: CaseDraft, state: Partial<SubmittedCase>): Promise<SubmittedCase> {
  const submitted: SubmittedCase = { id: draft.id, content: contentOf(draft), submittedAt: new Date().toISOString(), submittedBy: 'staff-1', syncState: 'waiting', etag: null, reference: null, sentAt: null, problem: null, theirs: null, theirEtag: null, ...state };
  await caseDatabase().cases.put(submitted);
  if (submitted.syncState !== 'sent') await caseDatabase().outbox.put({ id: draft.id, operation: state.etag ? 'update' : 'create', queuedAt: submitted.submittedAt, attempts: 1, notBefore: null, held: true, lastError: state.problem ?? null });
  return submitted;
}

/** Which place the workstation would show now. */
function PlaceShown() {
  return <output data-testid="place-shown">{useNavigation()?.place}</output>;
}

async function showCases(withStatusBar = false) {
  const fake = fakeBridge();
  const i18n = await createI18n('en-GB');
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <NavigationProvider>
            <ContactProvider staffId={session.user?.id ?? null}>
              <CaseNavigationProvider>
                {children}
                <PlaceShown />
              </CaseNavigationProvider>
            </ContactProvider>
          </NavigationProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
  render(
    <>
      <CasesPlace />
      {withStatusBar && <StatusBar session={session} />}
    </>,
    { wrapper: Wrapper },
  );
  await screen.findByRole('tablist', { name: 'Cases by where they are' });
  return { user: userEvent.setup() };
}

const tab = (name: RegExp) => screen.getByRole('tab', { name });

beforeEach(() => {
  syncStatus.current = { reachable: true, waiting: 0, needsAttention: 0, contactsWaiting: 0, sending: false, lastSuccessfulSync: null, problem: null };
});

describe('the Cases place', () => {
  it('starts a new case, sends it, and shows it waiting with its due date', async () => {
    const { user } = await showCases();
    expect(tab(/^Drafts \(0\)$/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New case' }));
    await screen.findByRole('heading', { level: 2, name: 'Case details' });
    // No resident open: this one is anonymous.
    await user.click(screen.getByLabelText('Anonymous report'));
    await user.selectOptions(screen.getByLabelText('Service'), 'waste');
    await user.selectOptions(screen.getByLabelText('Type of case'), 'bulky-waste');
    await user.type(screen.getByLabelText('Summary'), 'Sofa dumped by the garages');
    await user.type(screen.getByLabelText('Description'), 'Left there since the weekend.');
    await user.type(screen.getByLabelText('Postcode'), 'SE15 5EW');
    await user.click(screen.getByRole('button', { name: 'Send the case' }));

    // Sending seals the case and writes it (WebCrypto and a fake IndexedDB under jsdom): 1.8 s
    // alone on an idle machine, and over the 5 s default beside the other test workers in CI.
    const confirmation = await screen.findByTestId('case-confirmation', {}, { timeout: 20_000 });
    const [sent] = await caseDatabase().cases.toArray();
    // The resident's reference at once, made on this computer before anything is sent.
    expect(confirmation.textContent).toMatch(
      new RegExp(`^Give the resident the reference ${caseReference(sent?.id ?? '', sent?.content.receivedOn ?? '')}\\. It is due by \\w+day \\d+ \\w+ \\d{4} \\(Bulky waste collection\\)\\. “Sofa dumped by the garages” is waiting to send; it goes when the council’s system can be reached\\.$`),
    );
    expect(tab(/^Waiting to send \(1\)$/).getAttribute('aria-selected')).toBe('true');
    const table = screen.getByTestId('cases-table-waiting');
    const row = within(table).getByText('Sofa dumped by the garages').closest('tr') as HTMLElement;
    expect(within(row).getByText('Anonymous')).toBeTruthy();
    expect(within(row).getByText('Bulky waste collection')).toBeTruthy();
    expect(row.textContent).toMatch(/On track: \d+ working days left/);
    const [stored] = await caseDatabase().cases.toArray();
    expect(stored?.content).toMatchObject({ anonymous: true, residentId: null, contactPreference: 'no-contact' });
    // Once the council's system has it, the same confirmation says so, never "waiting".
    await caseDatabase().cases.update(sent?.id ?? '', { syncState: 'sent', sentAt: new Date().toISOString() });
    await waitFor(() => expect(screen.getByTestId('confirmation-state').textContent).toBe('“Sofa dumped by the garages” is in the council’s system.'));
    await caseDatabase().cases.update(sent?.id ?? '', { syncState: 'waiting', sentAt: null });
  });

  it('continues a draft where it was left, and deletes one only after asking', async () => {
    const keep = completeDraft({ summary: 'Keep this one' });
    const drop = completeDraft({ summary: 'Delete this one' });
    await caseDatabase().caseDrafts.bulkPut([keep, drop]);
    const { user } = await showCases();
    await waitFor(() => expect(tab(/^Drafts \(2\)$/)).toBeTruthy());

    await user.click(screen.getByRole('button', { name: 'Delete the draft: Delete this one' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(await caseDatabase().caseDrafts.count()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Delete the draft: Delete this one' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete draft' }));
    await waitFor(() => expect(tab(/^Drafts \(1\)$/)).toBeTruthy());
    expect((await caseDatabase().caseDrafts.toArray()).map((each) => each.summary)).toEqual(['Keep this one']);

    await user.click(screen.getByRole('button', { name: 'Continue the draft: Keep this one' }));
    expect(((await screen.findByLabelText('Summary')) as HTMLInputElement).value).toBe('Keep this one');
  });

  it('shows a sent case with its Dataverse reference', async () => {
    await storeSubmitted(completeDraft(), { syncState: 'sent', reference: 'CAS-01234-X1Y2Z3', sentAt: new Date().toISOString(), etag: 'W/"1"' });
    const { user } = await showCases();
    await user.click(await screen.findByRole('tab', { name: /^Sent \(1\)$/ }));
    expect(within(screen.getByTestId('cases-table-sent')).getByTestId('case-reference').textContent).toBe('CAS-01234-X1Y2Z3');
  });

  it('shows the back office’s reason for refusing a case, and fixes and sends it again', async () => {
    await storeSubmitted(completeDraft({ postcode: 'SE1 9ZZ' }), { syncState: 'needs-attention', problem: 'SE1 9ZZ is not a Southwark postcode. Check the address with the resident.' });
    const { user } = await showCases();
    await user.click(await screen.findByRole('tab', { name: /^Needs attention \(1\)$/ }));
    const table = screen.getByTestId('cases-table-attention');
    expect(within(table).getByTestId('case-problem').textContent).toBe("The council's system said: SE1 9ZZ is not a Southwark postcode. Check the address with the resident.");

    await user.click(within(table).getByRole('button', { name: 'Fix and send again' }));
    const postcode = (await screen.findByLabelText('Postcode')) as HTMLInputElement;
    expect(postcode.value).toBe('SE1 9ZZ');
    expect(await caseDatabase().cases.count()).toBe(0);
    expect(await caseDatabase().outbox.count()).toBe(0);
    await user.clear(postcode);
    await user.type(postcode, 'SE5 8UB');
    await user.click(screen.getByRole('button', { name: 'Send the case' }));
    await screen.findByTestId('case-confirmation');
    // The tabs count a live query of the sealed database: they follow a moment after the confirmation.
    await waitFor(() => expect(tab(/^Waiting to send \(1\)$/)).toBeTruthy());
    expect(tab(/^Needs attention \(0\)$/)).toBeTruthy();
    const [again] = await caseDatabase().cases.toArray();
    expect(again).toMatchObject({ syncState: 'waiting', content: { postcode: 'SE5 8UB' } });
    expect(await caseDatabase().outbox.get(again?.id ?? '')).toMatchObject({ operation: 'create', held: false });
  });

  it('shows both versions of a conflicting case side by side; keep mine sends ours again', async () => {
    const ours = completeDraft({ summary: 'Bin missed twice', description: 'Second week running.' });
    await storeSubmitted(ours, { syncState: 'conflict', etag: 'W/"1"', theirs: { summary: 'Bin missed', description: 'Crew report: bin not out.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'email' }, theirEtag: 'W/"2"' });
    const { user } = await showCases();
    await user.click(await screen.findByRole('tab', { name: /^Needs attention \(1\)$/ }));
    await user.click(screen.getByRole('button', { name: 'Compare versions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Two versions of this case' });
    const headers = within(dialog).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Field', 'Your version', "Version in the council's system"]);
    const summaryRow = within(dialog).getByTestId('conflict-summary');
    expect(within(summaryRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Bin missed twice', 'Bin missed']);
    expect(within(summaryRow).getByText('Different')).toBeTruthy();
    expect(within(within(dialog).getByTestId('conflict-postcode')).queryByText('Different')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await caseDatabase().cases.get(ours.id))?.syncState).toBe('waiting'));
    expect(await caseDatabase().cases.get(ours.id)).toMatchObject({ etag: 'W/"2"', content: { summary: 'Bin missed twice' }, theirs: null });
    expect(await caseDatabase().outbox.get(ours.id)).toMatchObject({ operation: 'update', held: false });
  });

  it('keep theirs takes the council’s version and sends nothing', async () => {
    const ours = completeDraft({ summary: 'Bin missed twice' });
    await storeSubmitted(ours, { syncState: 'conflict', etag: 'W/"1"', reference: 'CAS-0042', theirs: { summary: 'Bin missed', description: 'Crew report: bin not out.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'letter' }, theirEtag: 'W/"2"' });
    const { user } = await showCases();
    await user.click(await screen.findByRole('tab', { name: /^Needs attention \(1\)$/ }));
    await user.click(screen.getByRole('button', { name: 'Compare versions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Two versions of this case' });
    expect(within(within(dialog).getByTestId('conflict-contactPreference')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Email', 'Letter']);
    await user.click(within(dialog).getByRole('button', { name: 'Keep theirs' }));
    await waitFor(async () => expect((await caseDatabase().cases.get(ours.id))?.syncState).toBe('sent'));
    expect((await caseDatabase().cases.get(ours.id))?.content).toMatchObject({ summary: 'Bin missed', contactPreference: 'letter' });
    expect(await caseDatabase().outbox.get(ours.id)).toBeUndefined();
    await waitFor(() => expect(tab(/^Sent \(1\)$/)).toBeTruthy());
  });
});

describe('the status bar', () => {
  it('says whether the council’s system answers and what is waiting, and goes to the cases that need attention', async () => {
    syncStatus.current = { reachable: false, waiting: 3, needsAttention: 2, contactsWaiting: 0, sending: false, lastSuccessfulSync: '2025-03-03T14:02:00.000Z', problem: null };
    await storeSubmitted(completeDraft({ summary: 'Refused one' }), { syncState: 'needs-attention', problem: 'No such street.' });
    const { user } = await showCases(true);
    const bar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(bar).getByTestId('status-network').textContent).toBe("Offline (the council's system can't be reached)");
    expect(within(bar).getByTestId('status-sync').textContent).toBe('3 cases waiting to send');
    expect(within(bar).getByTestId('status-last-sync').textContent).toMatch(/^Last sent \d\d:\d\d$/);
    expect(tab(/^Drafts/).getAttribute('aria-selected')).toBe('true');

    await user.click(within(bar).getByRole('button', { name: '2 need your attention' }));
    expect(screen.getByTestId('place-shown').textContent).toBe('cases');
    await waitFor(() => expect(tab(/^Needs attention \(1\)$/).getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByText("The council's system said: No such street.")).toBeTruthy();
  });

  it('says when it is still checking, and when everything has gone', async () => {
    syncStatus.current = { reachable: null, waiting: 0, needsAttention: 0, contactsWaiting: 0, sending: false, lastSuccessfulSync: null, problem: null };
    await showCases(true);
    const bar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(bar).getByTestId('status-network').textContent).toBe('Checking connection…');
    expect(within(bar).getByTestId('status-sync').textContent).toBe('All cases sent');
    expect(within(bar).queryByTestId('status-attention')).toBeNull();
    expect(within(bar).queryByTestId('status-last-sync')).toBeNull();
  });
});
