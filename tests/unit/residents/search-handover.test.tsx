import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { fakeBridge, residentView, session } from '../support/fake-bridge';
import { numberedEntry, testEntry } from '../support/directory-entries';

const COUNCIL_SYSTEM = 'From the council’s system (not yet on this computer)';
const shownResults = () => [...document.querySelectorAll('[data-testid="resident-results"] button')].map((button) => button.textContent ?? '');

describe('the copy becoming whole while the officer reads the council’s answers', () => {
  it('keeps a resident on the list until the whole copy has searched the text again, and Enter then opens them', async () => {
    // A first start: the first slice (one resident) is searchable at once; the last, with the
    // caller in it, is held back while the officer types the caller's name. It then arrives
    // within a second of the first, so its segment and the whole copy become searchable together.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ada = testEntry({ residentId: residentView.residentId, givenName: 'Ada', familyName: 'Lovelace' });
    const rest = [ada, ...Array.from({ length: 40 }, (_, n) => numberedEntry(n + 1))];
    const slice = (offset: number, entries: DirectoryEntry[], nextOffset: number | null) => ({ read: '00000000-0000-4000-8000-000000000001', offset, entries, removed: [], deltaToken: 't1', replacesAll: true, nextOffset, total: 1 + rest.length });
    const fake = fakeBridge(session, {
      'directory.changes': async (input) => {
        if ((input as { offset: number }).offset === 0) return slice(0, [numberedEntry(0)], 1);
        await held;
        return slice(1, rest, null);
      },
      'directory.searchOnline': () => ({ hits: [{ entry: ada, score: 1, matched: ['name'] }] }),
    });
    render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await userEvent.setup().keyboard('{Alt>}2{/Alt}');
    await screen.findByText(/^Searching 1 of 42 residents/);
    const box = await screen.findByLabelText('Find a resident');
    // Pasted whole, as a name brought by a call is: the council's system is asked at once.
    fireEvent.change(box, { target: { value: 'Ada Lovelace' } });
    await waitFor(() => expect(shownResults()).toEqual([expect.stringContaining(COUNCIL_SYSTEM)]));

    // Every state the list passes through while the copy arrives and becomes searchable.
    const seen: string[][] = [];
    const watcher = new MutationObserver(() => seen.push(shownResults()));
    watcher.observe(document.body, { subtree: true, childList: true, characterData: true });
    // Not inside act(): React draws each step as it would in the browser, a render at a time,
    // with the effects that search again after it. (Inside act, the steps are all drawn at once.)
    release();
    await screen.findByText('Searching 42 residents.');
    // Searched again in the whole copy: the caller is this computer's own result now, unmarked.
    await waitFor(() => {
      expect(shownResults()).toEqual([expect.stringContaining('Ada Lovelace')]);
      expect(shownResults()[0]).not.toContain(COUNCIL_SYSTEM);
    });
    watcher.disconnect();
    // Never an empty list in between, when an Enter would open nobody.
    expect(seen.filter((list) => list.length === 0)).toEqual([]);

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByTestId('resident-name')).toHaveProperty('textContent', 'Ada Lovelace');
  });
});
