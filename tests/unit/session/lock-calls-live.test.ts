import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createEventHub } from '../../../main/core/ipc/event-hub';
import { createLockCalls } from '../../../main/core/session/lock-calls';
import { createSessionService } from '../../../main/core/session/session-service';
import type { AccountStatus } from '../../../shared/contract/microsoft365';
import type { StaffUser } from '../../../shared/domain/staff';

const live = loadDeploymentConfig(
  JSON.stringify({ tenantId: '00000000-0000-0000-0000-000000000000', clientId: '00000000-0000-0000-0000-000000000000', dataverseUrl: 'https://council.crm11.dynamics.com', anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b', idleLock: { servicePointMinutes: 3 } }),
  'test.json',
);
const priya: StaffUser = { id: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: 'Priya Shah', email: 'priya.shah@council.example', role: 'service-point-officer', team: 'Peckham service point' };
const tom: StaffUser = { id: 'aaaaaaaa-0000-4000-8000-000000000002', displayName: 'Tom O’Neill', email: 'tom.oneill@council.example', role: 'agent', team: 'Contact Centre – Blue' };
const context = { transport: 'ipc' } as const;
const signedInAs = (user: StaffUser): AccountStatus => ({ signedIn: true, signingIn: false, kept: 'keychain', keptReason: null, problem: null, userId: user.id, name: user.displayName, username: user.email });
const signedOut: AccountStatus = { signedIn: false, signingIn: false, kept: 'keychain', keptReason: null, problem: null };

/**
 * Live mode, where the officer is whoever signed in to Microsoft 365: Microsoft's sign-in is
 * stood in for by what it would answer and what it would tell the session (as
 * main/core/smart-working.ts does when an account signs in or out).
 */
function liveWorkstation(answer: () => AccountStatus) {
  const session = createSessionService({ config: live, appVersion: 't', trainingStaff: [], events: createEventHub() });
  const happened: string[] = [];
  const calls = createLockCalls({
    live: true,
    session,
    signIn: async () => {
      happened.push('signed in');
      const status = answer();
      if (status.signedIn) session.signedIn(status.userId === priya.id ? priya : tom);
      return status;
    },
    signOut: async () => {
      happened.push('signed out');
      session.signedIn(null);
    },
    signOutIfSignedIn: async () => void happened.push('training sign-out'),
    forgetOpens: () => void happened.push('opens forgotten'),
  });
  session.signedIn(priya);
  return { session, calls, happened };
}

describe('the idle lock in live mode', () => {
  it('takes the council’s minutes for the officer’s role', () => {
    const { session } = liveWorkstation(() => signedInAs(priya));
    expect(session.current().idleLockMinutes).toBe(3);
    session.signedIn(tom);
    expect(session.current().idleLockMinutes).toBe(15);
  });

  it('resumes only after the officer signs in to Microsoft 365 again as themselves', async () => {
    const { session, calls, happened } = liveWorkstation(() => signedInAs(priya));
    await calls['session.lock']({ reason: 'system' }, context);
    expect(session.current().lock).toMatchObject({ staffId: priya.id, officerName: 'Priya Shah', reason: 'system' });
    // No staff id to claim in live mode: the sign-in says who it is.
    expect(await calls['session.resume']({ staffId: tom.id }, context)).toMatchObject({ lock: null, user: { id: priya.id } });
    expect(happened).toEqual(['signed in']);
  });

  it('stays locked when the sign-in is cancelled', async () => {
    const { session, calls } = liveWorkstation(() => ({ ...signedOut, problem: 'You closed the sign-in page before it finished.' }));
    await calls['session.lock']({ reason: 'idle' }, context);
    await expect(calls['session.resume']({}, context)).rejects.toThrow('Only Priya Shah can resume. Anyone else: choose Switch officer.');
    expect(session.current().lock?.staffId).toBe(priya.id);
  });

  it('lets another officer who signs in at the lock take over: the lock is lifted for them, never for Priya’s session', async () => {
    const { session, calls } = liveWorkstation(() => signedInAs(tom));
    await calls['session.lock']({ reason: 'idle' }, context);
    expect(await calls['session.resume']({}, context)).toMatchObject({ lock: null, user: { id: tom.id } });
    expect(session.current().user?.id).toBe(tom.id);
  });

  it('switches officer by signing the first out, with main forgetting what they had open', async () => {
    const { session, calls, happened } = liveWorkstation(() => signedInAs(priya));
    await calls['session.lock']({ reason: 'shortcut' }, context);
    expect(await calls['session.switchOfficer']({}, context)).toMatchObject({ lock: null, user: null });
    expect(happened).toEqual(['opens forgotten', 'signed out']);
    expect(session.current().lock).toBeNull();
  });

  it('has nothing to lock when nobody is signed in', async () => {
    const { session, calls } = liveWorkstation(() => signedInAs(priya));
    session.signedIn(null);
    expect(await calls['session.lock']({ reason: 'idle' }, context)).toMatchObject({ lock: null, user: null });
  });
});
