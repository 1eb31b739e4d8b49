import { describe, expect, it } from 'vitest';
import { canListAccesses, flagsForRole } from '../../../shared/domain/flag-visibility';
import { checkIdentity, IDENTITY_QUESTIONS } from '../../../shared/domain/identity-check';
import type { ResidentFlag } from '../../../shared/domain/flag';
import type { Household, Resident } from '../../../shared/domain/resident';

const resident = { givenName: 'José', familyName: 'García-López', dateOfBirth: '1985-03-12' } as Resident;
const household = { address: { line1: "Flat 12, O'Leary Court", postcode: 'SE15 4AB', town: 'London', streetName: "O'Leary Court" } } as Household;

describe('the identity check', () => {
  it('matches forgivingly: case, accents, punctuation, spacing, day-first dates', () => {
    const results = checkIdentity(IDENTITY_QUESTIONS, { name: 'jose garcia lopez', dateOfBirth: '12-3-1985', addressLine1: 'flat 12 oleary court', postcode: 'se154ab' }, resident, household);
    expect(results).toEqual([
      { question: 'name', matched: true },
      { question: 'dateOfBirth', matched: true },
      { question: 'addressLine1', matched: true },
      { question: 'postcode', matched: true },
    ]);
    // Strict on the words themselves: a different flat does not match.
    expect(checkIdentity(['addressLine1'], { addressLine1: "Flat 21, O'Leary Court" }, resident, household)).toEqual([{ question: 'addressLine1', matched: false }]);
  });

  it('never matches a blank answer, or an American-style date', () => {
    expect(checkIdentity(['name', 'dateOfBirth'], { name: '  ', dateOfBirth: '03/12/1985' }, resident, household).map((each) => each.matched)).toEqual([false, false]);
  });
});

describe('flags by role', () => {
  const flags = [
    { id: 'f1', kind: 'vulnerability', type: 'mobility' },
    { id: 'f2', kind: 'staff-safety', marker: 'dangerous-dog' },
  ] as ResidentFlag[];

  it('shows vulnerability flags to everyone and staff-safety markers only to leaders and service-point officers', () => {
    expect(flagsForRole(flags, 'agent')).toEqual({ visible: [flags[0]], hiddenStaffSafety: 1 });
    expect(flagsForRole(flags, 'service-point-officer').hiddenStaffSafety).toBe(0);
    expect(flagsForRole(flags, 'team-leader').visible).toHaveLength(2);
    expect(flagsForRole(flags, null).hiddenStaffSafety).toBe(1);
  });

  it('lets only team leaders list who opened a record', () => {
    expect([canListAccesses('team-leader'), canListAccesses('agent'), canListAccesses('service-point-officer'), canListAccesses(null)]).toEqual([true, false, false, false]);
  });
});
