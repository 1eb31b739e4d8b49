import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../../shared/domain/case-draft';
import { CASE_PROBLEM_MESSAGES, caseProblemMessage, isUkPostcode, validateCaseDraft } from '../../../shared/domain/case-validation';
import enGB from '../../../renderer/i18n/en-GB.json';

const complete: CaseDraft = {
  id: '7d1a3c55-8f0e-4b53-9a59-8a2a7f6b1c11',
  staffId: 'staff-1',
  interactionId: null,
  residentId: '0b0a9c1e-1d52-4c1b-8b8d-0f6b3e0d6a2a',
  residentName: 'Adaeze Okafor',
  anonymous: false,
  service: 'waste',
  category: 'missed-bin',
  priority: 'routine',
  serviceStandard: 'missed-bin',
  receivedOn: '2025-03-03',
  dueOn: '2025-03-05',
  summary: 'Bin not collected at 12 Peckham Road',
  description: 'Grey bin left out since Monday.',
  location: '12 Peckham Road',
  postcode: 'SE5 8UB',
  contactPreference: 'email',
  fields: [],
  attachmentIds: [],
  source: null,
  focus: null,
  status: 'draft',
  createdAt: '2025-03-03T09:00:00.000Z',
  updatedAt: '2025-03-03T09:00:00.000Z',
};

const fieldsOf = (draft: CaseDraft) => validateCaseDraft(draft).map((problem) => problem.field);

describe('checking a case draft before it is sent', () => {
  it('finds nothing wrong with a complete case', () => {
    expect(validateCaseDraft(complete)).toEqual([]);
  });

  it('names every missing field, in the order of the form, saying how to fix it', () => {
    const empty: CaseDraft = { ...complete, residentId: null, residentName: null, service: '', category: '', summary: '', description: '', location: '', postcode: '', contactPreference: '' };
    const problems = validateCaseDraft(empty);
    expect(problems.map((each) => each.field)).toEqual(['service', 'category', 'summary', 'description', 'contactPreference', 'anonymous']);
    expect(problems.find((each) => each.field === 'summary')?.message).toBe('Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’');
    expect(problems.find((each) => each.field === 'anonymous')?.message).toMatch(/Anonymous report/);
  });

  it('never changes the draft it checks', () => {
    const wrong = { ...complete, postcode: 'not a postcode', summary: 'x'.repeat(250) };
    const copy = structuredClone(wrong);
    validateCaseDraft(wrong);
    expect(wrong).toEqual(copy);
  });

  it('wants a category that belongs to the chosen service', () => {
    expect(validateCaseDraft({ ...complete, category: 'council-tax' })).toEqual([
      expect.objectContaining({ field: 'category', code: 'category-not-in-service' }),
    ]);
    expect(fieldsOf({ ...complete, category: 'made-up' })).toEqual(['category']);
  });

  it('limits the summary to 200 characters and says by how much it is over', () => {
    expect(fieldsOf({ ...complete, summary: 'x'.repeat(200) })).toEqual([]);
    const [problem] = validateCaseDraft({ ...complete, summary: 'x'.repeat(203) });
    expect(problem).toMatchObject({ field: 'summary', code: 'summary-too-long', values: { limit: 200, over: 3 } });
    expect(problem?.message).toBe('Summary must be 200 characters or fewer: shorten it by 3 and put the detail in the description');
  });

  it('needs a place for cases about a place, where a postcode alone will do', () => {
    expect(fieldsOf({ ...complete, location: '', postcode: '' })).toEqual(['location']);
    expect(fieldsOf({ ...complete, location: '', postcode: 'SE1 2QH' })).toEqual([]);
    expect(fieldsOf({ ...complete, location: 'Outside the library, by the bus stop', postcode: '' })).toEqual([]);
    // A council tax enquiry is about the person, not a place.
    expect(fieldsOf({ ...complete, service: 'council-tax', category: 'council-tax', serviceStandard: 'council-tax-enquiry', location: '', postcode: '' })).toEqual([]);
  });

  it('checks the shape of a UK postcode when one is given', () => {
    for (const good of ['SE15 5EW', 'se155ew', ' SW1A 1AA ', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA']) expect(isUkPostcode(good), good).toBe(true);
    for (const bad of ['SE15', '12345', 'SE15 5E', 'QE15 5EW', 'SE15 5EWW', 'hello']) expect(isUkPostcode(bad), bad).toBe(false);
    expect(validateCaseDraft({ ...complete, postcode: 'SE15' })).toEqual([expect.objectContaining({ field: 'postcode', code: 'postcode-format' })]);
  });

  it('lets an anonymous report go without a resident or a way to reply', () => {
    expect(fieldsOf({ ...complete, residentId: null, residentName: null, anonymous: true, contactPreference: '' })).toEqual([]);
  });

  it('wants a way to hear back unless anonymous', () => {
    expect(fieldsOf({ ...complete, contactPreference: '' })).toEqual(['contactPreference']);
  });

  it('allows at most 20 attachments', () => {
    const ids = Array.from({ length: 22 }, (_, index) => `file-${index}`);
    expect(validateCaseDraft({ ...complete, attachmentIds: ids })).toEqual([expect.objectContaining({ field: 'attachments', values: { limit: 20, over: 2 } })]);
  });

  it('says the same in the staff translation file as here', () => {
    const errors = (enGB as { caseForm: { errors: Record<string, string> } }).caseForm.errors;
    for (const [code, message] of Object.entries(CASE_PROBLEM_MESSAGES)) expect(errors[code], code).toBe(message);
    expect(caseProblemMessage('too-many-attachments', { limit: 20, over: 1 })).toBe('A case can have at most 20 photos and documents: remove 1');
  });
});
