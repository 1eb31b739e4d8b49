import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { allowedWhileLocked, DEFAULT_IDLE_LOCK, idleMinutesFor, idleTimeIsUp, mayResume } from '../../../main/core/session/idle-lock';
import { idleAllowanceMs } from '../../../renderer/lock/idle-allowance';
import type { SessionLock } from '../../../shared/contract/session';

const live = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  clientId: '00000000-0000-0000-0000-000000000000',
  dataverseUrl: 'https://council.crm11.dynamics.com',
  anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
};

describe('how long a workstation waits before it locks', () => {
  it('is 5 minutes for a service-point officer and 15 for everyone else unless the council says otherwise', () => {
    expect(idleMinutesFor('service-point-officer')).toBe(5);
    expect(idleMinutesFor('agent')).toBe(15);
    expect(idleMinutesFor('team-leader')).toBe(15);
    expect(idleMinutesFor(null)).toBe(15);
    expect(idleMinutesFor('service-point-officer', { servicePointMinutes: 2, otherMinutes: 30 })).toBe(2);
    expect(idleMinutesFor('agent', { servicePointMinutes: 2, otherMinutes: 30 })).toBe(30);
  });

  it('takes the council’s idleLock from the deployment file, with the defaults for what it leaves out', () => {
    const set = loadDeploymentConfig(JSON.stringify({ ...live, idleLock: { servicePointMinutes: 3 } }), 'test.json');
    expect(set.mode === 'live' && set.config.idleLock).toEqual({ servicePointMinutes: 3, otherMinutes: 15 });
    const absent = loadDeploymentConfig(JSON.stringify(live), 'test.json');
    expect(absent.mode === 'live' && absent.config.idleLock).toEqual(DEFAULT_IDLE_LOCK);
  });

  it('refuses an idleLock that is not whole minutes from 1 to 120, naming the field', () => {
    for (const idleLock of [{ servicePointMinutes: 0 }, { otherMinutes: 121 }, { otherMinutes: 2.5 }, { otherMinutes: '15' }, { seconds: 3 }]) {
      const loaded = loadDeploymentConfig(JSON.stringify({ ...live, idleLock }), 'test.json');
      expect(loaded.mode).toBe('config-error');
      if (loaded.mode === 'config-error') expect(loaded.problems.map((each) => each.field).join(' ')).toMatch(/^idleLock/);
    }
  });

  it('locks once the whole allowance has passed, including after the computer slept through it', () => {
    expect(idleTimeIsUp(2_999, 3_000)).toBe(false);
    expect(idleTimeIsUp(3_000, 3_000)).toBe(true);
    expect(idleTimeIsUp(8 * 3_600_000, 3_000)).toBe(true);
    expect(idleTimeIsUp(Number.NaN, 3_000)).toBe(false);
    expect(idleTimeIsUp(10_000, 0)).toBe(false);
  });
});

describe('who may resume', () => {
  const lock: SessionLock = { staffId: 'staff-1', officerName: 'Amara Okafor', since: '2026-12-04T10:00:00.000Z', reason: 'idle' };
  it('is the officer it was locked for, and nobody else', () => {
    expect(mayResume(lock, 'staff-1')).toBe(true);
    expect(mayResume(lock, 'staff-2')).toBe(false);
    expect(mayResume(lock, null)).toBe(false);
    expect(mayResume(null, 'staff-1')).toBe(false);
  });
});

describe('what still works while locked', () => {
  it('is the session, resuming and switching, and the outboxes; never a resident’s details', () => {
    for (const name of ['session.get', 'session.resume', 'session.switchOfficer', 'cases.submit', 'contacts.save', 'teams.askExpert', 'teams.escalate'] as const) expect(allowedWhileLocked(name)).toBe(true);
    for (const name of ['residents.open', 'residents.checkIdentity', 'residents.contactHistory', 'directory.changes', 'audit.accesses', 'scripts.lookup', 'team.view', 'session.actAsTrainingUser', 'deepLink.take'] as const) {
      expect(allowedWhileLocked(name)).toBe(false);
    }
  });
});

describe('training’s quick lock for a tab', () => {
  it('is read in training mode only: live mode always waits the council’s minutes', () => {
    expect(idleAllowanceMs({ mode: 'training', idleLockMinutes: 15 }, '3')).toBe(3_000);
    expect(idleAllowanceMs({ mode: 'live', idleLockMinutes: 5 }, '3')).toBe(300_000);
    expect(idleAllowanceMs({ mode: 'training', idleLockMinutes: 15 }, null)).toBe(900_000);
    for (const nonsense of ['0', '-3', '2.5', 'soon', '', '99999']) expect(idleAllowanceMs({ mode: 'training', idleLockMinutes: 15 }, nonsense)).toBe(900_000);
  });
});
