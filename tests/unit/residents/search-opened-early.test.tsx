import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { createSearchHandler } from '../../../renderer/residents/search-handler';
import type { FromSearchWorker, ToSearchWorker } from '../../../renderer/residents/search-messages';
import { openSearchEarly, startSearchWorkerEarly } from '../../../renderer/residents/use-resident-search';
import { Segments } from '../../../renderer/residents/search-segments';
import { WARM_UP_QUERIES } from '../../../shared/search/warm-up';
import { databaseName, switchStorageTo } from '../../../renderer/storage/officer-storage';
import { importDataKey } from '../../../renderer/storage/sealing';
import { numberedEntry } from '../support/directory-entries';
import { fakeBridge, session, trainingStaff } from '../support/fake-bridge';

/**
 * The page's search worker, as main.tsx starts it before anyone is signed in: the worker's own
 * handler (search-handler.ts) in this realm, answering on a later turn as a worker does. Each
 * message it is posted is kept, with whether the workstation had been drawn by then.
 */
class SearchWorker {
  static made: SearchWorker[] = [];
  readonly posted: { message: ToSearchWorker; workstationDrawn: boolean }[] = [];
  terminated = false;
  onmessage: ((event: { data: FromSearchWorker }) => void) | null = null;
  private readonly handle = createSearchHandler((message) => setTimeout(() => !this.terminated && this.onmessage?.({ data: message }), 0));
  constructor(readonly url: URL) {
    SearchWorker.made.push(this);
  }
  postMessage(message: ToSearchWorker) {
    this.posted.push({ message, workstationDrawn: screen.queryByRole('heading', { level: 1, name: 'Dashboard' }) !== null });
    if (!this.terminated) void this.handle(message).catch(() => undefined);
  }
  terminate() {
    this.terminated = true;
  }
}

const opens = (worker: SearchWorker) => worker.posted.filter((each) => each.message.type === 'open');
const directory = Array.from({ length: 30 }, (_, n) => numberedEntry(n));

/** The workstation for this officer, with a directory of 30 residents, and its search worker started as the page starts. */
async function startFor(staffIndex: number, id: string = trainingStaff[staffIndex]!.id) {
  const officer = { ...session, user: { ...trainingStaff[staffIndex]!, id } };
  const fake = fakeBridge(officer, {
    'directory.changes': () => ({ read: '00000000-0000-4000-8000-000000000002', offset: 0, entries: directory, removed: [], deltaToken: 't1', replacesAll: true, nextOffset: null, total: directory.length }),
  });
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  return databaseName('directory', officer.user.id);
}

afterEach(() => {
  vi.unstubAllGlobals();
  SearchWorker.made = [];
});

describe('search opened as the officer’s storage opens', () => {
  it('asks the worker started with the page to open the officer’s directory before the workstation is drawn, once, and searches what it opens', async () => {
    vi.stubGlobal('Worker', SearchWorker);
    startSearchWorkerEarly();
    const database = await startFor(0);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    expect(SearchWorker.made).toHaveLength(1);
    expect(opens(SearchWorker.made[0]!)).toEqual([{ message: expect.objectContaining({ type: 'open', database }), workstationDrawn: false }]);

    await userEvent.setup().keyboard('{Alt>}2{/Alt}');
    expect(await screen.findByText('Searching 30 residents.')).toBeDefined();
    // What the worker said before search was drawn reached it: the directory it had opened was empty, and the sync filled it.
    expect(SearchWorker.made[0]!.posted.map((each) => each.message.type)).toContain('store');
  });

  it('lets go of a worker that opened another officer’s directory, and opens this officer’s in a new one', async () => {
    vi.stubGlobal('Worker', SearchWorker);
    startSearchWorkerEarly();
    // The spare was asked to open someone else's directory (another officer, before this one signed in).
    const otherKey = await importDataKey(new Uint8Array(32).fill(3));
    switchStorageTo({ staffId: 'someone-else', key: otherKey, kept: 'keychain' });
    openSearchEarly();
    const database = await startFor(1);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await userEvent.setup().keyboard('{Alt>}2{/Alt}');
    expect(await screen.findByText('Searching 30 residents.')).toBeDefined();
    const [spare, own] = SearchWorker.made;
    expect(opens(spare!).map((each) => each.message)).toEqual([expect.objectContaining({ database: databaseName('directory', 'someone-else') })]);
    expect(spare!.terminated).toBe(true);
    expect(opens(own!).map((each) => each.message)).toEqual([expect.objectContaining({ database })]);
  });
});

describe('the engine warmed up before the officer types', () => {
  it('searches the warm-up queries again on the whole index, not only on the first start’s first slice', async () => {
    vi.stubGlobal('Worker', SearchWorker);
    // Idle at once, a moment with time for one query: the warm-up on the first slice is over before the whole index arrives.
    vi.stubGlobal('requestIdleCallback', (run: (deadline: { timeRemaining(): number }) => void) => queueMicrotask(() => run({ timeRemaining: () => 0 })));
    // Which queries each kind of index was searched for: a first start's slices, then the whole.
    const searched: { query: string; whole: boolean }[] = [];
    const find = Segments.prototype.find;
    const spy = vi.spyOn(Segments.prototype, 'find').mockImplementation(function (this: Segments, query, limit) {
      searched.push({ query, whole: this.whole });
      return find.call(this, query, limit);
    });
    try {
      startSearchWorkerEarly();
      // An officer new to this computer: a first start, its slices searchable before the whole index.
      await startFor(0, 'staff-new-here');
      await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
      await userEvent.setup().keyboard('{Alt>}2{/Alt}');
      expect(await screen.findByText('Searching 30 residents.')).toBeDefined();
      await waitFor(() => expect(WARM_UP_QUERIES.filter((query) => !searched.some((each) => each.whole && each.query === query))).toEqual([]));
    } finally {
      spy.mockRestore();
    }
  });
});
