import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { TenantReadiness } from '../../../shared/contract/tenant-readiness';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { fakeBridge, session, trainingStaff, type FakeAnswers } from '../support/fake-bridge';
import { placeOpened } from '../support/place-opened';

const notReady: TenantReadiness = {
  tenant: 'training',
  ready: false,
  checks: [
    { id: 'sign-in', title: 'Signing in to Microsoft Entra ID', ok: true, detail: 'Signed in as Tomasz Nowak.', fix: '' },
    {
      id: 'bookings-business',
      title: 'Microsoft Bookings business',
      ok: false,
      detail: 'There is no Bookings business Nobody@example.org.',
      fix: 'Put the business’s id in bookingsBusinessId in civicdesk.config.json.',
    },
  ],
};

async function openReadiness(role: 'team-leader' | 'agent', answers: FakeAnswers = {}) {
  const fake = fakeBridge({ ...session, user: role === 'team-leader' ? trainingStaff[1] : trainingStaff[0] }, answers);
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  return { ...fake, user: userEvent.setup() };
}

describe('the Tenant readiness place', () => {
  it('is a team leader’s: reached by keyboard from the places list, focus on its heading, each check listed with what to do, failures first, and no axe violations', async () => {
    const { user, calls } = await openReadiness('team-leader', { 'tenant.readiness': () => notReady });
    const nav = screen.getByRole('navigation', { name: 'Places' });
    within(nav).getByRole('button', { name: /Tenant readiness/ }).focus();
    await user.keyboard('{Enter}');
    const heading = await placeOpened('Tenant readiness');
    expect(document.activeElement).toBe(heading);
    expect(calls).not.toContain('tenant.readiness');

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Run the check' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringContaining('1 of 2 checks did not pass'));
    const items = within(screen.getByRole('list', { name: 'Readiness checks' })).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['✗ Microsoft Bookings business: not ready', '✓ Signing in to Microsoft Entra ID: passed']);
    expect(items[0]?.textContent).toContain('What to do: Put the business’s id in bookingsBusinessId');
    expect(items[1]?.textContent).not.toContain('What to do');

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.passes.length).toBeGreaterThan(0);
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
  });

  it('says why when the check cannot be run, and keeps the button to try again', async () => {
    const { user } = await openReadiness('team-leader', {
      'tenant.readiness': () => {
        throw new Error('The settings file has problems: fix those first.');
      },
    });
    await user.click(within(screen.getByRole('navigation', { name: 'Places' })).getByRole('button', { name: /Tenant readiness/ }));
    await user.click(await screen.findByRole('button', { name: 'Run the check' }));
    expect(await screen.findByText('The settings file has problems: fix those first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run the check' })).toHaveProperty('disabled', false);
  });

  it('is not in an agent’s places', async () => {
    await openReadiness('agent');
    expect(within(screen.getByRole('navigation', { name: 'Places' })).queryByRole('button', { name: /Tenant readiness/ })).toBeNull();
  });
});
