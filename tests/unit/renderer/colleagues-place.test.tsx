import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColleagueWithPresence } from '../../../shared/contract/microsoft365';
import { App } from '../../../renderer/app/App';
import { TEAM_PRESENCE_INTERVAL_MS } from '../../../renderer/colleagues/ColleaguesPlace';
import { createI18n } from '../../../renderer/i18n/i18n';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';
import { me, parkingTeam, sam, signedIn, signedOut, wasteTeam } from './microsoft365-fixtures';
import { placeOpened } from '../support/place-opened';

async function showColleagues(answers: FakeAnswers) {
  const fake = fakeBridge(session, answers);
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const user = userEvent.setup();
  await user.keyboard('{Alt>}6{/Alt}');
  await placeOpened('Colleagues');
  return { ...fake, user };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the Colleagues place', () => {
  it('explains and offers sign-in when signed out', async () => {
    await showColleagues({ 'account.status': () => signedOut });
    const main = screen.getByRole('main');
    expect(within(main).getByText(/Sign in to Microsoft 365 to see which colleagues are free/)).toBeTruthy();
    expect(within(main).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeTruthy();
  });

  it("shows a team's presence as a dot and words, and refreshes it every 30 seconds", async () => {
    // Only the intervals are faked: Dexie, React and user-event keep their real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let members: ColleagueWithPresence[] = [sam('Available')];
    const asked: unknown[] = [];
    const { user } = await showColleagues({
      'account.status': () => signedIn,
      'teams.me': () => me(),
      'teams.serviceTeams': () => [wasteTeam, parkingTeam],
      'teams.teamPresence': (input) => {
        asked.push(input);
        return members;
      },
    });
    await user.selectOptions(await screen.findByLabelText('Service team'), 'team-waste');
    const list = await screen.findByRole('list', { name: 'Members of Waste and recycling experts' });
    expect(within(list).getByText('Sam Adeyemi')).toBeTruthy();
    expect(within(list).getByText('Available')).toBeTruthy();
    expect(list.querySelector('[data-availability="Available"]')?.getAttribute('aria-hidden')).toBe('true');

    members = [sam('Busy', 'InACall')];
    act(() => vi.advanceTimersByTime(TEAM_PRESENCE_INTERVAL_MS));
    expect(await within(list).findByText('Busy, in a call')).toBeTruthy();
    expect(asked).toEqual([{ teamId: 'team-waste' }, { teamId: 'team-waste' }]);
  });

  it('finds colleagues by name, after at least 2 letters', async () => {
    const { user } = await showColleagues({
      'account.status': () => signedIn,
      'teams.me': () => me(),
      'teams.searchPeople': () => [{ id: 'kim-1', displayName: 'Kim Osei', jobTitle: 'Housing officer', department: 'Housing', mail: null, presence: { userId: 'kim-1', availability: 'Away', activity: 'Away' } }],
    });
    await user.type(screen.getByLabelText('Find a colleague'), 'K');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    expect(screen.getByText('Type at least 2 letters.')).toBeTruthy();
    await user.type(screen.getByLabelText('Find a colleague'), 'im');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    const results = await screen.findByRole('list', { name: 'People found' });
    expect(within(results).getByText('Kim Osei')).toBeTruthy();
    expect(within(results).getByText('Away')).toBeTruthy();
  });
});
