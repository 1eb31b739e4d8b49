import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import type { ApiBridge } from '../../../shared/contract/api-bridge';
import type { SessionInfo, SessionLock } from '../../../shared/contract/session';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { LOCK_HOST_ID, LockScreen } from '../../../renderer/lock/LockScreen';
import { trainingSession } from '../support/fake-core';

const lock: SessionLock = { staffId: 'staff-1', officerName: 'Test Agent', since: '2026-12-04T10:05:00.000Z', reason: 'system' };
const refused = (message: string) => ({ ok: false, error: { code: 'not-possible', message } });

async function showLock(session: SessionInfo, answers: { resume?: unknown; switchOfficer?: unknown } = {}) {
  const asked: { call: string; input: unknown }[] = [];
  const bridge = {
    session: {
      resume: async (input: unknown) => (asked.push({ call: 'resume', input }), answers.resume ?? { ok: true, value: { ...session, lock: null } }),
      switchOfficer: async (input: unknown) => (asked.push({ call: 'switchOfficer', input }), answers.switchOfficer ?? { ok: true, value: { ...session, lock: null } }),
    },
  } as unknown as ApiBridge;
  // What was on screen before: a resident's name in a field being typed in.
  const before = document.createElement('div');
  before.innerHTML = '<input aria-label="Summary" value="Amara Okafor’s missed bin">';
  document.body.append(before);
  before.querySelector('input')?.focus();
  document.title = 'CivicDesk';
  const i18n = await createI18n('en-GB');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={bridge}>
        <LockScreen session={session} lock={lock} />
      </BridgeProvider>
    </I18nextProvider>,
  );
  await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return { asked, before, view, user: userEvent.setup() };
}

describe('the lock screen', () => {
  it('names who locked it and why, and nobody else: the page behind is inert and the title names nobody', async () => {
    const { before, view } = await showLock({ ...trainingSession, mode: 'live', trainingStaff: [] });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CivicDesk is locked');
    expect(screen.getByTestId('lock-who').textContent).toBe('Locked for Test Agent since 10:05.');
    expect(screen.getByText('It locked when the computer locked or went to sleep.')).toBeTruthy();
    expect(document.title).toBe('Locked: CivicDesk');
    expect(before.inert).toBe(true);
    expect(document.getElementById(LOCK_HOST_ID)?.inert).not.toBe(true);
    expect(document.getElementById(LOCK_HOST_ID)?.textContent).not.toContain('Amara');
    view.unmount();
    // Lifted: the page back as it was, with the title.
    expect(before.inert).toBe(false);
    expect(document.title).toBe('CivicDesk');
    expect(document.getElementById(LOCK_HOST_ID)).toBeNull();
    // And the focus back in the field the officer was typing in.
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(before.querySelector('input'));
    before.remove();
  });

  it('in live mode, resumes through Microsoft 365 sign-in and says why it stayed locked', async () => {
    const { asked, user, before } = await showLock({ ...trainingSession, mode: 'live', trainingStaff: [] }, { resume: refused('Only Test Agent can resume. Anyone else: choose Switch officer.') });
    expect(screen.getByText('You will sign in to Microsoft 365 again.')).toBeTruthy();
    expect(screen.queryByLabelText('Who is taking over')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resume as Test Agent' }));
    expect(asked).toEqual([{ call: 'resume', input: {} }]);
    expect(screen.getByRole('alert').textContent).toBe('Only Test Agent can resume. Anyone else: choose Switch officer.');
    await user.click(screen.getByRole('button', { name: 'Switch officer' }));
    expect(asked.at(-1)).toEqual({ call: 'switchOfficer', input: {} });
    before.remove();
  });

  it('in training, resumes as the officer who locked it, or switches to the colleague chosen', async () => {
    const colleague = { id: 'staff-2', displayName: 'Other Agent', email: 'other@example.org', role: 'agent' as const, team: 'Contact centre' };
    const { asked, user, before } = await showLock({ ...trainingSession, trainingStaff: [trainingSession.user!, colleague] });
    expect(screen.getByRole('button', { name: 'Resume as Test Agent' })).toBe(document.activeElement);
    // Only the others are offered to take over.
    expect([...(screen.getByLabelText('Who is taking over') as HTMLSelectElement).options].map((option) => option.value)).toEqual(['staff-2']);
    await user.click(screen.getByRole('button', { name: 'Resume as Test Agent' }));
    await user.click(screen.getByRole('button', { name: 'Switch officer' }));
    expect(asked).toEqual([
      { call: 'resume', input: { staffId: 'staff-1' } },
      { call: 'switchOfficer', input: { staffId: 'staff-2' } },
    ]);
    before.remove();
  });
});
