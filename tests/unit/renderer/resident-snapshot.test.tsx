import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../renderer/session/session-context';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { ResidentPlace } from '../../../renderer/residents/ResidentPlace';
import { savedAtWords } from '../../../renderer/residents/SnapshotBanner';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { deleteOldSnapshots, SNAPSHOT_MAX_AGE_MS, snapshotDatabase } from '../../../renderer/storage/snapshot-database';
import { SyncProvider, useSyncStatus } from '../../../renderer/sync/sync-context';
import { I18nextProvider } from 'react-i18next';
import { fakeBridge, residentView, session, trainingStaff } from '../support/fake-bridge';

/** Opens the fake's resident, as Search does, and shows what the sync monitor believes. */
function Harness() {
  const { openResident: open, error, clear } = useContact();
  const { reachable } = useSyncStatus();
  return (
    <>
      <button type="button" onClick={() => void open(residentView.residentId, 'call')}>
        open resident
      </button>
      <button type="button" onClick={clear}>
        next contact
      </button>
      <output data-testid="reachable">{String(reachable)}</output>
      {error && <output data-testid="open-error">{error.code}</output>}
      <ResidentPlace />
    </>
  );
}

async function renderResidentPlace(start = session) {
  const fake = fakeBridge(start);
  const i18n = await createI18n('en-GB');
  render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={start}>
          <SyncProvider staffId={start.user?.id ?? null}>
            <ContactProvider staffId={start.user?.id ?? null}>
              <Harness />
            </ContactProvider>
          </SyncProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('reachable').textContent).toBe('true'));
  return fake;
}

/** The reachability monitor asks again when the browser says the network changed. */
async function goOffline(fake: ReturnType<typeof fakeBridge>) {
  fake.setBackOfficeReachable(false);
  act(() => window.dispatchEvent(new Event('offline')));
  await waitFor(() => expect(screen.getByTestId('reachable').textContent).toBe('false'));
}

async function comeBack(fake: ReturnType<typeof fakeBridge>) {
  fake.setBackOfficeReachable(true);
  act(() => window.dispatchEvent(new Event('online')));
  await waitFor(() => expect(screen.getByTestId('reachable').textContent).toBe('true'));
}

const staffId = session.user?.id as string;

beforeEach(async () => {
  await snapshotDatabase().residentSnapshots.clear();
});

