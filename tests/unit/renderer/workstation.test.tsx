import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { fakeBridge, session } from '../support/fake-bridge';

async function renderApp(start = session) {
  const fake = fakeBridge(start);
  const i18n = await createI18n('en-GB');
  render(<App bridge={fake.bridge} i18n={i18n} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  return fake;
}

describe('the workstation frame', () => {
  it('shows the training banner, the places and the status bar', async () => {
    await renderApp();
    expect(screen.getByText(/TRAINING: synthetic residents only/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Places' });
    expect(within(nav).getAllByRole('button').map((button) => button.textContent?.replace(/Alt\+\d$/, ''))).toEqual(['Dashboard', 'Search', 'Resident', 'Call scripts', 'Cases', 'Colleagues', 'Languages', 'Appointments', 'Callbacks', 'Email']);
    const status = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(status).getByText('Training mode')).toBeTruthy();
    expect(within(status).getByText('Signed in as Amara Okafor')).toBeTruthy();
    expect(await within(status).findByText('Online')).toBeTruthy();
    expect(await screen.findByText('2,000 residents')).toBeTruthy();
  });

  it('has no training banner in live mode', async () => {
    await renderApp({ ...session, mode: 'live', user: null, trainingStaff: [] });
    expect(screen.queryByText(/TRAINING/)).toBeNull();
    expect(screen.getByText('Not signed in')).toBeTruthy();
  });

  it('moves between places with Alt+number and focuses the new heading', async () => {
    await renderApp();
    const user = userEvent.setup();
    await user.keyboard('{Alt>}2{/Alt}');
    const heading = screen.getByRole('heading', { level: 1, name: 'Search' });
    expect(document.activeElement).toBe(heading);
    await user.keyboard('{Alt>}7{/Alt}');
    expect(screen.getByRole('heading', { level: 1, name: 'Languages' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Languages/ }).getAttribute('aria-current')).toBe('page');
  });

  it('opens the shortcuts with F1 and with ?, and closes them with Escape', async () => {
    await renderApp();
    const user = userEvent.setup();
    await user.keyboard('{F1}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Go to Call scripts')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('switches to high contrast and remembers it', async () => {
    await renderApp();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'High contrast: off' }));
    expect(screen.getByRole('button', { name: 'High contrast: on' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.localStorage.getItem('civicdesk.highContrast')).toBe('true');
  });

  it('lets a trainee act as another member of staff', async () => {
    const fake = await renderApp();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Acting as'), 'staff-2');
    expect(await screen.findByText('Signed in as Tomasz Nowak')).toBeTruthy();
    expect(fake.calls).toContain('session.actAsTrainingUser');
  });

  it('opens Search with the caller details when a softphone screen-pop arrives', async () => {
    const fake = await renderApp();
    act(() => fake.openLink({ kind: 'call', callerNumber: '020 7946 0123', queue: 'Council tax', waitedSeconds: 42 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeTruthy();
    expect((await screen.findByTestId('incoming-call')).textContent).toBe("Caller's number: 020 7946 0123 · Queue: Council tax · Waited: 42 seconds");
    // The search starts from the caller's number.
    await waitFor(() => expect((screen.getByLabelText('Find a resident') as HTMLInputElement).value).toBe('020 7946 0123'));
  });

  it('stops with every bad field named when the deployment file is wrong', async () => {
    const fake = fakeBridge({ ...session, mode: 'config-error', user: null, trainingStaff: [], configSource: '/etc/civicdesk/civicdesk.config.json', configProblems: [{ field: 'tenantId', message: 'Must be the Microsoft Entra tenant id (a GUID).' }] });
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    expect(await screen.findByRole('heading', { level: 1, name: /deployment file needs fixing/ })).toBeTruthy();
    expect(screen.getByText('tenantId: Must be the Microsoft Entra tenant id (a GUID).')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
