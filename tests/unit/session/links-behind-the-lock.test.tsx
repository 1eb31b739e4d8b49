import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiBridge } from '../../../shared/contract/api-bridge';
import type { DeepLink } from '../../../shared/contract/deep-link';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { DeepLinksProvider, useDeepLinks } from '../../../renderer/navigation/deep-links';
import { SessionProvider } from '../../../renderer/session/session-context';
import { trainingSession } from '../support/fake-core';

const call: DeepLink = { kind: 'call', callerNumber: '020 7946 0001', queue: 'Test', waitedSeconds: 1 };

function Opened({ opened }: { opened: DeepLink[] }) {
  useDeepLinks((link) => opened.push(link));
  return null;
}

describe('a softphone screen-pop that arrives behind the idle lock', () => {
  it('waits in main while locked and opens once the lock is lifted', async () => {
    let waiting: DeepLink[] = [call];
    let asked = 0;
    // Main as it behaves: it refuses to hand links over while locked.
    let locked = true;
    const bridge = {
      deepLink: {
        take: async () => {
          asked += 1;
          if (locked) return { ok: false, error: { code: 'not-possible', message: 'CivicDesk is locked.' } };
          const taken = waiting;
          waiting = [];
          return { ok: true, value: taken };
        },
      },
      on: () => () => undefined,
    } as unknown as ApiBridge;
    const opened: DeepLink[] = [];
    const lock = { staffId: 'staff-1', officerName: 'Test Agent', since: '2026-12-04T10:00:00.000Z', reason: 'idle' as const };
    const page = (session: typeof trainingSession) => (
      <BridgeProvider bridge={bridge}>
        <SessionProvider value={session}>
          <DeepLinksProvider>
            <Opened opened={opened} />
          </DeepLinksProvider>
        </SessionProvider>
      </BridgeProvider>
    );
    const view = render(page({ ...trainingSession, lock }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toBe(0);
    expect(opened).toEqual([]);

    locked = false;
    view.rerender(page({ ...trainingSession, lock: null }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toEqual([call]);
  });
});
