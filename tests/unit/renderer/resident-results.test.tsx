import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ResultList } from '../../../renderer/residents/ResultList';
import { createI18n } from '../../../renderer/i18n/i18n';
import type { DirectoryEntry, SearchHit } from '../../../shared/domain/directory';

/** Synthetic residents only. */
const entry = (residentId: string, givenName: string, familyName: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  residentId,
  householdId: `hh-${residentId}`,
  givenName,
  familyName,
  dateOfBirth: '1985-03-12',
  addressLine: 'Flat 3, Lyndhurst Court',
  postcode: 'SE15 4QF',
  phones: [],
  email: null,
  councilTaxReference: null,
  rentReference: null,
  vulnerable: false,
  ...more,
});
const hit = (resident: DirectoryEntry, matched: SearchHit['matched'] = ['name']): SearchHit => ({ entry: resident, score: 1, matched });

const maria = entry('res-1', 'Maria', 'Garcia');
const ana = entry('res-2', 'Ana', 'Garcia López', { vulnerable: true });
const shows = { dateOfBirth: 'year', address: 'district' } as const;

describe('the list of residents found', () => {
  it('shows the results for exactly the text typed, each with only what the policy allows before the check', async () => {
    const i18n = await createI18n('en-GB');
    const onOpen = vi.fn();
    const list = (hits: SearchHit[], query: string) => (
      <I18nextProvider i18n={i18n}>
        <ResultList hits={hits} query={query} today="2026-12-04" label="Residents found" shows={shows} onOpen={onOpen} />
      </I18nextProvider>
    );
    const { rerender } = render(list([hit(maria), hit(ana)], 'garc'));
    const results = screen.getByRole('list', { name: 'Residents found' });
    expect(results.id).toBe('resident-results');
    expect(results.dataset.forQuery).toBe('garc');
    const rows = within(results).getAllByRole('button');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Maria GarciaBorn 1985 (age 41) · lives in SE15Matched on name',
      'Ana Garcia LópezBorn 1985 (age 41) · lives in SE15Matched on name · Has a vulnerability flag',
    ]);

    // The next keystroke: one resident stays (the same button, not drawn anew), one goes.
    const mariaButton = rows[0];
    rerender(list([hit(maria, ['name', 'postcode'])], 'garcia se15'));
    expect(results.dataset.forQuery).toBe('garcia se15');
    const now = within(results).getAllByRole('button');
    expect(now).toHaveLength(1);
    expect(now[0]).toBe(mariaButton);
    expect(now[0]?.textContent).toContain('Matched on name, postcode');

    // By keyboard: Tab to the resident, Enter opens them.
    await userEvent.tab();
    expect(document.activeElement).toBe(now[0]);
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('res-1');
  });

  it('rewrites its rows in place as the results change, and holds still while the officer is in it', async () => {
    const i18n = await createI18n('en-GB');
    const onOpen = vi.fn();
    const page = (hits: SearchHit[], query: string) => (
      <I18nextProvider i18n={i18n}>
        <input aria-label="Search" />
        <ResultList hits={hits} query={query} today="2026-12-04" label="Residents found" shows={shows} onOpen={onOpen} />
      </I18nextProvider>
    );
    const { rerender } = render(page([hit(maria)], 'mar'));
    const results = screen.getByRole('list', { name: 'Residents found' });
    const first = within(results).getByRole('button');

    // Another resident at the same place: the same button, its text rewritten (nothing made or removed).
    rerender(page([hit(ana)], 'ana'));
    expect(within(results).getByRole('button')).toBe(first);
    expect(first.textContent).toContain('Ana Garcia López');

    // In the list, new results for the same text (a later part of the directory arriving) do not change the row in focus.
    screen.getByRole('textbox', { name: 'Search' }).focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(first);
    rerender(page([hit(maria), hit(ana)], 'ana'));
    expect(within(results).getAllByRole('button')).toEqual([first]);
    expect(first.textContent).toContain('Ana Garcia López');
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith('res-2');

    // Back in the box, the list shows the latest results.
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search' }));
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(2));
    expect(within(results).getAllByRole('button').map((row) => row.textContent?.split('Born')[0])).toEqual(['Maria Garcia', 'Ana Garcia López']);

    // Results for other text (a call filling the box) show at once, even with focus in the list.
    await userEvent.tab();
    expect(document.activeElement).toBe(first);
    rerender(page([hit(ana)], '07700 900123'));
    expect(results.dataset.forQuery).toBe('07700 900123');
    expect(within(results).getAllByRole('button')).toEqual([first]);
    expect(first.textContent).toContain('Ana Garcia López');
  });
});
