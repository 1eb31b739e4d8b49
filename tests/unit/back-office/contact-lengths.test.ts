import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactSubmission } from '../../../shared/contract/contacts';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import type { Column, TableDefinition } from '../../../main/core/training/dataverse/schema';
import { alteredTenant } from './altered-tenant';
import { contactFor } from './fixture';

/**
 * A call's or visit's notes, and a sent case's changed description, longer than the tenant's
 * columns: the lengths come from the tenant's table definitions and what does not fit goes
 * into a note on the same record in the same change set, never refused, exactly once.
 */
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const officer = { staffId: 'stf-001', team: 'Contact Centre – Blue', trueResolutionDays: 7 };
const words = (length: number) => Array.from({ length }, (_, index) => 'abcdefghij '[index % 11]).join('');
const memo = (maxLength: number): Column => ({ type: 'text', maxLength, memo: true });

/** The tenant's activity tables with description and cd_outcomesummary this long. */
const shorterContactColumns = (notes: number, outcomeSummary: number) => (definitions: TableDefinition[]) =>
  definitions.map((each) => (['phonecall', 'cd_facetoface', 'email'].includes(each.logicalName) ? { ...each, columns: { ...each.columns, description: memo(notes), cd_outcomesummary: memo(outcomeSummary) } } : each));

async function tenant(tables?: (definitions: TableDefinition[]) => TableDefinition[]) {
  const { standIn, backOffice, warnings, close } = await alteredTenant(tables);
  closers.push(close);
  const notesOn = (id: string) => standIn.rows('annotations').filter((row) => row._objectid_value === id.toLowerCase());
  const activity = (entitySet: string, id: string) => standIn.rows(entitySet).filter((row) => String(row.activityid) === id.toLowerCase());
  return { standIn, backOffice, warnings, notesOn, activity };
}

/** The column's text without the marker, followed by the note's: what a person reading both would put together. */
const joined = (column: unknown, note: Record<string, unknown> | undefined) => `${String(column).slice(0, String(column).lastIndexOf('\n(continued'))}${String(note?.notetext)}`;

