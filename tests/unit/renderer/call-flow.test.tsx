import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { isoDateInLondon, shippedHolidays } from '../../../shared/service-standards';
import { isWorkingDay } from '../../../shared/service-standards/working-days';
import { createI18n } from '../../../renderer/i18n/i18n';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge } from '../support/fake-bridge';

async function startCall() {
  const fake = fakeBridge();
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const user = userEvent.setup();
  await user.keyboard('{Alt>}2{/Alt}');
  await user.click(screen.getByRole('button', { name: 'Simulate an incoming call' }));
  await screen.findByText('On a call with 020 7946 0999');
  return { user, fake };
}

async function runMissedBin(user: ReturnType<typeof userEvent.setup>, outAnswer: '1' | '2') {
  await user.keyboard('{Alt>}4{/Alt}');
  await user.type(await screen.findByLabelText('Search call scripts'), 'missed{Enter}');
  await screen.findByRole('heading', { level: 2, name: 'Missed bin (test)' });
  expect(screen.getByTestId('runner-standard').textContent).toMatch(/^If a case is raised, tell the resident: Missed bin collection, due \w+day \d+ \w+ \d{4}\.$/);
  await user.click(screen.getByText('Which bin was missed?'));
  await user.keyboard('1{Enter}');
  await screen.findByText('Was it out by 6am?');
  await user.keyboard(`${outAnswer}{Enter}`);
}

describe('a call with a script and wrap-up', () => {
  it('runs a script by keyboard to a case draft saved in IndexedDB, with its due date', async () => {
    const { user } = await startCall();
    await runMissedBin(user, '1');
    const outcome = await screen.findByTestId('outcome-case');
    expect(within(outcome).getByText('Missed Rubbish bin')).toBeTruthy();
    const due = within(outcome).getByTestId('case-due').textContent;
    const drafts = await caseDatabase().caseDrafts.toArray();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ category: 'missed-bin', serviceStandard: 'missed-bin', summary: 'Missed Rubbish bin', fields: [{ name: 'bin', answer: 'Rubbish' }, { name: 'out', answer: 'yes' }] });
    expect(due).toMatch(new RegExp(String(Number(drafts[0]?.dueOn.slice(8)))));
  });

  it('goes back with Backspace, taking the draft away again', async () => {
    const { user } = await startCall();
    await runMissedBin(user, '1');
    await screen.findByTestId('outcome-case');
    await waitFor(async () => expect(await caseDatabase().caseDrafts.count()).toBe(1));
    await user.keyboard('{Backspace}');
    await screen.findByRole('radiogroup', { name: /Was it out by 6am\?/ });
    await waitFor(async () => expect(await caseDatabase().caseDrafts.count()).toBe(0));
    await user.keyboard('2{Enter}');
    expect(await screen.findByTestId('outcome-resolved')).toBeTruthy();
  });

  it('keeps a wrong answer on screen with a message', async () => {
    const { user } = await startCall();
    await user.keyboard('{Alt>}4{/Alt}');
    await user.type(await screen.findByLabelText('Search call scripts'), 'missed{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Continue (Enter)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This question needs an answer before you go on.');
    // The question is still there to answer.
    expect(screen.getByText('Which bin was missed?')).toBeTruthy();
  });

  it('will not let wrap-up be skipped, and saves it complete or incomplete with a reason', async () => {
    const { user } = await startCall();
    await runMissedBin(user, '1');
    await screen.findByTestId('outcome-case');
    await user.click(screen.getByRole('button', { name: 'End call and wrap up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wrap up this call' });
    expect(within(dialog).getByText('42 seconds (within the 180-second target)')).toBeTruthy();
    // Suggested from the script: a case was raised.
    expect((within(dialog).getByLabelText('Outcome of the call') as HTMLSelectElement).value).toBe('case-raised');

    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Wrap up this call' })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Save wrap-up' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Answer these before saving, or save it as incomplete with a reason: Was it resolved at first contact?, Could this have been done online?, Was the online route offered?, Was the resident offered the chance to give feedback?.',
    );

    await user.click(within(dialog).getByRole('button', { name: "I can't finish this wrap-up" }));
    await user.click(within(dialog).getByRole('button', { name: 'Save as incomplete' }));
    expect(within(dialog).getByText('Give a reason, so your team leader knows why it is incomplete.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText("Why can't this wrap-up be finished?"), 'Caller hung up');
    await user.click(within(dialog).getByRole('button', { name: 'Save as incomplete' }));

    await waitFor(() => expect(screen.queryByTestId('call-panel')).toBeNull());
    const [saved] = await caseDatabase().interactions.toArray();
    expect(saved).toMatchObject({ status: 'done', waitedSeconds: 42, wrapUp: { disposition: 'case-raised', incompleteReason: 'Caller hung up', onlineRouteOffered: false } });
    expect(saved?.outcomes.map((outcome) => outcome.kind)).toEqual(['create-case']);
    expect(saved?.wrapUp?.afterCallWorkSeconds).toBeGreaterThanOrEqual(0);
  });

  it('saves a complete wrap-up with first-contact resolution and feedback', async () => {
    const { user } = await startCall();
    await user.click(screen.getByRole('button', { name: 'End call and wrap up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wrap up this call' });
    await user.selectOptions(within(dialog).getByLabelText('Outcome of the call'), 'emergency');
    for (const [group, answer] of [
      ['Was it resolved at first contact?', 'Yes'],
      ['Could this have been done online?', 'No'],
      ['Was the online route offered?', 'No'],
      ['Was the resident offered the chance to give feedback?', 'Yes'],
    ] as const) {
      await user.click(within(within(dialog).getByRole('radiogroup', { name: group })).getByLabelText(answer));
    }
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'How did the resident rate the call?' })).getByLabelText('Good'));
    await user.click(within(dialog).getByRole('button', { name: 'Save wrap-up' }));
    await waitFor(() => expect(screen.queryByTestId('call-panel')).toBeNull());
    const [saved] = await caseDatabase().interactions.toArray();
    expect(saved?.wrapUp).toMatchObject({ disposition: 'emergency', resolvedAtFirstContact: true, couldHaveBeenOnline: false, feedback: 'good', incompleteReason: null });
    // The dashboard counts it.
    await user.keyboard('{Alt>}1{/Alt}');
    const figures = await screen.findByTestId('contact-kpis');
    expect(within(figures).getByText('1 call wrapped up')).toBeTruthy();
    expect(within(figures).getByText('Resolved at first contact: 100%')).toBeTruthy();
    expect(within(figures).getByText('Answered within 180 seconds: 100%')).toBeTruthy();
  });

  it('lists drafted cases against their service standard', async () => {
    const { user } = await startCall();
    await runMissedBin(user, '1');
    await screen.findByTestId('outcome-case');
    await user.keyboard('{Alt>}5{/Alt}');
    const table = await screen.findByRole('table', { name: 'Cases raised on this computer' });
    const row = within(table).getByText('Missed Rubbish bin').closest('tr') as HTMLElement;
    expect(within(row).getByText('Missed bin collection')).toBeTruthy();
    // Missed bins are due in 2 working days: raised today, so on track or due soon, never overdue.
    // Raised on a weekend or bank holiday, the clock starts on the next working day, so more are left.
    const raisedOnWorkingDay = isWorkingDay(isoDateInLondon(new Date()), shippedHolidays());
    expect(row.textContent).toMatch(raisedOnWorkingDay ? /(On track|Due soon): 2 working days left/ : /On track: [34] working days left/);
  });
});
