import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiBridge } from '../../../shared/contract/api-bridge';
import type { CaseSubmission } from '../../../shared/contract/cases';
import type { Outcome } from '../../../shared/contract/outcome';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { SyncProvider, useSyncNow, useSyncStatus } from '../../../renderer/sync/sync-context';
import { submitted } from './support';

function Status() {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  return (
    <div>
      <output data-testid="status">{JSON.stringify(status)}</output>
      <button onClick={syncNow}>now</button>
    </div>
  );
}

const status = () => JSON.parse(screen.getByTestId('status').textContent ?? '{}') as Record<string, unknown>;

describe('SyncProvider', () => {
  it('reports reachability, counts from storage and the last successful send, and sends what is submitted', async () => {
    let reachable = true;
    let accept = false;
    const bridge = createApiBridge({
      async invoke(name, input): Promise<Outcome<unknown>> {
        if (name === 'backOffice.reachability') return { ok: true, value: { reachable, checkedAt: new Date().toISOString(), problem: null } };
        if (name === 'cases.submit') {
          const { cases } = input as { cases: CaseSubmission[] };
          return { ok: true, value: cases.map((each) => (accept ? { id: each.id, result: 'created', reference: 'CAS-1', etag: null } : { id: each.id, result: 'rejected', problem: 'No.', code: null })) };
        }
        return { ok: false, error: { code: 'unknown-call', message: 'not in this fake' } };
      },
      subscribe: () => () => {},
    });
    render(
      <BridgeProvider bridge={bridge}>
        <SyncProvider staffId="staff-1">
          <Status />
        </SyncProvider>
      </BridgeProvider>,
    );
    await waitFor(() => expect(status()).toMatchObject({ reachable: true, waiting: 0, needsAttention: 0, lastSuccessfulSync: null }));
    const db = caseDatabase();
    await act(async () => {
      await submitted(db);
    });
    await waitFor(() => expect(status()).toMatchObject({ waiting: 0, needsAttention: 1, sending: false }));
    accept = true;
    reachable = false;
    await act(async () => {
      await submitted(db);
    });
    await waitFor(() => expect(status()).toMatchObject({ needsAttention: 1, waiting: 0 }));
    await waitFor(() => expect(status().lastSuccessfulSync).toEqual(expect.any(String)));
    act(() => screen.getByText('now').click());
    await waitFor(() => expect(status()).toMatchObject({ reachable: false }));
  });
});
