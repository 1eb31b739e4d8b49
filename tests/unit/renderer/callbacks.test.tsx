import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Callback } from '../../../shared/domain/callback';
import type { Resident360 } from '../../../shared/domain/resident-360';
import { londonWallTime } from '../../../shared/london-time';
import { App } from '../../../renderer/app/App';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { PromiseCallbackDialog } from '../../../renderer/callbacks/PromiseCallbackDialog';
import { createCallbackSender } from '../../../renderer/callbacks/callback-outbox';
import { createI18n } from '../../../renderer/i18n/i18n';
import { SessionProvider } from '../../../renderer/session/session-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, residentView, session, type FakeAnswers } from '../support/fake-bridge';

const ada = residentView.record as Resident360;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function showPromise(answers: FakeAnswers = {}) {
  const fake = fakeBridge(session, answers);
  const onClose = vi.fn();
  const onConfirm = vi.fn();
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <PromiseCallbackDialog record={ada} interactionId={null} onClose={onClose} onConfirm={onConfirm} />
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Promise Ada Lovelace a call back' });
  return { ...fake, dialog, onClose, onConfirm, user: userEvent.setup() };
}

const callback = (overrides: Partial<Callback>): Callback => ({
  id: '5b0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  residentId: residentView.residentId,
  residentName: 'Ada Lovelace',
  number: '02079460000',
  reason: 'Council tax instalments',
  from: new Date(Date.now() - 60_000).toISOString(),
  to: new Date(Date.now() + 3_600_000).toISOString(),
  forWhom: 'me',
  ownerName: 'Sam Agent',
  status: 'open',
  attempts: 0,
  doneAt: null,
  ...overrides,
});

