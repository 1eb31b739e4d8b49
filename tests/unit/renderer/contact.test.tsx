import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ResidentView } from '../../../shared/contract/residents';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ContactHeader } from '../../../renderer/contact/ContactHeader';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { NavigationProvider } from '../../../renderer/navigation/navigation-context';
import { ResidentPlace } from '../../../renderer/residents/ResidentPlace';
import { ScriptsPlace } from '../../../renderer/scripts/ScriptsPlace';
import { SessionProvider } from '../../../renderer/session/session-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { SyncProvider } from '../../../renderer/sync/sync-context';
import { fakeBridge, maskedResidentView, residentView, session } from '../support/fake-bridge';

const memberId = '5b6c7d8e-9f00-4c2a-8e6f-0b1c2d3e4f5a';
/** Ada's daughter, on the same household. */
const member: ResidentView = { ...maskedResidentView, accessId: 'access-2', residentId: memberId, name: 'Grace Lovelace' };
const ada: ResidentView = { ...residentView, record: { ...(residentView.record as NonNullable<ResidentView['record']>), householdMembers: [{ residentId: memberId, name: 'Grace Lovelace', age: 19, relationship: 'daughter' }] } };

/** A call comes in and Ada is opened for it, as a screen-pop would. */
function Harness({ start }: { start: 'resident' | 'scripts' }) {
  const contact = useContact();
  const [show, setShow] = useState(start);
  return (
    <>
      <button type="button" onClick={() => void contact.startCall({ kind: 'call', callerNumber: '020 7946 0999', queue: 'Waste and recycling', waitedSeconds: 12 })}>
        ring
      </button>
      <button type="button" onClick={() => void contact.openResident(residentView.residentId, 'call')}>
        open Ada
      </button>
      <button type="button" onClick={() => setShow(show === 'resident' ? 'scripts' : 'resident')}>
        another place
      </button>
      <ContactHeader />
      {show === 'resident' ? <ResidentPlace /> : <ScriptsPlace agentName="Amara Okafor" />}
    </>
  );
}

async function renderCall(show: 'resident' | 'scripts') {
  const fake = fakeBridge(session, {
    'residents.open': (input) => ((input as { residentId: string }).residentId === memberId ? member : maskedResidentView),
    'residents.checkIdentity': () => ({ results: [], view: ada }),
  });
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <NavigationProvider>
            <SyncProvider staffId={session.user?.id ?? null}>
              <ContactProvider staffId={session.user?.id ?? null}>
                <Harness start={show} />
              </ContactProvider>
            </SyncProvider>
          </NavigationProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'ring' }));
  await screen.findByText('On a call with 020 7946 0999');
  return { user, fake };
}

describe('the contact in hand', () => {
  it('asks whether a call is now about a household member opened during it, and records both', async () => {
    const { user } = await renderCall('resident');
    await user.click(screen.getByRole('button', { name: 'open Ada' }));
    await user.click(await screen.findByRole('button', { name: 'Check answers' }));
    expect(await screen.findByText('Identity checked: passed', { selector: '[data-testid="identity-status"]' })).toBeTruthy();

    // Ada's daughter, from the household: the call is about Ada until the officer says otherwise.
    await user.click(screen.getByRole('button', { name: 'Open Grace Lovelace’s record' }));
    const question = await screen.findByTestId('about-who');
    expect(question.textContent).toMatch(/^This call is about Ada Lovelace\. Is it now about Grace Lovelace\? Both are recorded on the call\./);
    expect(document.activeElement).toBe(question);
    expect(screen.getByTestId('resident-name').textContent).toBe('Grace Lovelace');
    expect(within(screen.getByTestId('call-panel')).getByTestId('header-name').textContent).toBe('Ada Lovelace');

    await user.click(within(question).getByRole('button', { name: 'Yes, the call is now about Grace Lovelace' }));
    await waitFor(() => expect(within(screen.getByTestId('call-panel')).getByTestId('header-name').textContent).toBe('Grace Lovelace'));
    expect(document.activeElement).toBe(screen.getByTestId('resident-name'));
    // Grace has her own identity check: Ada's does not pass for her.
    expect(within(screen.getByTestId('call-panel')).getByTestId('header-identity').textContent).toBe('Identity not checked yet');
    await waitFor(async () => {
      const [call] = await caseDatabase().interactions.toArray();
      expect(call).toMatchObject({ residentId: memberId, residentIds: [residentView.residentId, memberId] });
    });
  });

  it('offers the call’s queue’s scripts first, and picks a script up where it was left', async () => {
    const { user } = await renderCall('scripts');
    const suggested = await screen.findByTestId('scripts-suggested');
    expect(within(suggested).getByRole('button', { name: /Missed bin \(test\)/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'For the Waste and recycling queue' })).toBeTruthy();
    // Enter in the empty box starts the first suggested script.
    await user.type(screen.getByLabelText('Search call scripts'), '{Enter}');
    await screen.findByRole('heading', { level: 2, name: 'Missed bin (test)' });
    expect(screen.getByTestId('runner-progress').textContent).toBe('Step 1 of about 2');
    await user.keyboard('2{Enter}');
    await screen.findByText('Was it out by 6am?');
    expect(screen.getByTestId('runner-progress').textContent).toBe('Step 2 of about 2');
    // To another place and back: the script is where it was, its answer kept.
    await user.click(screen.getByRole('button', { name: 'another place' }));
    expect(screen.queryByText('Was it out by 6am?')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'another place' }));
    expect(await screen.findByText('Was it out by 6am?')).toBeTruthy();
    expect(screen.getByTestId('runner-progress').textContent).toBe('Step 2 of about 2');
    await user.keyboard('1{Enter}');
    expect(await screen.findByTestId('outcome-case')).toBeTruthy();
    expect(within(screen.getByTestId('outcome-case')).getByText('Missed Recycling bin')).toBeTruthy();
  });
});
