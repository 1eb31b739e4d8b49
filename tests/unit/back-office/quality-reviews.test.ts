import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../shared/domain/staff';
import { criteriaOf, type QualityForm } from '../../../shared/quality/quality-form';
import type { QualityAnswer } from '../../../shared/quality/score';
import { loadQualityForm } from '../../../main/core/quality/quality-form-file';
import { createQualityService } from '../../../main/core/quality/quality-service';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { contactFor, startHarness, type Harness } from './fixture';

/** Quality reviews saved in Dataverse's cd_qualityreview through the live adapter, scored in main. */
let harness: Harness;
let form: QualityForm;
beforeAll(async () => {
  harness = await startHarness();
  const loaded = await loadQualityForm(path.resolve(import.meta.dirname, '../../../resources'));
  if (!loaded.form) throw new Error(loaded.problems.join('; '));
  form = loaded.form;
});
afterAll(() => harness.close());

const leader: StaffUser = { id: 'stf-001', displayName: 'Tom Leader', email: 'tom@example.org', role: 'team-leader', team: 'Contact Centre – Blue' };
const agent: StaffUser = { id: 'stf-002', displayName: 'Ada Agent', email: 'ada@example.org', role: 'agent', team: 'Contact Centre – Blue' };
const other: StaffUser = { ...agent, id: 'stf-003', displayName: 'Bo Other' };

const serviceFor = (user: StaffUser) => createQualityService({ office: () => Promise.resolve(harness.backOffice()), user: () => user, now: () => new Date('2026-12-03T10:00:00Z'), form: () => Promise.resolve(form) });
const allYes = () => Object.fromEntries(criteriaOf(form).map((criterion) => [criterion.id, 'yes' as QualityAnswer]));

async function recordedCall(staffId = agent.id, state: 'completed' | 'in-progress' = 'completed') {
  const call = contactFor({ staffId, state, answeredAt: '2026-11-20T10:10:00.000Z', offeredAt: '2026-11-20T10:09:00.000Z', endedAt: '2026-11-20T10:16:00.000Z' });
  await harness.backOffice().saveContacts([call], { staffId, team: 'Contact Centre – Blue', trueResolutionDays: 7 });
  return call;
}

describe('quality reviews', () => {
  it('saves a review scored from the council’s form, on the contact’s day, team and officer, and the officer reads and acknowledges it', async () => {
    const call = await recordedCall();
    const critical = criteriaOf(form).find((criterion) => criterion.critical);
    if (!critical) throw new Error('The form has no critical criterion.');
    // All yes but one critical no: a high score that still fails.
    const saved = await serviceFor(leader).save({ contactId: call.id, channel: 'phone', answers: { ...allYes(), [critical.id]: 'no' }, comments: 'Ask the identity questions first.' });
    expect(saved).toMatchObject({ id: call.id.toLowerCase(), staffId: agent.id, team: 'Contact Centre – Blue', queue: 'Waste and recycling', contactDay: '2026-11-20', reviewedBy: leader.id, reviewerName: 'Tom Leader', formVersion: form.version, passed: false, criticalFail: true, acknowledgedAt: null });
    expect(saved.score).toBeGreaterThanOrEqual(form.passMark);
    const [row] = harness.standIn.rows('cd_qualityreviews').filter((each) => each.cd_qualityreviewid === call.id.toLowerCase());
    expect(row).toMatchObject({ _cd_phonecallid_value: call.id.toLowerCase(), cd_passed: false, cd_score: saved.score });
    // Given to the officer reviewed (the call's owner), not left with the reviewer Dataverse would make its owner.
    const [recorded] = harness.standIn.rows('phonecalls').filter((each) => each.activityid === call.id.toLowerCase());
    expect(row?._ownerid_value).toBe(recorded?._ownerid_value);
    expect(row?._ownerid_value).not.toBe(rowIdFor(leader.id));

    expect((await serviceFor(agent).mine()).map((each) => each.id)).toContain(call.id.toLowerCase());
    await expect(serviceFor(other).acknowledge(call.id)).rejects.toThrow(/not one of yours/);
    const acknowledged = await serviceFor(agent).acknowledge(call.id);
    expect(acknowledged.acknowledgedAt).toBe('2026-12-03T10:00:00.000Z');

    // Reviewed again: the same review changes, and is acknowledged afresh.
    const again = await serviceFor(leader).save({ contactId: call.id, channel: 'phone', answers: allYes(), comments: '' });
    expect(again).toMatchObject({ id: call.id.toLowerCase(), passed: true, score: 100, acknowledgedAt: null });
    expect(harness.standIn.rows('cd_qualityreviews').filter((each) => each.cd_qualityreviewid === call.id.toLowerCase())).toHaveLength(1);
  });

  it('refuses an incomplete review, a contact still going on, a team leader’s own contact, and anyone but a team leader', async () => {
    const call = await recordedCall();
    const [first] = criteriaOf(form);
    const { [first?.id ?? '']: _left, ...most } = allYes();
    await expect(serviceFor(leader).save({ contactId: call.id, channel: 'phone', answers: most, comments: '' })).rejects.toThrow(/1 still to answer/);
    const going = await recordedCall(agent.id, 'in-progress');
    await expect(serviceFor(leader).save({ contactId: going.id, channel: 'phone', answers: allYes(), comments: '' })).rejects.toThrow(/still going on/);
    const own = await recordedCall(leader.id);
    await expect(serviceFor(leader).save({ contactId: own.id, channel: 'phone', answers: allYes(), comments: '' })).rejects.toThrow(/your own contact/);
    await expect(serviceFor(agent).save({ contactId: call.id, channel: 'phone', answers: allYes(), comments: '' })).rejects.toThrow(/only team leaders/i);
    expect(harness.standIn.rows('cd_qualityreviews').filter((each) => [call.id, going.id, own.id].map((id) => id.toLowerCase()).includes(String(each.cd_qualityreviewid)))).toEqual([]);
  });

  it('samples up to five of an officer’s contacts in a month that nobody has reviewed', async () => {
    const officer = 'stf-007';
    const calls = [];
    for (let index = 0; index < 8; index += 1) calls.push(await recordedCall(officer));
    await serviceFor(leader).save({ contactId: calls[0]?.id ?? '', channel: 'phone', answers: allYes(), comments: '' });
    const sample = await serviceFor(leader).sample(officer, '2026-11');
    expect(sample).toHaveLength(4);
    expect(sample.map((each) => each.id)).not.toContain(calls[0]?.id.toLowerCase());
    expect(sample.every((each) => each.staffId === officer)).toBe(true);
    expect(await serviceFor(leader).sample(officer, '2026-10')).toEqual([]);
  });
});
