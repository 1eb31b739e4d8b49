import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../shared/contract/microsoft365';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { saveSnapshot, snapshotDatabase } from '../../../renderer/storage/snapshot-database';
import { fakeBridge, residentView, session, type FakeAnswers } from '../support/fake-bridge';
import { me, myPresence, signedIn, signedOut } from './microsoft365-fixtures';

async function renderApp(answers: FakeAnswers) {
  const fake = fakeBridge(session, answers);
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  return { ...fake, user: userEvent.setup(), status: screen.getByRole('contentinfo', { name: 'Status' }) };
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

describe('the Microsoft 365 sign-in in the status bar', () => {
  it('signs in and shows my presence as a dot and in words', async () => {
    let account: AccountStatus = signedOut;
    const { user, status } = await renderApp({
      'account.status': () => account,
      'account.signIn': () => (account = signedIn),
      'teams.me': () => me(),
    });
    await user.click(await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' }));
    const presence = await within(status).findByRole('button', { name: 'Your presence: Available. Change it' });
    expect(presence.textContent).toBe('Available');
    expect(within(status).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows why sign-in failed and keeps the button', async () => {
    const { user, status } = await renderApp({
      'account.status': () => signedOut,
      'account.signIn': () => {
        throw new Error('Sign-in was cancelled in the browser. Try again.');
      },
    });
    await user.click(await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' }));
    expect(await within(status).findByText('Sign-in was cancelled in the browser. Try again.')).toBeTruthy();
    expect(within(status).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeTruthy();
  });

  it('sets my presence for as long as I choose', async () => {
    const until = '2026-11-27T14:30:00.000Z';
    const asked: unknown[] = [];
    const { user, status } = await renderApp({
      'account.status': () => signedIn,
      'teams.me': () => me(),
      'teams.setMyPresence': (input) => {
        asked.push(input);
        return myPresence({ availability: 'DoNotDisturb', activity: 'DoNotDisturb', preferredUntil: until });
      },
    });
    await user.click(await within(status).findByRole('button', { name: /^Your presence: Available/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Set your presence' });
    await user.click(within(dialog).getByRole('radio', { name: 'Do not disturb' }));
    await user.click(within(dialog).getByRole('radio', { name: '2 hours' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set' }));
    expect(asked).toEqual([{ availability: 'DoNotDisturb', forMinutes: 120 }]);
    expect(await within(status).findByText(`Do not disturb until ${clock(until)}`)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when the sign-in is kept only for this session', async () => {
    const { status } = await renderApp({ 'account.status': () => ({ ...signedIn, kept: 'this-session-only', keptReason: 'This computer has no keychain.' }), 'teams.me': () => me() });
    // Short in the bar, so it stays one line; the reason is read out with it and shown on hover.
    const kept = await within(status).findByTestId('account-kept');
    expect(kept.textContent).toBe('(this session only) This computer has no keychain.');
    expect(kept.getAttribute('title')).toBe('This computer has no keychain.');
  });

  it('clears every resident copy on this computer when I sign out', async () => {
    const db = snapshotDatabase();
    await saveSnapshot(db, 'staff-1', residentView);
    expect(await db.residentSnapshots.count()).toBe(1);
    const { user, status, calls } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me(), 'account.signOut': () => signedOut });
    await user.click(await within(status).findByRole('button', { name: 'Sign out' }));
    const signIn = await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' });
    // The focus goes to Sign in, not to the page, once it is there.
    await waitFor(() => expect(document.activeElement).toBe(signIn));
    expect(await db.residentSnapshots.count()).toBe(0);
    expect(calls).toContain('account.signOut');
  });

  it('clears them too when the sign-in ends elsewhere', async () => {
    const { emit, status } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me() });
    await within(status).findByRole('button', { name: 'Sign out' });
    const db = snapshotDatabase();
    await saveSnapshot(db, 'staff-1', residentView);
    act(() => emit('account.changed', signedOut));
    const focused = document.activeElement;
    const signIn = await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' });
    // Ended elsewhere, nobody asked here: the focus stays where the officer left it.
    expect(document.activeElement).toBe(focused);
    expect(document.activeElement).not.toBe(signIn);
    await waitFor(async () => expect(await db.residentSnapshots.count()).toBe(0));
  });
});
