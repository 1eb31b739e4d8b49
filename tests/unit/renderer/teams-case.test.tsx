import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TeamsSendResult } from '../../../shared/contract/microsoft365';
import type { SubmittedCase } from '../../../shared/domain/case-sync';
import { App } from '../../../renderer/app/App';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { createI18n } from '../../../renderer/i18n/i18n';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { contentOf } from '../../../renderer/sync/case-store';
import type { AskExpertInput, EscalateInput } from '../../../renderer/teams/teams-outbox-item';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';
import { me, parkingTeam, sam, signedIn, wasteTeam } from './microsoft365-fixtures';

/** A case for this resident, written by the fake's signed-in officer. */
const RESIDENT = { staffId: 'staff-1', residentId: '0b0a9c1e-1d52-4c1b-8b8d-0f6b3e0d6a2a', residentName: 'Adaeze Okafor' };
const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** A case the council's system already has, as the sync loop leaves it. */
async function storeSentCase(): Promise<SubmittedCase> {
  const draft = { ...newCaseDraft(RESIDENT), service: 'waste', category: 'missed-bin', serviceStandard: 'missed-bin', summary: 'Bin not collected at 12 Peckham Road', description: 'Grey bin missed on Monday.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'email' as const };
  const submitted: SubmittedCase = { id: draft.id, content: contentOf(draft), submittedAt: new Date().toISOString(), submittedBy: 'staff-1', syncState: 'sent', etag: null, reference: 'CAS-01234-X1Y2Z3', sentAt: new Date().toISOString(), problem: null, theirs: null, theirEtag: null };
  await caseDatabase().cases.put(submitted);
  return submitted;
}

/** The workstation, signed in to Microsoft 365, showing the sent case's colleagues panel. */
async function showSentCase(answers: FakeAnswers) {
  const submitted = await storeSentCase();
  const fake = fakeBridge(session, { 'account.status': () => signedIn, 'teams.me': () => me(), 'teams.serviceTeams': () => [wasteTeam, parkingTeam], 'teams.teamPresence': () => [sam('Available')], ...answers });
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const user = userEvent.setup();
  await user.keyboard('{Alt>}5{/Alt}');
  await user.click(await screen.findByRole('tab', { name: /^Sent/ }));
  await user.click(await screen.findByRole('button', { name: 'Ask or escalate: Bin not collected at 12 Peckham Road' }));
  const panel = await screen.findByRole('region', { name: 'Colleagues: Bin not collected at 12 Peckham Road' });
  return { ...fake, user, panel, submitted };
}

describe('asking an expert about a case', () => {
  it('writes the question here first, waits while Microsoft 365 is away, and sends it when back online', async () => {
    const asked: AskExpertInput[] = [];
    let answer: TeamsSendResult = { status: 'retry', reason: 'Microsoft 365 cannot be reached.' };
    const sentAt = '2026-11-27T10:42:00.000Z';
    const { user, panel, submitted } = await showSentCase({
      'teams.askExpert': (input) => {
        asked.push(input as AskExpertInput);
        return answer;
      },
      'teams.replies': () => [
        { id: 'r0', from: 'CivicDesk', text: 'Question', sentAt, fromCivicDesk: true },
        { id: 'r1', from: 'Sam Adeyemi', text: 'Check the round sheet for Monday.', sentAt, fromCivicDesk: false },
      ],
    });
    await user.click(within(panel).getByRole('button', { name: 'Ask an expert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask an expert' });
    // Nothing chosen or written yet: it says what is missing and sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(within(dialog).getByText('Choose at least one colleague.')).toBeTruthy();
    expect(within(dialog).getByText('Say what you need to know.')).toBeTruthy();
    await user.click(await within(dialog).findByRole('checkbox', { name: /Sam Adeyemi/ }));
    expect(within(dialog).getByText('Available')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/What do you need to know\?/), 'Was this street missed on the round?');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));

    expect(await within(panel).findByText('Waiting to send — will go when you are back online')).toBeTruthy();
    expect(asked).toHaveLength(1);
    const saved = await caseDatabase().teamsOutbox.get(asked[0]!.messageId);
    expect(saved?.state).toBe('waiting');
    expect(asked[0]).toMatchObject({ colleagueIds: ['sam-1'], note: 'Was this street missed on the round?', case: { caseId: submitted.id, reference: 'CAS-01234-X1Y2Z3', service: 'waste', residentReference: RESIDENT.residentId } });

    answer = { status: 'sent', chatId: 'chat-1', sentAt, late: true };
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await within(panel).findByText(`Sent late ${clock(sentAt)}`)).toBeTruthy();
    // The same message id: a resend cannot post it twice.
    expect(asked.map((input) => input.messageId)).toEqual([asked[0]!.messageId, asked[0]!.messageId]);
    expect(await within(panel).findByText('Check the round sheet for Monday.')).toBeTruthy();
    expect(within(panel).queryByText('Question')).toBeNull();
  });

  it('offers anyone found by name, with their presence', async () => {
    const { user, panel } = await showSentCase({
      'teams.searchPeople': () => [{ id: 'kim-1', displayName: 'Kim Osei', jobTitle: 'Housing officer', department: 'Housing', mail: null, presence: { userId: 'kim-1', availability: 'Away', activity: 'Away' } }],
    });
    await user.click(within(panel).getByRole('button', { name: 'Ask an expert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask an expert' });
    await user.type(within(dialog).getByLabelText('Find a colleague'), 'Kim');
    await user.click(within(dialog).getByRole('button', { name: 'Find' }));
    const kim = await within(dialog).findByRole('checkbox', { name: /Kim Osei/ });
    expect(kim.closest('label')?.textContent).toContain('Away');
  });

  it('shows why a message could not go, and tries again when asked', async () => {
    let answer: TeamsSendResult = { status: 'failed', reason: 'That colleague is not in the council’s directory.' };
    const { user, panel } = await showSentCase({ 'teams.askExpert': () => answer });
    await user.click(within(panel).getByRole('button', { name: 'Ask an expert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask an expert' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /Sam Adeyemi/ }));
    await user.type(within(dialog).getByLabelText(/What do you need to know\?/), 'Who covers this road?');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText('Not sent: That colleague is not in the council’s directory.')).toBeTruthy();
    answer = { status: 'sent', chatId: null, sentAt: '2026-11-27T10:42:00.000Z', late: false };
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findByText(`Sent ${clock('2026-11-27T10:42:00.000Z')}`)).toBeTruthy();
  });
});