describe('cached resident snapshots', () => {
  it('keeps what the officer saw, shows it when the back office is gone, audits the read, and sends it when it is back', async () => {
    const fake = await renderResidentPlace();
    const user = userEvent.setup();

    // Online: the identity check stands between the officer and the record; nothing is kept before it.
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    expect(await screen.findByText('Identity not checked yet')).toBeTruthy();
    expect(await snapshotDatabase().residentSnapshots.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Check answers' }));
    expect(await screen.findByText('Identity checked: passed')).toBeTruthy();
    await waitFor(async () => expect(await snapshotDatabase().residentSnapshots.get([residentView.residentId, staffId])).toMatchObject({ residentId: residentView.residentId, staffId, view: residentView }));
    expect(screen.queryByTestId('snapshot-banner')).toBeNull();
    const saved = (await snapshotDatabase().residentSnapshots.get([residentView.residentId, staffId]))?.savedAt as string;

    // Offline, on the next contact: opening again shows this computer's copy, says so, and queues the read for the audit.
    await user.click(screen.getByRole('button', { name: 'next contact' }));
    await goOffline(fake);
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    const banner = await screen.findByTestId('snapshot-banner');
    const { time, date } = savedAtWords(saved);
    expect(banner.textContent).toBe(`Shown from this computer's copy, saved at ${time} on ${date}. It may be out of date; it updates when the council's system can be reached. Check who you are speaking to before you discuss anything in it.`);
    expect(screen.getByTestId('resident-name').textContent).toBe('Ada Lovelace');
    expect(within(screen.getByTestId('section-who')).getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByTestId('snapshot-timeline').textContent).toMatch(/cannot be shown or paged through until the council's system can be reached/);
    expect(screen.queryByRole('button', { name: 'Show older contacts' })).toBeNull();
    expect(screen.queryByTestId('open-error')).toBeNull();
    const pending = await caseDatabase().pendingAccesses.toArray();
    expect(pending).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), residentId: residentView.residentId, staffId, reason: 'call', at: expect.any(String), source: 'snapshot' }]);
    expect(fake.snapshotReads).toEqual([]);

    // Back: the read goes to main, the pending row goes only after it answered, and the record is opened live again.
    await comeBack(fake);
    await waitFor(async () => expect(await caseDatabase().pendingAccesses.count()).toBe(0));
    expect(fake.snapshotReads).toEqual(pending);
    await waitFor(() => expect(screen.queryByTestId('snapshot-banner')).toBeNull());
    expect(await screen.findByText('Identity not checked yet')).toBeTruthy();
  });

  it('shows the error, and queues no read, when there is no copy', async () => {
    const fake = await renderResidentPlace();
    const user = userEvent.setup();
    await goOffline(fake);
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    expect((await screen.findByTestId('open-error')).textContent).toBe('not-connected');
    expect(screen.queryByTestId('snapshot-banner')).toBeNull();
    expect(await caseDatabase().pendingAccesses.count()).toBe(0);
  });

  it('shows the copy when main answers but says the back office cannot be reached, and not for any other refusal', async () => {
    await snapshotDatabase().residentSnapshots.put({ residentId: residentView.residentId, staffId, view: residentView, savedAt: new Date().toISOString() });
    const fake = await renderResidentPlace();
    const user = userEvent.setup();
    fake.bridge.residents.open = async () => ({ ok: false, error: { code: 'not-possible', message: 'That resident is not in the council’s records any more. Search again.' } });
    // Reachable: a refusal is a refusal, and no copy stands in for it.
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    expect((await screen.findByTestId('open-error')).textContent).toBe('not-possible');
    expect(screen.queryByTestId('snapshot-banner')).toBeNull();
    // Main is there, the back office is not: the copy, with its read queued.
    fake.setBackOfficeReachable(false);
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    expect(await screen.findByTestId('snapshot-banner')).toBeTruthy();
    expect(await caseDatabase().pendingAccesses.count()).toBe(1);
  });

  it('never shows one officer’s copy to another', async () => {
    await snapshotDatabase().residentSnapshots.put({ residentId: residentView.residentId, staffId: trainingStaff[1].id, view: residentView, savedAt: new Date().toISOString() });
    const fake = await renderResidentPlace();
    const user = userEvent.setup();
    await goOffline(fake);
    await user.click(screen.getByRole('button', { name: 'open resident' }));
    expect(await screen.findByTestId('open-error')).toBeTruthy();
    expect(screen.queryByTestId('snapshot-banner')).toBeNull();
  });

  it('deletes copies older than 7 days', async () => {
    const now = new Date('2026-11-26T14:02:00Z');
    const db = snapshotDatabase();
    await db.residentSnapshots.bulkPut([
      { residentId: 'old', staffId, view: residentView, savedAt: new Date(now.getTime() - SNAPSHOT_MAX_AGE_MS - 1000).toISOString() },
      { residentId: 'young', staffId, view: residentView, savedAt: new Date(now.getTime() - SNAPSHOT_MAX_AGE_MS + 60_000).toISOString() },
    ]);
    expect(await deleteOldSnapshots(db, now)).toBe(1);
    expect((await db.residentSnapshots.toArray()).map((each) => each.residentId)).toEqual(['young']);
  });

  it('words the saved time as the council’s clocks show it', () => {
    expect(savedAtWords('2026-11-26T14:02:00Z')).toEqual({ time: '14:02', date: 'Thursday 26 November' });
  });
});
