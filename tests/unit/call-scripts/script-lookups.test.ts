import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import type { LookupResult } from '../../../shared/call-scripts/engine';
import type { Outcome } from '../../../shared/contract/outcome';
import type { ResidentView } from '../../../shared/contract/residents';
import { pounds } from '../../../shared/domain/account';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Call scripts' look-ups as training runs them: through the Dataverse adapter and its stand-in,
 * as live mode would, and from the record opened on the contact, so a script and the 360 view
 * give the same figure.
 */
describe('call script look-ups', () => {
  let core: Core;
  const call = <T>(name: string, input: unknown) => core.router.dispatch(name, input, { transport: 'loopback' }) as Promise<Outcome<T>>;
  const lookup = (input: Record<string, unknown>) => call<LookupResult>('scripts.lookup', { accessId: null, postcode: null, service: null, ...input });

  beforeAll(() => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 120 } });
  });
  afterAll(() => core.close());

  it('give the resident’s figures only after the identity check, the same as the 360 view’s', async () => {
    const directory = await call<{ entries: { residentId: string }[] }>('directory.changes', { deltaToken: null, offset: 0 });
    if (!directory.ok) throw new Error('no directory');
    let checked: ResidentView | null = null;
    for (const { residentId } of directory.value.entries) {
      const opened = await call<ResidentView>('residents.open', { residentId, reason: 'call' });
      if (!opened.ok) continue;
      const before = await lookup({ query: 'councilTaxBalance', accessId: opened.value.accessId });
      expect(before).toEqual({ ok: true, value: { available: false } });
      const view = await call<ResidentView>('residents.overrideIdentity', { accessId: opened.value.accessId, reason: 'Known to the officer from this morning' });
      if (view.ok && view.value.record?.councilTaxAccount && view.value.record.cases.some((each) => each.status === 'open')) {
        checked = view.value;
        break;
      }
    }
    if (!checked?.record?.councilTaxAccount) throw new Error('nobody in the training borough with a council tax account and an open case');
    const { record, accessId } = checked;
    const account = record.councilTaxAccount as NonNullable<typeof record.councilTaxAccount>;
    expect(await lookup({ query: 'councilTaxBalance', accessId })).toEqual({ ok: true, value: { available: true, value: `${pounds(account.balancePence)} ${account.balancePence > 0 ? 'owed' : 'in credit'}` } });
    const service = record.cases.find((each) => each.status === 'open')?.service as string;
    const open = record.cases.filter((each) => each.status === 'open' && each.service === service).length;
    expect(await lookup({ query: 'openCasesForService', accessId, service })).toEqual({ ok: true, value: { available: true, value: open } });
  });

  it('give the bin day for a postcode through the back office, and say when there is none', async () => {
    const directory = await call<{ entries: { residentId: string; postcode: string }[] }>('directory.changes', { deltaToken: null, offset: 0 });
    if (!directory.ok) throw new Error('no directory');
    const someone = directory.value.entries.find((entry) => entry.postcode);
    const opened = await call<ResidentView>('residents.open', { residentId: someone?.residentId, reason: 'call' });
    if (!opened.ok) throw new Error('not opened');
    const view = await call<ResidentView>('residents.overrideIdentity', { accessId: opened.value.accessId, reason: 'Known to the officer from this morning' });
    const household = view.ok ? view.value.record?.household : null;
    if (!household) throw new Error('no household');
    expect(await lookup({ query: 'wasteCollectionDay', postcode: household.address.postcode.replace(' ', '').toLowerCase() })).toEqual({ ok: true, value: { available: true, value: household.wasteCollection.day } });
    expect(await lookup({ query: 'wasteCollectionDay', postcode: 'ZZ9 9ZZ' })).toEqual({ ok: true, value: { available: false } });
  });

  it('refuse an open that has ended', async () => {
    expect(await lookup({ query: 'councilTaxBalance', accessId: 'not-an-open' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer open/) } });
  });
});