describe('escalating a case', () => {
  it('offers only the services set up for escalation, and sends the reason', async () => {
    const escalated: EscalateInput[] = [];
    const { user, panel } = await showSentCase({
      'teams.escalate': (input) => {
        escalated.push(input as EscalateInput);
        return { status: 'sent', chatId: null, sentAt: '2026-11-27T10:42:00.000Z', late: false };
      },
    });
    await user.click(within(panel).getByRole('button', { name: 'Escalate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalate this case' });
    const channel = await within(dialog).findByLabelText('Service channel');
    expect(within(channel).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a service', 'Waste and recycling experts']);
    expect((channel as HTMLSelectElement).value).toBe('waste');
    await user.type(within(dialog).getByLabelText(/Why does this need escalating\?/), 'Third missed collection this month.');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(escalated).toHaveLength(1));
    expect(escalated[0]).toMatchObject({ service: 'waste', note: 'Third missed collection this month.' });
    expect(await within(panel).findByText('You escalated to waste and recycling')).toBeTruthy();
  });

  it('says plainly when Teams refused because the officer is not in the team, and keeps what they typed to try again', async () => {
    const notMember = "You are not a member of the Waste and recycling team in Teams, so CivicDesk cannot post there for you. Ask the team's owner to add you, or ask your team leader to escalate.";
    let answer: TeamsSendResult = { status: 'failed', reason: notMember };
    const { user, panel } = await showSentCase({ 'teams.escalate': () => answer });
    await user.click(within(panel).getByRole('button', { name: 'Escalate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalate this case' });
    await user.type(within(dialog).getByLabelText(/Why does this need escalating\?/), 'Third missed collection this month.');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText(`Not sent: ${notMember}`)).toBeTruthy();
    expect(within(panel).getByText('Third missed collection this month.')).toBeTruthy();
    // Once the team's owner has added them, the same words go.
    answer = { status: 'sent', chatId: null, sentAt: '2026-11-27T10:42:00.000Z', late: false };
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findByText(`Sent ${clock('2026-11-27T10:42:00.000Z')}`)).toBeTruthy();
  });
});

describe('a civicdesk://case link from a Teams message', () => {
  it('opens the case with its conversations when it is on this computer, and says so plainly when it is not', async () => {
    const submitted = await storeSentCase();
    const fake = fakeBridge(session, { 'account.status': () => signedIn, 'teams.me': () => me(), 'teams.serviceTeams': () => [wasteTeam] });
    // The link that launched CivicDesk: it arrives before the workstation is listening.
    fake.openLink({ kind: 'case', caseId: submitted.id });
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    await screen.findByRole('heading', { level: 1, name: 'Cases' });
    expect(await screen.findByRole('region', { name: 'Colleagues: Bin not collected at 12 Peckham Road' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Sent/ }).getAttribute('aria-selected')).toBe('true');

    act(() => fake.openLink({ kind: 'case', caseId: '5d1e1f5a-0000-4000-8000-000000000999' }));
    expect(await screen.findByText('That case was raised on another computer, so it is not here. Find it in Dynamics 365 by its reference.')).toBeTruthy();
  });
});
