import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { AccountProvider } from '../../../renderer/account/account-context';
import { AgentStateProvider, useAgentStateIfAny } from '../../../renderer/agent-state/agent-state-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ContactHeader } from '../../../renderer/contact/ContactHeader';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { NavigationProvider, useNavigation } from '../../../renderer/navigation/navigation-context';
import { SessionProvider } from '../../../renderer/session/session-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { prepareContact } from '../../../renderer/sync/contact-payload';
import { SyncProvider } from '../../../renderer/sync/sync-context';
import { fakeBridge, residentView, session } from '../support/fake-bridge';

const EMAIL = { emailId: 'AAMkAGI2TG93AAA=', from: 'ada@example.com', subject: 'My bin was missed again', receivedAt: '2026-12-04T08:40:00Z' };

/** What the Email place does when an officer takes an email, and what a call does, side by side. */
function Harness() {
  const contact = useContact();
  const navigation = useNavigation();
  const state = useAgentStateIfAny()?.now.state ?? null;
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => void contact.startCall({ kind: 'call', callerNumber: '020 7946 0999', queue: 'Waste and recycling', waitedSeconds: 12 })}>
        ring
      </button>
      <button type="button" onClick={() => void contact.startEmail({ ...EMAIL, residentId: residentView.residentId }).catch((error: Error) => setRefused(error.message))}>
        take the email
      </button>
      <button type="button" onClick={() => void contact.endCall()}>
        end
      </button>
      <p data-testid="state">{state}</p>
      <p data-testid="place">{navigation?.place}</p>
      <p data-testid="refused">{refused}</p>
      <ContactHeader />
    </>
  );
}

async function renderWorkstation() {
  const opened: unknown[] = [];
  const fake = fakeBridge(session, {
    'residents.open': (input) => {
      opened.push(input);
      return residentView;
    },
  });
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <NavigationProvider>
            <SyncProvider staffId={session.user?.id ?? null}>
              <ContactProvider staffId={session.user?.id ?? null}>
                <AccountProvider>
                  <AgentStateProvider staffId={session.user?.id ?? null}>
                    <Harness />
                  </AgentStateProvider>
                </AccountProvider>
              </ContactProvider>
            </SyncProvider>
          </NavigationProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('available'));
  return { user: userEvent.setup(), opened };
}

describe('an email from the contact mailbox as the contact in hand', () => {
  it('is written to IndexedDB as it is taken, attaches its resident without leaving the place, is handling an email, and wraps up in its own words', async () => {
    const { user, opened } = await renderWorkstation();
    const place = screen.getByTestId('place').textContent;
    await user.click(screen.getByRole('button', { name: 'take the email' }));

    await screen.findByText('Email from ada@example.com: My bin was missed again');
    const [kept] = await caseDatabase().interactions.toArray();
    expect(kept).toMatchObject({
      channel: 'email',
      emailId: EMAIL.emailId,
      emailFrom: 'ada@example.com',
      emailSubject: 'My bin was missed again',
      emailReceivedAt: '2026-12-04T08:40:00.000Z',
      callerNumber: null,
      waitedSeconds: null,
      residentId: residentView.residentId,
      status: 'in-progress',
      staffId: session.user?.id,
    });
    // Queued to go to the council's system, as a call is.
    expect(await caseDatabase().outbox.get(kept?.id ?? '')).toMatchObject({ kind: 'contact' });
    // It goes naming its message, offered when the mailbox received it, with no queue wait.
    expect(await prepareContact(caseDatabase(), kept?.id ?? '', session.user?.id ?? null)).toMatchObject({
      kind: 'ready',
      payload: { channel: 'email', emailId: EMAIL.emailId, emailFrom: 'ada@example.com', emailSubject: 'My bin was missed again', offeredAt: '2026-12-04T08:40:00.000Z', waitedSeconds: null, callerNumber: null, state: 'in-progress' },
    });
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('handling-an-email'));
    // The resident is opened for it, on the record as an email, and the email is about them; the place on screen stays.
    await waitFor(() => expect(opened).toEqual([{ residentId: residentView.residentId, reason: 'email' }]));
    await waitFor(() => expect(within(screen.getByTestId('call-panel')).getByTestId('header-name').textContent).toBe(residentView.name));
    expect(screen.getByTestId('place').textContent).toBe(place);
    // An email is ended where it is answered: the header offers no "End call" for it.
    expect(within(screen.getByTestId('call-panel')).queryByRole('button', { name: /End call/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'end' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wrap up this email' });
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('wrap-up'));
    expect(within(dialog).getByText('Taken at')).toBeTruthy();
    expect(within(dialog).getByText('After-email work so far')).toBeTruthy();
    expect(within(dialog).getByLabelText('Outcome of the email')).toBeTruthy();
    expect(within(dialog).getByText('Wrap-up must be saved before the next email or call.')).toBeTruthy();
    expect(within(dialog).queryByText(/call\b/i, { selector: 'h2, label, dt' })).toBeNull();
    expect(await caseDatabase().interactions.get(kept?.id ?? '')).toMatchObject({ status: 'wrap-up' });
  });

  it('is refused while a call is in hand, with a reason saying to finish it first, and nothing is written', async () => {
    const { user } = await renderWorkstation();
    await user.click(screen.getByRole('button', { name: 'ring' }));
    await screen.findByText('On a call with 020 7946 0999');
    await user.click(screen.getByRole('button', { name: 'take the email' }));
    await waitFor(() => expect(screen.getByTestId('refused').textContent).toBe('Finish the contact in hand (its wrap-up) before taking an email.'));
    const kept = await caseDatabase().interactions.toArray();
    expect(kept.map((each) => each.channel)).toEqual(['phone']);
    expect(screen.getByTestId('state').textContent).toBe('on-a-call');
  });
});
