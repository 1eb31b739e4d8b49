import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSubmission } from '../../../shared/contract/cases';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import type { TableDefinition } from '../../../main/core/training/dataverse/schema';
import { alteredTenant } from './altered-tenant';

/**
 * Text longer than the tenant's case columns: the lengths come from the tenant's own table
 * definitions, and what does not fit goes into a note in the same change set, never refused.
 */
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function tenant(tables?: (definitions: TableDefinition[]) => TableDefinition[]) {
  const { standIn, backOffice, warnings, close } = await alteredTenant(tables);
  closers.push(close);
  const notesOf = (caseId: string) => standIn.rows('annotations').filter((row) => row._objectid_value === caseId.toLowerCase() && row.isdocument === false);
  const incident = (caseId: string) => standIn.rows('incidents').find((row) => row.incidentid === caseId.toLowerCase());
  return { standIn, backOffice, warnings, notesOf, incident };
}

function aCase(overrides: Partial<CaseSubmission> = {}): CaseSubmission {
  return {
    id: randomUUID(),
    residentId: rowIdFor('res-000001'),
    anonymous: false,
    service: 'waste',
    category: 'missed-bin',
    priority: 'routine',
    serviceStandard: 'missed-bin-2wd',
    summary: 'Bin not collected',
    description: 'Grey bin missed on Tuesday.',
    location: '12 Peckham Road',
    postcode: 'SE5 8UH',
    contactPreference: 'phone',
    receivedOn: '2024-02-01',
    dueOn: '2024-02-05',
    capturedAt: '2024-02-01T10:15:30.000Z',
    fields: [],
    attachments: [],
    ...overrides,
  };
}

const words = (length: number) => Array.from({ length }, (_, index) => 'abcdefghij '[index % 11]).join('');

describe('a case longer than the tenant’s columns', () => {
  it('is sent whole: incident.description (2,000 by default) holds the first part and names the note that holds the rest', async () => {
    const { backOffice, notesOf, incident } = await tenant();
    const long = aCase({ description: words(10_000) });
    const fits = aCase({ description: words(2000) });
    const results = await backOffice.submitCases([long, fits], { staffId: 'stf-001' });
    expect(results.map((each) => each.result)).toEqual(['created', 'created']);
    const description = String(incident(long.id)?.description);
    expect(description).toHaveLength(2000);
    expect(description.endsWith('(continued in the note ‘Case description, continued’)')).toBe(true);
    const [note] = notesOf(long.id);
    expect(note).toMatchObject({ subject: 'Case description, continued' });
    expect(`${description.slice(0, description.lastIndexOf('\n(continued'))}${String(note?.notetext)}`).toBe(long.description);
    // Exactly at the length: all in the column, no note.
    expect(incident(fits.id)?.description).toBe(fits.description);
    expect(notesOf(fits.id)).toHaveLength(0);
  });

  it('reads the lengths from the tenant’s table definitions, once, so a shorter column is filled to it', async () => {
    const { standIn, backOffice, notesOf, incident } = await tenant((definitions) =>
      definitions.map((each) => (each.logicalName === 'incident' ? { ...each, columns: { ...each.columns, title: { type: 'text', maxLength: 120 }, description: { type: 'text', maxLength: 500, memo: true } } } : each)),
    );
    const first = aCase({ summary: words(200), description: words(600) });
    const second = aCase({ description: words(501) });
    await backOffice.submitCases([first], { staffId: 'stf-001' });
    await backOffice.submitCases([second], { staffId: 'stf-001' });
    expect(String(incident(first.id)?.title)).toHaveLength(120);
    expect(String(incident(first.id)?.description)).toHaveLength(500);
    expect(notesOf(first.id).map((note) => note.subject).sort()).toEqual(['Case description, continued', 'Case summary, continued']);
    expect(String(incident(second.id)?.description)).toHaveLength(500);
    const definitionReads = standIn.requests().filter((request) => request.target.includes('EntityDefinitions'));
    expect(definitionReads).toHaveLength(2);
  });

  it('falls back to Dataverse’s defaults, and says so in the log, when the tenant’s definitions cannot be read', async () => {
    const { backOffice, warnings, incident, notesOf } = await tenant((definitions) => definitions.map((each) => (each.logicalName === 'incident' ? { ...each, logicalName: 'cd_notincident' } : each)));
    const long = aCase({ description: words(3000) });
    expect((await backOffice.submitCases([long], { staffId: 'stf-001' }))[0]?.result).toBe('created');
    expect(String(incident(long.id)?.description)).toHaveLength(2000);
    expect(notesOf(long.id)).toHaveLength(1);
    expect(warnings).toContain('column lengths could not be read from the tenant; using Dataverse defaults');
  });
});
