import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../shared/contract/microsoft365';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { newCaseDraft } from '../../../renderer/cases/new-case-draft';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { directoryDatabase, readDirectory } from '../../../renderer/storage/directory-database';
import { saveSnapshot, snapshotDatabase } from '../../../renderer/storage/snapshot-database';
import { fakeBridge, residentView, session, type FakeAnswers } from '../support/fake-bridge';
import { me, myPresence, signedIn, signedOut } from './microsoft365-fixtures';

async function renderApp(answers: FakeAnswers, mode: 'training' | 'live' = 'training') {
  const fake = fakeBridge({ ...session, mode }, answers);
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  return { ...fake, user: userEvent.setup(), status: screen.getByRole('contentinfo', { name: 'Status' }) };
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

const directoryEntry: DirectoryEntry = { residentId: residentView.residentId, householdId: 'h-1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1985-12-10', addressLine: '12 Peckham Road', postcode: 'SE5 8UB', phones: ['020 7946 0999'], email: null, councilTaxReference: null, rentReference: null, vulnerable: false };

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
    // Sign in has gone from the screen: the focus is on my presence, not on the page.
    await waitFor(() => expect(document.activeElement).toBe(presence));
  });

  it('puts the focus on my presence even when the news of the sign-in arrives before its answer', async () => {
    let account: AccountStatus = signedOut;
    let answer: (status: AccountStatus) => void = () => undefined;
    const { user, status, emit } = await renderApp({
      'account.status': () => account,
      'account.signIn': () => new Promise<AccountStatus>((resolve) => (answer = resolve)),
      'teams.me': () => me(),
    });
    await user.click(await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' }));
    act(() => emit('account.changed', (account = signedIn)));
    const presence = await within(status).findByRole('button', { name: 'Your presence: Available. Change it' });
    await act(async () => answer(signedIn));
    await waitFor(() => expect(document.activeElement).toBe(presence));
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

  it('says when the sign-in is kept only for this session, in live mode', async () => {
    const keptForThisRun = { 'account.status': () => ({ ...signedIn, kept: 'this-session-only' as const, keptReason: 'This computer has no keychain.' }), 'teams.me': () => me() };
    const { status } = await renderApp(keptForThisRun, 'live');
    // Short in the bar, so it stays one line; the reason is read out with it and shown on hover.
    const kept = await within(status).findByTestId('account-kept');
    expect(kept.textContent).toBe('(this session only) This computer has no keychain.');
    expect(kept.getAttribute('title')).toBe('This computer has no keychain.');
  });

  it('shows what I am doing in as few words as Teams does, and reads out the whole of it', async () => {
    const { status } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me(myPresence({ availability: 'DoNotDisturb', activity: 'Presenting' })) });
    const presence = await within(status).findByRole('button', { name: 'Your presence: Do not disturb, presenting. Change it' });
    expect(presence.textContent).toBe('Presenting');
  });

  it('says nothing of it in training, where nothing outlives the run and the banner says so', async () => {
    const { status } = await renderApp({ 'account.status': () => ({ ...signedIn, kept: 'this-session-only', keptReason: 'In training, the sign-in service starts afresh each time CivicDesk opens.' }), 'teams.me': () => me() });
    await within(status).findByRole('button', { name: /^Your presence: / });
    expect(within(status).queryByTestId('account-kept')).toBeNull();
  });

  it('clears every resident copy on this computer when I sign out: the snapshots, the directory and its search, and the officer’s key when nothing is waiting', async () => {
    await saveSnapshot(snapshotDatabase(), 'staff-1', residentView);
    await directoryDatabase().blocks.add({ entries: [directoryEntry], removed: [] });
    await directoryDatabase().meta.put({ key: 'sync', deltaToken: 'token', updatedAt: new Date().toISOString() });
    expect(await snapshotDatabase().residentSnapshots.count()).toBe(1);
    const { user, status, calls } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me(), 'account.signOut': () => signedOut, 'directory.changes': () => { throw new Error('Sign in to search the directory.'); } });
    await user.click(await within(status).findByRole('button', { name: 'Sign out' }));
    const signIn = await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' });
    // The focus goes to Sign in, not to the page, once it is there.
    await waitFor(() => expect(document.activeElement).toBe(signIn));
    await waitFor(async () => expect(await snapshotDatabase().residentSnapshots.count()).toBe(0));
    expect(await readDirectory(directoryDatabase())).toEqual([]);
    expect(calls).toContain('account.signOut');
    expect(calls).toContain('storage.forgetDataKey');
  });

  it('keeps the officer’s unsent work, sealed, when they sign out with a case still waiting', async () => {
    await caseDatabase().caseDrafts.put({ ...newCaseDraft({ staffId: 'staff-1', residentId: null, residentName: null }), summary: 'Typed before signing out' });
    const { user, status, calls } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me(), 'account.signOut': () => signedOut });
    await user.click(await within(status).findByRole('button', { name: 'Sign out' }));
    await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' });
    await waitFor(() => expect(calls).toContain('account.signOut'));
    expect(calls).not.toContain('storage.forgetDataKey');
    expect((await caseDatabase().caseDrafts.toArray()).map((draft) => draft.summary)).toEqual(['Typed before signing out']);
  });

  it('clears them too when the sign-in ends elsewhere', async () => {
    const { emit, status } = await renderApp({ 'account.status': () => signedIn, 'teams.me': () => me() });
    await within(status).findByRole('button', { name: 'Sign out' });
    await saveSnapshot(snapshotDatabase(), 'staff-1', residentView);
    act(() => emit('account.changed', signedOut));
    const focused = document.activeElement;
    const signIn = await within(status).findByRole('button', { name: 'Sign in to Microsoft 365' });
    // Ended elsewhere, nobody asked here: the focus stays where the officer left it.
    expect(document.activeElement).toBe(focused);
    expect(document.activeElement).not.toBe(signIn);
    await waitFor(async () => expect(await snapshotDatabase().residentSnapshots.count()).toBe(0));
  });
});