describe('promising a call back', () => {
  it('refuses a promise with no reason, says what to do, keeps what was typed, and puts the focus on it', async () => {
    const { dialog, user, onClose } = await showPromise();
    const number = within(dialog).getByLabelText('Number to call');
    await user.clear(number);
    await user.type(number, '020 7946 0000');
    await user.click(within(dialog).getByRole('button', { name: 'Promise the call back' }));
    const reason = within(dialog).getByLabelText('What it is about');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect((number as HTMLInputElement).value).toBe('020 7946 0000');
    expect(onClose).not.toHaveBeenCalled();
    expect(await caseDatabase().callbacks.count()).toBe(0);
  });

  it('writes the promise to this computer first, on London’s clock, and the sender hands it to the council’s system once', async () => {
    const promised: unknown[] = [];
    const { dialog, user, onClose, bridge } = await showPromise({
      'callbacks.promise': (input) => {
        promised.push(input);
        return { status: 'promised', callback: callback({}) };
      },
    });
    await user.type(within(dialog).getByLabelText('What it is about'), 'Council tax instalments');
    const day = within(dialog).getByLabelText('Day');
    await user.clear(day);
    await user.type(day, tomorrow);
    const from = within(dialog).getByLabelText('From (time)');
    await user.clear(from);
    await user.type(from, '10:00');
    const to = within(dialog).getByLabelText('Until (time)');
    await user.clear(to);
    await user.type(to, '11:30');
    await user.click(within(dialog).getByLabelText('Anyone in the contact centre (the queue)'));
    await user.click(within(dialog).getByRole('button', { name: 'Promise the call back' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // The dialog's own sender is not mounted here: the promise waits on this computer.
    const [kept] = await caseDatabase().callbacks.toArray();
    expect(kept).toMatchObject({ residentId: ada.resident.id, reason: 'Council tax instalments', forWhom: 'queue', state: 'waiting', from: londonWallTime(tomorrow, 10).toISOString(), to: londonWallTime(tomorrow, 11, 30).toISOString(), staffId: session.user?.id });

    const send = createCallbackSender(caseDatabase(), bridge, () => session.user?.id ?? null);
    await send();
    await send();
    expect(promised).toHaveLength(1);
    expect(promised[0]).toMatchObject({ callbackId: kept?.id, residentId: ada.resident.id, forWhom: 'queue', from: kept?.from, to: kept?.to });
    expect(await caseDatabase().callbacks.count()).toBe(0);
  });

  it('a promise the council’s system cannot take now waits, and goes when it can', async () => {
    let reachable = false;
    const fake = fakeBridge(session, {
      'callbacks.promise': () => (reachable ? { status: 'promised', callback: callback({}) } : { status: 'retry', reason: 'The council’s system cannot be reached.' }),
    });
    const db = caseDatabase();
    await db.callbacks.add({ id: '6c1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a', staffId: session.user?.id ?? '', residentId: ada.resident.id, residentName: 'Ada Lovelace', interactionId: null, number: '02079460000', reason: 'Rent', from: londonWallTime(tomorrow, 9).toISOString(), to: londonWallTime(tomorrow, 10).toISOString(), forWhom: 'me', writtenAt: new Date().toISOString(), state: 'waiting', failure: null });
    const send = createCallbackSender(db, fake.bridge, () => session.user?.id ?? null);
    await send();
    expect(await db.callbacks.get('6c1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a')).toMatchObject({ state: 'waiting', failure: 'The council’s system cannot be reached.' });
    reachable = true;
    await send();
    expect(await db.callbacks.count()).toBe(0);
  });
});

describe('the Callbacks place and the reminder', () => {
  it('lists call backs by when they are due, reminds the officer of one due now, and calling back starts an outgoing call with the resident', async () => {
    const due = callback({});
    const later = callback({ id: '7d2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b', reason: 'Parking permit', from: new Date(Date.now() + 2 * 86_400_000).toISOString(), to: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), forWhom: 'queue', ownerName: 'Priya Lead' });
    const fake = fakeBridge(session, { 'callbacks.list': () => ({ callbacks: [due, later] }) });
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const user = userEvent.setup();

    // The reminder, wherever the officer is, without taking the focus.
    const reminder = await screen.findByTestId('callback-reminder');
    expect(reminder.getAttribute('role')).toBe('alert');
    expect(reminder.textContent).toContain('Call back due now: Ada Lovelace on 02079460000 about Council tax instalments');
    expect(reminder.contains(document.activeElement)).toBe(false);

    await user.click(within(screen.getByRole('navigation', { name: 'Places' })).getByRole('button', { name: /Callbacks/ }));
    await screen.findByRole('heading', { level: 1, name: 'Callbacks' });
    const dueNow = await screen.findByRole('region', { name: 'Due now (1)' });
    expect(within(dueNow).getByTestId('callback').textContent).toContain('Council tax instalments');
    const laterOn = screen.getByRole('region', { name: 'Later (1)' });
    expect(within(laterOn).getByTestId('callback').textContent).toContain('For the queue, promised by Priya Lead');
    expect(screen.getByRole('region', { name: 'Overdue (0)' })).toBeTruthy();

    await user.click(within(dueNow).getByRole('button', { name: 'Call back Ada Lovelace now' }));
    await screen.findByRole('heading', { level: 1, name: 'Resident' });
    const [call] = await caseDatabase().interactions.toArray();
    expect(call).toMatchObject({ channel: 'phone', callbackId: due.id, callerNumber: '02079460000', residentId: residentView.residentId, status: 'in-progress' });
    // Started from the place: the reminder for it has gone.
    await waitFor(() => expect(screen.queryByTestId('callback-reminder')).toBeNull());
  });

  it('a call back done another way is marked done: it moves to Done, focus goes there, and a refusal is said', async () => {
    const due = callback({});
    let refuse = true;
    const fake = fakeBridge(session, {
      'callbacks.list': () => ({ callbacks: [due] }),
      'callbacks.done': () => {
        if (refuse) throw new Error('That call back is not in the council’s system. Look at the Callbacks place again.');
        return { callback: { ...due, status: 'done' } };
      },
    });
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('navigation', { name: 'Places' })).getByRole('button', { name: /Callbacks/ }));
    const dueNow = await screen.findByRole('region', { name: 'Due now (1)' });
    const doneAlready = within(dueNow).getByRole('button', { name: /Call back to Ada Lovelace done already/ });

    await user.click(doneAlready);
    await waitFor(() => expect(screen.getAllByRole('alert').some((each) => each.textContent?.includes('Look at the Callbacks place again'))).toBe(true));
    expect(screen.getByRole('region', { name: 'Due now (1)' })).toBeTruthy();

    refuse = false;
    await user.click(doneAlready);
    const done = await screen.findByRole('region', { name: 'Done in the last day (1)' });
    expect(within(done).getByTestId('callback').textContent).toContain('Council tax instalments');
    expect(screen.getByRole('region', { name: 'Due now (0)' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Done in the last day (1)');
    expect(fake.calls.filter((name) => name === 'callbacks.done')).toHaveLength(2);
  });
});
