import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AgentStateChange, TeamsPresenceResult } from '../../../shared/contract/agent-state';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { holdSends } from '../../../renderer/sync/screen-pop-quiet';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';

async function renderApp(answers: FakeAnswers = {}) {
  const reflected: string[] = [];
  const recorded: AgentStateChange[] = [];
  const fake = fakeBridge(session, {
    'agentState.reflect': (input) => {
      reflected.push((input as { state: string }).state);
      return { teams: 'not-signed-in' } satisfies TeamsPresenceResult;
    },
    'agentState.record': (input) => {
      const { changes } = input as { changes: AgentStateChange[] };
      recorded.push(...changes);
      return { recorded: changes.map((change) => change.id) };
    },
    ...answers,
  });
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const status = screen.getByRole('contentinfo', { name: 'Status' });
  return { ...fake, reflected, recorded, user: userEvent.setup(), status };
}

describe('the officer’s state in the status bar', () => {
  it('starts available, is recorded, and says honestly that Teams is not told without a Microsoft 365 sign-in', async () => {
    const { status, recorded, reflected } = await renderApp();
    // In the button's name only: signed out, the bar's own sign-in button already says so, and the bar stays one line.
    const button = await within(status).findByRole('button', { name: /^Your state: Available since \d\d:\d\d \(Not shown in Teams: you are not signed in to Microsoft 365\)\. Change it$/ });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(within(status).queryByTestId('agent-state-teams')).toBeNull();
    await waitFor(() => expect(recorded.map((each) => [each.state, each.previous, each.cause, each.staffId])).toEqual([['available', null, 'work', session.user?.id]]));
    expect(reflected).toContain('available');
    // Sent and recorded: nothing left waiting on this computer.
    await waitFor(async () => expect(await caseDatabase().agentStates.count()).toBe(0));
  });

  it('is chosen by keyboard alone, and the focus comes back to the button', async () => {
    const { status, user, recorded, reflected } = await renderApp();
    const button = await within(status).findByRole('button', { name: /^Your state: Available/ });
    button.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Choose your state' });
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => [item.textContent, item.getAttribute('aria-checked')])).toEqual([
      ['Available', 'true'],
      ['On a break', 'false'],
      ['In training', 'false'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    const changed = await within(status).findByRole('button', { name: /^Your state: On a break since \d\d:\d\d[ .]/ });
    await waitFor(() => expect(document.activeElement).toBe(changed));
    await waitFor(() => expect(recorded.map((each) => [each.state, each.previous, each.cause])).toEqual([
      ['available', null, 'work'],
      ['on-a-break', 'available', 'chosen'],
    ]));
    expect(reflected.at(-1)).toBe('on-a-break');

    // Escape closes the menu without a change, and the focus comes back too.
    await user.keyboard('{Enter}');
    await screen.findByRole('menu');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(changed));
    expect(recorded).toHaveLength(2);
  });

  it('shows that Teams was updated when it was', async () => {
    const { status } = await renderApp({ 'agentState.reflect': () => ({ teams: 'updated', availability: 'Available', activity: 'Available' }) satisfies TeamsPresenceResult });
    expect(await within(status).findByRole('button', { name: /^Your state: Available since \d\d:\d\d \(Shown in Teams\)\. Change it$/ })).toBeTruthy();
    expect(within(status).queryByTestId('agent-state-teams')).toBeNull();
  });

  it('says on the bar when Teams could not be told, and why', async () => {
    const { status } = await renderApp({ 'agentState.reflect': () => ({ teams: 'not-updated', reason: 'Microsoft 365 is busy just now.' }) satisfies TeamsPresenceResult });
    expect((await within(status).findByTestId('agent-state-teams')).textContent).toBe('Not shown in Teams: Microsoft 365 is busy just now.');
  });

  it('a change that cannot be recorded now waits on this computer for the next send', async () => {
    const { status, user } = await renderApp({
      'agentState.record': () => {
        throw new Error('CivicDesk cannot reach the council’s system.');
      },
    });
    await user.click(await within(status).findByRole('button', { name: /^Your state: Available/ }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'In training' }));
    await waitFor(async () => expect((await caseDatabase().agentStates.toArray()).map((each) => each.state).sort()).toEqual(['available', 'in-training']));
  });

  it('while a caller’s record is opening, a change shows at once and is sent once it is drawn', async () => {
    const { status, user, recorded, reflected } = await renderApp();
    await waitFor(() => expect(recorded.map((each) => each.state)).toEqual(['available']));
    // Held until released: a hold's own two-second end is not what this is about, and a slow
    // machine could reach it before the checks below.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const popping = holdSends();
    vi.useRealTimers();
    try {
      await user.click(await within(status).findByRole('button', { name: /^Your state: Available/ }));
      await user.click(await screen.findByRole('menuitemradio', { name: 'On a break' }));
      await within(status).findByRole('button', { name: /^Your state: On a break since/ });
      // Kept on this computer, not yet sent to the back office or Teams: main is reading the caller's record.
      await waitFor(async () => expect((await caseDatabase().agentStates.toArray()).map((each) => each.state)).toEqual(['on-a-break']));
      expect(recorded.map((each) => each.state)).toEqual(['available']);
      expect(reflected).not.toContain('on-a-break');
    } finally {
      popping();
    }
    await waitFor(() => expect(recorded.map((each) => each.state)).toEqual(['available', 'on-a-break']));
    expect(reflected.at(-1)).toBe('on-a-break');
  });

  it('follows a call, and cannot be set to available over it', async () => {
    const { status, user, recorded } = await renderApp();
    await within(status).findByRole('button', { name: /^Your state: Available/ });
    await user.keyboard('{Alt>}2{/Alt}');
    await user.click(screen.getByRole('button', { name: 'Simulate an incoming call' }));
    await screen.findByText('On a call with 020 7946 0999');
    const button = await within(status).findByRole('button', { name: /^Your state: On a call since/ });
    await user.click(button);
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('The call or visit in hand sets your state until its wrap-up is saved.')).toBeTruthy();
    for (const item of within(menu).getAllByRole('menuitemradio')) expect(item.getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(recorded.map((each) => [each.state, each.cause])).toEqual([
      ['available', 'work'],
      ['on-a-call', 'work'],
    ]));
  });

  it('a break stays a break over a reload, and is not recorded again', async () => {
    const first = await renderApp();
    await first.user.click(await within(first.status).findByRole('button', { name: /^Your state: Available/ }));
    await first.user.click(await screen.findByRole('menuitemradio', { name: 'On a break' }));
    const since = (await within(first.status).findByRole('button', { name: /^Your state: On a break since/ })).getAttribute('aria-label');
    await waitFor(() => expect(first.recorded.map((each) => each.state)).toEqual(['available', 'on-a-break']));
    cleanup();

    // The page drawn afresh (a reload, or the computer changing hands and back).
    const again = await renderApp();
    const button = await within(again.status).findByRole('button', { name: /^Your state: On a break since/ });
    expect(button.getAttribute('aria-label')?.slice(0, 40)).toBe(since?.slice(0, 40));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(again.recorded).toEqual([]);
  });
});
