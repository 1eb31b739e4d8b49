import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneForms } from '../../../main/core/back-office/dataverse/caller-lookup';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import { createScreenPops, POP_KEPT_MS } from '../../../main/core/residents/screen-pop';
import type { Outcome } from '../../../shared/contract/outcome';
import type { ResidentView } from '../../../shared/contract/residents';
import type { CallerCard, SessionInfo } from '../../../shared/contract/session';
import type { DeepLink } from '../../../shared/contract/deep-link';

/** A screen-pop service over a directory of numbers, counting the reads it makes. */
function pops(holders: Record<string, string[]>, options: { failFirstRead?: boolean } = {}) {
  let clock = 0;
  let staffId: string | null = 'officer-1';
  const reads: string[] = [];
  let failures = options.failFirstRead ? 1 : 0;
  const service = createScreenPops<string>({
    staffId: () => staffId,
    callerWithPhone: async (number) => ({ residentIds: holders[number] ?? [], reading: null }),
    read: async (residentId) => {
      reads.push(residentId);
      if (failures > 0) {
        failures -= 1;
        throw new Error('the back office did not answer');
      }
      return `record of ${residentId}`;
    },
    now: () => clock,
  });
  return { service, reads, later: (ms: number) => (clock += ms), actAs: (id: string | null) => (staffId = id) };
}

describe('the screen-pop head start', () => {
  it('reads the caller as the call rings, and hands that read to the officer once', async () => {
    const { service, reads } = pops({ '07700 900123': ['r-1'] });
    service.ring('07700 900123');
    await Promise.resolve();
    expect(reads).toEqual(['r-1']);
    expect(await service.take('07700 900123', 'officer-1')).toEqual({ residentId: 'r-1', read: 'record of r-1' });
    expect(reads).toEqual(['r-1']);
    // Taken once: asked again, it is read again (the open it makes is a new, audited one).
    await service.take('07700 900123', 'officer-1');
    expect(reads).toEqual(['r-1', 'r-1']);
  });

  it('takes the read the lookup by number started, rather than reading the caller again', async () => {
    const reads: string[] = [];
    const service = createScreenPops<string>({
      staffId: () => 'officer-1',
      callerWithPhone: async () => ({ residentIds: ['r-1'], reading: Promise.resolve('record of r-1, read on from the lookup') }),
      read: async (residentId) => (reads.push(residentId), `record of ${residentId}`),
      now: () => 0,
    });
    service.ring('07700 900123');
    expect(await service.take('07700 900123', 'officer-1')).toEqual({ residentId: 'r-1', read: 'record of r-1, read on from the lookup' });
    expect(reads).toEqual([]);
  });

  it('opens nobody when the number is shared or unknown, and reads no record for it', async () => {
    const { service, reads } = pops({ '020 7946 0001': ['r-1', 'r-2'] });
    service.ring('020 7946 0001');
    expect(await service.take('020 7946 0001', 'officer-1')).toBeNull();
    expect(await service.take('020 7946 0999', 'officer-1')).toBeNull();
    expect(reads).toEqual([]);
  });

  it('never hands one officer what was read while another was signed in', async () => {
    const { service, reads, actAs } = pops({ '07700 900123': ['r-1'] });
    service.ring('07700 900123');
    actAs('officer-2');
    await service.take('07700 900123', 'officer-2');
    expect(reads).toEqual(['r-1', 'r-1']);
  });

  it('reads nothing when nobody is signed in, and forgets reads when the officer changes', async () => {
    const { service, reads, actAs } = pops({ '07700 900123': ['r-1'] });
    actAs(null);
    service.ring('07700 900123');
    expect(reads).toEqual([]);
    actAs('officer-1');
    service.ring('07700 900123');
    service.forget();
    await service.take('07700 900123', 'officer-1');
    expect(reads).toEqual(['r-1', 'r-1']);
  });

  it('reads again for a call older than a call link lives, or a head start that failed', async () => {
    const stale = pops({ '07700 900123': ['r-1'] });
    stale.service.ring('07700 900123');
    stale.later(POP_KEPT_MS + 1);
    await stale.service.take('07700 900123', 'officer-1');
    expect(stale.reads).toEqual(['r-1', 'r-1']);

    const failed = pops({ '07700 900123': ['r-1'] }, { failFirstRead: true });
    failed.service.ring('07700 900123');
    expect(await failed.service.take('07700 900123', 'officer-1')).toEqual({ residentId: 'r-1', read: 'record of r-1' });
    expect(failed.reads).toEqual(['r-1', 'r-1']);
  });
});

describe('the ways a caller’s number is looked for', () => {
  it('includes the stored national forms of a mobile, a London number and an international one', () => {
    expect(phoneForms('+447700900123')).toEqual(expect.arrayContaining(['+447700900123', '07700900123', '07700 900123']));
    expect(phoneForms('02079460123')).toEqual(expect.arrayContaining(['020 7946 0123', '+442079460123']));
    expect(phoneForms('0161 496 0123')).toEqual(expect.arrayContaining(['0161 496 0123', '01614960123']));
  });
});

/** Through the real router of a training core and its Dataverse stand-in, as the page asks. */
describe('a call popping the caller’s record', () => {
  let core: Core;
  const call = <T>(name: string, input: unknown) => core.router.dispatch(name, input, { transport: 'loopback' }) as Promise<Outcome<T>>;
  const value = async <T>(name: string, input: unknown): Promise<T> => {
    const outcome = await call<T>(name, input);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };

  beforeAll(() => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: { info: () => undefined, warn: () => undefined, error: () => undefined }, resourcesDir: 'resources', training: { residents: 120 } });
  });
  afterAll(async () => {
    await core.close();
  });

  const ring = () => value<{ link: DeepLink; card: CallerCard }>('training.simulateCall', {});

  it('opens the one resident with the number, masked until the identity check, and audits the open', async () => {
    let rung = await ring();
    while (rung.card.sharedNumber) rung = await ring();
    const number = rung.card.callerNumber;
    const { view } = await value<{ view: ResidentView | null }>('residents.openCaller', { callerNumber: number });
    expect(view?.name).toBe(rung.card.name);
    expect(view?.identity.status).toBe('not-done');
    expect(view?.record).toBeNull();
    // The same open as any other: its id works for the identity check, and a team leader sees it in the audit.
    expect(await call('residents.checkIdentity', { accessId: view?.accessId, answers: { name: 'Someone Else' } })).toMatchObject({ ok: true });
    const session = await value<SessionInfo>('session.get', {});
    const leader = session.trainingStaff.find((each) => each.role === 'team-leader');
    if (!leader) throw new Error('no team leader in training');
    await value('session.actAsTrainingUser', { staffId: leader.id });
    const accesses = await value<{ reason: string; staffId: string }[]>('audit.accesses', { residentId: view?.residentId });
    expect(accesses).toContainEqual(expect.objectContaining({ reason: 'call', staffId: session.user?.id }));
  });

  it('opens nobody for a number several residents share: the page lists them instead', async () => {
    let rung = await ring();
    while (!rung.card.sharedNumber) rung = await ring();
    expect(await value('residents.openCaller', { callerNumber: rung.card.callerNumber })).toEqual({ view: null });
  });

  it('refuses a caller number that is not a phone number', async () => {
    expect(await call('residents.openCaller', { callerNumber: "'; drop table contacts" })).toMatchObject({ ok: false });
  });
});
