import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import { createSystemLock } from '../../../main/core/session/system-lock';
import type { Outcome } from '../../../shared/contract/outcome';
import type { ResidentView } from '../../../shared/contract/residents';
import type { SessionInfo } from '../../../shared/contract/session';
import type { StaffUser } from '../../../shared/domain/staff';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The lock is a state of the officer's session in main: every window hears of it, a reloaded
 * page asks and is still locked, and main itself refuses resident data until the same officer
 * resumes or another switches in. Driven through the real router of a training core.
 */
describe('the idle lock in main', () => {
  let core: Core;
  let staff: StaffUser[];
  let agent: StaffUser;
  let other: StaffUser;
  const heard: SessionInfo[] = [];
  const call = <T>(name: string, input: unknown) => core.router.dispatch(name, input, { transport: 'loopback' }) as Promise<Outcome<T>>;
  const session = async () => {
    const answer = await call<SessionInfo>('session.get', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };

  beforeAll(async () => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 60 }, now: () => new Date('2026-12-04T10:00:00Z') });
    core.events.subscribe((name, payload) => {
      if (name === 'session.changed') heard.push(payload as SessionInfo);
    });
    staff = (await session()).trainingStaff;
    // The training back office (a local https server) starts on first use: started here, not inside a test's time.
    await call('backOffice.reachability', {});
    agent = staff.find((each) => each.role === 'agent') as StaffUser;
    other = staff.find((each) => each.role === 'agent' && each.id !== agent.id) as StaffUser;
  }, 60_000);
  afterAll(async () => {
    await core.close();
  });
  beforeEach(async () => {
    // Each test starts with the first agent at an unlocked computer.
    const now = await session();
    if (now.lock) await call('session.switchOfficer', { staffId: now.lock.staffId === agent.id ? other.id : agent.id });
    if ((await session()).user?.id !== agent.id) await call('session.actAsTrainingUser', { staffId: agent.id });
    heard.length = 0;
  });

  async function openAndOverride(): Promise<ResidentView> {
    const directory = await call<{ entries: { residentId: string }[] }>('directory.changes', { deltaToken: null, offset: 0 });
    if (!directory.ok) throw new Error(directory.error.message);
    const opened = await call<ResidentView>('residents.open', { residentId: directory.value.entries[0]?.residentId, reason: 'call' });
    if (!opened.ok) throw new Error(opened.error.message);
    const overridden = await call<ResidentView>('residents.overrideIdentity', { accessId: opened.value.accessId, reason: 'Caller known to the officer from earlier today' });
    if (!overridden.ok) throw new Error(overridden.error.message);
    return overridden.value;
  }

  it('says who locked it, when and why, to every window and to a page that asks again', async () => {
    const locked = await call<SessionInfo>('session.lock', { reason: 'shortcut' });
    expect(locked).toMatchObject({ ok: true, value: { user: { id: agent.id }, lock: { staffId: agent.id, officerName: agent.displayName, since: '2026-12-04T10:00:00.000Z', reason: 'shortcut' } } });
    expect(heard.at(-1)?.lock?.staffId).toBe(agent.id);
    expect((await session()).lock).toMatchObject({ staffId: agent.id, reason: 'shortcut' });
  });

  it('keeps the first lock when another window’s timer or the computer’s sleep locks it again', async () => {
    await call('session.lock', { reason: 'shortcut' });
    await call('session.lock', { reason: 'idle' });
    expect((await session()).lock?.reason).toBe('shortcut');
  });

  it('refuses the resident’s record, search and directory while locked, and gives them back to the same officer', async () => {
    const view = await openAndOverride();
    await call('session.lock', { reason: 'idle' });
    for (const answer of [
      await call('residents.contactHistory', { accessId: view.accessId, cursor: null, channels: [] }),
      await call('directory.changes', { deltaToken: null, offset: 0 }),
      await call('residents.open', { residentId: view.residentId, reason: 'call' }),
      await call('session.actAsTrainingUser', { staffId: other.id }),
    ]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-possible', message: expect.stringMatching(/locked/) } });
    }
    // The outbox is not held up by the lock.
    expect(await call('backOffice.reachability', {})).toMatchObject({ ok: true });

    expect(await call('session.resume', { staffId: other.id })).toMatchObject({ ok: false, error: { message: `Only ${agent.displayName} can resume. Anyone else: choose Switch officer.` } });
    expect(await call('session.resume', {})).toMatchObject({ ok: false });
    expect((await session()).lock).not.toBeNull();

    expect(await call('session.resume', { staffId: agent.id })).toMatchObject({ ok: true, value: { lock: null, user: { id: agent.id } } });
    expect(heard.at(-1)?.lock).toBeNull();
    // The call in hand goes on: the same open still works for the same officer.
    expect(await call('residents.contactHistory', { accessId: view.accessId, cursor: null, channels: [] })).toMatchObject({ ok: true });
  });

  it('lets another officer switch in: unlocked for them, and the first officer’s opens forgotten', async () => {
    const view = await openAndOverride();
    await call('session.lock', { reason: 'idle' });
    expect(await call('session.switchOfficer', { staffId: agent.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Resume instead/) } });
    expect(await call('session.switchOfficer', {})).toMatchObject({ ok: false, error: { message: 'Choose who is taking over this computer.' } });
    expect(await call('session.switchOfficer', { staffId: other.id })).toMatchObject({ ok: true, value: { lock: null, user: { id: other.id } } });
    expect(await call('residents.contactHistory', { accessId: view.accessId, cursor: null, channels: [] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer open/) } });
  });

  it('locks on the operating system’s lock, and when the whole computer has been idle for the officer’s allowance', async () => {
    const system = createSystemLock(core.router);
    const minutes = (await session()).idleLockMinutes as number;
    expect(minutes).toBe(15);
    expect(await system.systemIdleFor(minutes * 60 - 1)).toBe(false);
    expect((await session()).lock).toBeNull();
    expect(await system.systemIdleFor(minutes * 60)).toBe(true);
    expect((await session()).lock?.reason).toBe('idle');
    await call('session.resume', { staffId: agent.id });
    await system.systemLocked();
    expect((await session()).lock?.reason).toBe('system');
  });

  it('gives a service-point officer 5 minutes', async () => {
    const officer = staff.find((each) => each.role === 'service-point-officer') as StaffUser;
    expect(await call('session.actAsTrainingUser', { staffId: officer.id })).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } });
  });
});