describe('a contact whose notes are longer than the tenant’s columns', () => {
  it('is recorded whole: the call’s description and outcome summary are filled to the tenant’s lengths and the rest is in notes on the call', async () => {
    const { backOffice, notesOn, activity } = await tenant(shorterContactColumns(500, 300));
    const call = contactFor({ notes: words(1800), outcomeSummary: words(700) });
    expect(await backOffice.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
    const [row] = activity('phonecalls', call.id);
    expect(row).toMatchObject({ statecode: 1, statuscode: 4 });
    expect(String(row?.description)).toHaveLength(500);
    expect(String(row?.description).endsWith('(continued in the note ‘Call notes, continued’)')).toBe(true);
    expect(String(row?.cd_outcomesummary)).toHaveLength(300);
    const notes = notesOn(call.id);
    expect(notes.map((note) => note.subject).sort()).toEqual(['Call notes, continued', 'Outcome summary, continued']);
    expect(joined(row?.description, notes.find((note) => note.subject === 'Call notes, continued'))).toBe(call.notes);
    expect(joined(row?.cd_outcomesummary, notes.find((note) => note.subject === 'Outcome summary, continued'))).toBe(call.outcomeSummary);
  });

  it('does the same for a visit, on the council’s face-to-face activity', async () => {
    const { backOffice, notesOn, activity } = await tenant(shorterContactColumns(400, 400));
    const visit = contactFor({ channel: 'face-to-face', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null, notes: words(900) });
    expect(await backOffice.saveContacts([visit], officer)).toEqual([{ id: visit.id, result: 'saved' }]);
    const [row] = activity('cd_facetofaces', visit.id);
    const notes = notesOn(visit.id);
    expect(notes.map((note) => note.subject)).toEqual(['Visit notes, continued']);
    expect(joined(row?.description, notes[0])).toBe(visit.notes);
    // The outcome summary fitted: all in its column.
    expect(row?.cd_outcomesummary).toBe(visit.outcomeSummary);
  });

  it('does the same for an email from the contact mailbox, on Dataverse’s email activity', async () => {
    const { backOffice, notesOn, activity } = await tenant(shorterContactColumns(400, 400));
    const email = contactFor({ channel: 'email', emailId: 'AAMkAGI2TG93AAA=', emailFrom: 'a.resident@example.com', emailSubject: 'Missed bin', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null, notes: words(900) });
    expect(await backOffice.saveContacts([email], officer)).toEqual([{ id: email.id, result: 'saved' }]);
    const [row] = activity('emails', email.id);
    expect(row).toMatchObject({ statecode: 1, statuscode: 4 });
    const notes = notesOn(email.id);
    expect(notes.map((note) => note.subject)).toEqual(['Email notes, continued']);
    expect(joined(row?.description, notes[0])).toBe(email.notes);
  });

  it('writes no note when everything fits, and reads each table’s lengths once', async () => {
    const { standIn, backOffice, notesOn, activity } = await tenant(shorterContactColumns(500, 300));
    const calls = [contactFor({ notes: words(500) }), contactFor({ notes: words(20) })];
    await backOffice.saveContacts([calls[0] as ContactSubmission], officer);
    await backOffice.saveContacts([calls[1] as ContactSubmission], officer);
    for (const call of calls) {
      expect(activity('phonecalls', call.id)[0]?.description).toBe(call.notes);
      expect(notesOn(call.id)).toEqual([]);
    }
    const reads = standIn.requests().filter((request) => request.target.includes("EntityDefinitions(LogicalName='phonecall')"));
    expect(reads).toHaveLength(2);
  });

  it('falls back to Dataverse’s 2,000, and says so in the log, when the tenant’s definitions cannot be read', async () => {
    const { standIn, backOffice, warnings, notesOn, activity } = await tenant();
    // The first two requests are the table definition's two reads; a refusal is not asked again.
    standIn.faults.failNext(2, { status: 403 });
    const call = contactFor({ notes: words(2600) });
    expect(await backOffice.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
    expect(warnings).toContain('phonecall column lengths could not be read from the tenant; using Dataverse defaults');
    expect(String(activity('phonecalls', call.id)[0]?.description)).toHaveLength(2000);
    expect(joined(activity('phonecalls', call.id)[0]?.description, notesOn(call.id)[0])).toBe(call.notes);
  });

  it('is recorded exactly once, with one note, when the answer to the first send is lost after it was applied', async () => {
    const { standIn, backOffice, notesOn, activity } = await tenant(shorterContactColumns(500, 300));
    // The lengths are read first, so the fault falls on the contact's own write.
    await backOffice.saveContacts([contactFor()], officer);
    const call = contactFor({ notes: words(1600) });
    standIn.faults.failNext(1, { connection: 'accept-then-fail' });
    const first = await backOffice.saveContacts([call], officer);
    expect(first[0]?.result).toBe('retry');
    expect(await backOffice.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
    expect(await backOffice.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
    expect(activity('phonecalls', call.id)).toHaveLength(1);
    expect(notesOn(call.id)).toHaveLength(1);
    expect(joined(activity('phonecalls', call.id)[0]?.description, notesOn(call.id)[0])).toBe(call.notes);
  });

  it('keeps one note with the latest words when a call made at its start is brought up to date at wrap-up', async () => {
    const { backOffice, notesOn, activity } = await tenant(shorterContactColumns(500, 300));
    const started = contactFor({ state: 'in-progress', endedAt: null, disposition: null, outcomes: [], notes: words(900) });
    await backOffice.saveContacts([started], officer);
    expect(notesOn(started.id)).toHaveLength(1);
    const ended = contactFor({ id: started.id, notes: `${words(900)} and then the resident asked about a second bin.` });
    expect(await backOffice.saveContacts([ended], officer)).toEqual([{ id: started.id, result: 'saved' }]);
    expect(activity('phonecalls', started.id)).toEqual([expect.objectContaining({ statecode: 1 })]);
    expect(notesOn(started.id)).toHaveLength(1);
    expect(joined(activity('phonecalls', started.id)[0]?.description, notesOn(started.id)[0])).toBe(ended.notes);
  });
});

describe('a sent case whose description is changed to more than the tenant’s column holds', () => {
  /** A tenant whose case description holds 500 characters, and a case already sent to it. */
  const sentCaseWithShortDescription = async () => {
    const made = await tenant((definitions) => definitions.map((each) => (each.logicalName === 'incident' ? { ...each, columns: { ...each.columns, description: memo(500) } } : each)));
    const id = randomUUID();
    const sent = await made.backOffice.submitCases(
      [{ id, residentId: rowIdFor('res-000001'), anonymous: false, service: 'waste', category: 'missed-bin', priority: 'routine', serviceStandard: 'missed-bin-2wd', summary: 'Bin not collected', description: 'Grey bin missed.', location: '12 Peckham Road', postcode: 'SE5 8UH', contactPreference: 'phone', receivedOn: '2024-02-01', dueOn: '2024-02-05', capturedAt: '2024-02-01T10:15:30.000Z', fields: [], attachments: [] }],
      { staffId: 'stf-001' },
    );
    return { ...made, id, sent };
  };

  it('is changed whole: the column to its length and the rest in the case’s note, one note however often it is changed', async () => {
    const { standIn, backOffice, notesOn, id, sent } = await sentCaseWithShortDescription();
    expect(sent[0]?.result).toBe('created');
    const incident = () => standIn.rows('incidents').find((row) => row.incidentid === id);
    const longer = words(1200);
    const first = await backOffice.updateCase({ id, etag: null, changes: { description: longer } });
    expect(first.result).toBe('updated');
    expect(String(incident()?.description)).toHaveLength(500);
    expect(notesOn(id).map((note) => note.subject)).toEqual(['Case description, continued']);
    expect(joined(incident()?.description, notesOn(id)[0])).toBe(longer);
    const again = `${longer} The resident rang back: the brown bin was missed too.`;
    expect((await backOffice.updateCase({ id, etag: null, changes: { description: again } })).result).toBe('updated');
    expect(notesOn(id)).toHaveLength(1);
    expect(joined(incident()?.description, notesOn(id)[0])).toBe(again);
  });

  it('still meets a colleague’s change: the stale version is refused with the case as it is now, and no note is written', async () => {
    const { standIn, backOffice, notesOn, id, sent } = await sentCaseWithShortDescription();
    const etag = sent[0]?.result === 'created' ? sent[0].etag : null;
    expect(etag).not.toBeNull();
    expect((await backOffice.updateCase({ id, etag: null, changes: { location: '14 Peckham Road' } })).result).toBe('updated');
    const stale = await backOffice.updateCase({ id, etag, changes: { description: words(1200) } });
    expect(stale).toMatchObject({ result: 'conflict', theirs: { location: '14 Peckham Road', description: 'Grey bin missed.' } });
    expect(notesOn(id)).toEqual([]);
    expect(standIn.rows('incidents').find((row) => row.incidentid === id)?.description).toBe('Grey bin missed.');
  });
});
