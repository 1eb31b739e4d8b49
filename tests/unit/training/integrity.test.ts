import { describe, expect, it } from 'vitest';
import { SERVICE_OF_CATEGORY } from '../../../shared/domain/case';
import { generateTrainingData } from '../../../main/core/training/generator';
import { hasValidCheckDigit } from '../../../main/core/training/references';

const dataset = generateTrainingData({ seed: 20201, residents: 2_000 });

function idsOf(rows: readonly { id: string }[]): Set<string> {
  return new Set(rows.map((row) => row.id));
}

describe('training data integrity', () => {
  const residents = idsOf(dataset.residents);
  const households = idsOf(dataset.households);
  const cases = idsOf(dataset.cases);
  const staff = idsOf(dataset.staff);

  it('gives every row a unique id', () => {
    for (const rows of [
      dataset.residents,
      dataset.households,
      dataset.councilTaxAccounts,
      dataset.rentAccounts,
      dataset.parkingPermits,
      dataset.cases,
      dataset.contacts,
      dataset.flags,
      dataset.staff,
    ]) {
      expect(idsOf(rows).size).toBe(rows.length);
    }
  });

  it('resolves every foreign key', () => {
    for (const r of dataset.residents) expect(households.has(r.householdId)).toBe(true);
    for (const h of dataset.households) {
      expect(residents.has(h.leadResidentId)).toBe(true);
      expect(h.residentIds).toContain(h.leadResidentId);
      for (const id of h.residentIds) expect(residents.has(id)).toBe(true);
    }
    for (const a of dataset.councilTaxAccounts) {
      expect(households.has(a.householdId)).toBe(true);
      expect(residents.has(a.liableResidentId)).toBe(true);
    }
    for (const a of dataset.rentAccounts) {
      expect(households.has(a.householdId)).toBe(true);
      expect(residents.has(a.tenantResidentId)).toBe(true);
    }
    for (const p of dataset.parkingPermits) {
      expect(residents.has(p.residentId)).toBe(true);
      expect(households.has(p.householdId)).toBe(true);
    }
    for (const c of dataset.cases) {
      expect(residents.has(c.residentId)).toBe(true);
      expect(households.has(c.householdId)).toBe(true);
      expect(staff.has(c.ownerStaffId)).toBe(true);
      if (c.relatedCaseId !== undefined) expect(cases.has(c.relatedCaseId)).toBe(true);
    }
    for (const c of dataset.contacts) {
      expect(residents.has(c.residentId)).toBe(true);
      expect(staff.has(c.staffId)).toBe(true);
      if (c.caseId !== undefined) expect(cases.has(c.caseId)).toBe(true);
    }
    for (const f of dataset.flags) {
      expect(residents.has(f.residentId)).toBe(true);
      expect(staff.has(f.raisedByStaffId)).toBe(true);
    }
  });

  it('puts each resident in exactly the household that lists them', () => {
    const householdOf = new Map<string, string>();
    for (const h of dataset.households) for (const id of h.residentIds) {
      expect(householdOf.has(id)).toBe(false);
      householdOf.set(id, h.id);
    }
    expect(householdOf.size).toBe(dataset.residents.length);
    for (const r of dataset.residents) expect(householdOf.get(r.id)).toBe(r.householdId);
  });

  it('gives every household its own address and one council tax account', () => {
    const addresses = dataset.households.map((h) => `${h.address.line1}|${h.address.postcode}`);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(new Set(dataset.councilTaxAccounts.map((a) => a.householdId)).size).toBe(dataset.households.length);
  });

  it('gives rent accounts to council tenants and people in temporary accommodation only', () => {
    const tenureOf = new Map(dataset.households.map((h) => [h.id, h.tenure]));
    for (const account of dataset.rentAccounts) {
      expect(['council-tenant', 'temporary-accommodation']).toContain(tenureOf.get(account.householdId));
    }
    const renting = dataset.households.filter((h) => h.tenure === 'council-tenant' || h.tenure === 'temporary-accommodation');
    expect(dataset.rentAccounts).toHaveLength(renting.length);
  });

  it('writes references in the council formats with a valid check digit, never repeated', () => {
    for (const a of dataset.councilTaxAccounts) {
      expect(a.reference).toMatch(/^CT\d{8}$/);
      expect(hasValidCheckDigit(a.reference.slice(2))).toBe(true);
    }
    for (const a of dataset.rentAccounts) {
      expect(a.reference).toMatch(/^RN\d{7}$/);
      expect(hasValidCheckDigit(a.reference.slice(2))).toBe(true);
    }
    for (const rows of [dataset.councilTaxAccounts, dataset.rentAccounts, dataset.cases, dataset.parkingPermits]) {
      expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    }
  });

  it('keeps money in whole pence', () => {
    for (const a of dataset.councilTaxAccounts) {
      expect(Number.isInteger(a.balancePence) && Number.isInteger(a.annualChargePence)).toBe(true);
    }
    for (const a of dataset.rentAccounts) {
      expect([a.balancePence, a.weeklyRentPence, a.weeklyServiceChargePence].every(Number.isInteger)).toBe(true);
    }
  });

  it('keeps case dates consistent with status and service', () => {
    for (const c of dataset.cases) {
      expect(c.service).toBe(SERVICE_OF_CATEGORY[c.category]);
      if (c.status === 'closed') {
        expect(c.closedOn).toBeDefined();
        expect(String(c.closedOn) >= c.openedOn).toBe(true);
      } else {
        expect(c.closedOn).toBeUndefined();
      }
      if (c.dueOn !== undefined) expect(c.dueOn >= c.openedOn).toBe(true);
      if (c.category === 'community-hub') expect(c.dueOn).toBeUndefined();
      else expect(c.dueOn).toBeDefined();
      expect(c.openedOn < dataset.generatedAt.slice(0, 10)).toBe(true);
    }
  });

  it('escalates to stage 2 only from a closed stage 1 complaint of the same resident', () => {
    const byId = new Map(dataset.cases.map((c) => [c.id, c]));
    const stage2 = dataset.cases.filter((c) => c.category === 'complaint-stage-2');
    expect(stage2.length).toBeGreaterThan(0);
    for (const c of stage2) {
      const parent = byId.get(c.relatedCaseId ?? '');
      expect(parent?.category).toBe('complaint-stage-1');
      expect(parent?.status).toBe('closed');
      expect(parent?.residentId).toBe(c.residentId);
      expect(c.openedOn >= String(parent?.openedOn)).toBe(true);
    }
  });

  it('starts each case with a contact on the day it opened, and keeps contacts before generatedAt', () => {
    const firstContact = new Map<string, string>();
    for (const c of dataset.contacts) {
      expect(c.occurredAt < dataset.generatedAt).toBe(true);
      expect(c.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      if (c.caseId !== undefined && !firstContact.has(c.caseId)) firstContact.set(c.caseId, c.occurredAt);
    }
    for (const c of dataset.cases) expect(firstContact.get(c.id)?.slice(0, 10)).toBe(c.openedOn);
  });

  it('has face-to-face contacts handled by service-point officers, as the service points are staffed', () => {
    const roleOf = new Map(dataset.staff.map((s) => [s.id, s.role]));
    const faceToFace = dataset.contacts.filter((c) => c.channel === 'face-to-face');
    expect(faceToFace.length).toBeGreaterThan(0);
    for (const c of faceToFace) expect(roleOf.get(c.staffId)).toBe('service-point-officer');
  });

  it('gives every flag a review date after it was raised', () => {
    for (const f of dataset.flags) expect(f.reviewOn > f.raisedOn).toBe(true);
  });

  it('makes every resident 16 to 100 on the day the data is as of', () => {
    const asOf = dataset.generatedAt.slice(0, 10);
    for (const r of dataset.residents) {
      const [y, m, d] = r.dateOfBirth.split('-').map(Number) as [number, number, number];
      const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
      const age = ay - y - (am < m || (am === m && ad < d) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThanOrEqual(100);
    }
  });
});
