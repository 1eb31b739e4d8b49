import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES } from '../../../shared/domain/case';
import { CONTACT_CHANNELS } from '../../../shared/domain/contact';
import { STAFF_ROLES } from '../../../shared/domain/staff';
import { generateTrainingData } from '../../../main/core/training/generator';

const share = (part: number, whole: number): number => part / whole;

describe.each([20201, 4242])('distribution sanity, seed %i (2,000 residents)', (seed) => {
  const dataset = generateTrainingData({ seed, residents: 2_000 });
  const { residents } = dataset;
  const n = residents.length;

  it('has English as the large majority and many other languages', () => {
    const counts = new Map<string, number>();
    for (const r of residents) counts.set(r.language.preferred, (counts.get(r.language.preferred) ?? 0) + 1);
    expect(share(counts.get('en') ?? 0, n)).toBeGreaterThan(0.7);
    expect(share(counts.get('en') ?? 0, n)).toBeLessThan(0.9);
    expect(counts.size).toBeGreaterThanOrEqual(25);
    // Spanish is the most common language after English in the borough (about 4.4%).
    const [, second] = [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(second).toBe('es');
    expect(share(counts.get('es') ?? 0, n)).toBeGreaterThan(0.02);
  });

  it('asks for interpreters only for languages other than English, and for some of them', () => {
    const needing = residents.filter((r) => r.language.interpreterNeeded);
    expect(needing.length).toBeGreaterThan(0);
    for (const r of needing) expect(r.language.preferred).not.toBe('en');
    const otherLanguages = residents.filter((r) => r.language.preferred !== 'en');
    expect(share(needing.length, otherLanguages.length)).toBeGreaterThan(0.15);
    expect(share(needing.length, otherLanguages.length)).toBeLessThan(0.8);
  });

  it('has surnames that search must cope with', () => {
    const surnames = residents.map((r) => r.familyName);
    expect(surnames.filter((s) => /\p{L}-\p{L}/u.test(s)).length).toBeGreaterThan(10);
    expect(surnames.filter((s) => s.includes(' ')).length).toBeGreaterThan(10);
    expect(surnames.some((s) => s.includes("'"))).toBe(true);
    expect(surnames.some((s) => /^(de|da|dos|di|de la|ap|Ní|Ó|Mac|Nic) /.test(s))).toBe(true);
  });

  it('has given and family names with accents, stored in NFC', () => {
    const names = residents.flatMap((r) => [r.givenName, r.familyName]);
    const accented = names.filter((name) => /[^\p{ASCII}]/u.test(name));
    expect(accented.length).toBeGreaterThan(30);
    for (const name of accented) expect(name).toBe(name.normalize('NFC'));
  });

  it('spreads ages from 16 to 100 with about 9% aged 65 or over', () => {
    const asOfYear = Number(dataset.generatedAt.slice(0, 4));
    const ages = residents.map((r) => asOfYear - Number(r.dateOfBirth.slice(0, 4)));
    expect(share(ages.filter((a) => a >= 66).length, n)).toBeGreaterThan(0.05);
    expect(share(ages.filter((a) => a >= 65).length, n)).toBeLessThan(0.14);
    expect(ages.some((a) => a <= 25)).toBe(true);
    expect(ages.some((a) => a >= 85)).toBe(true);
  });

  it('has about 35% of households renting from the council', () => {
    const renting = dataset.households.filter((h) => h.tenure === 'council-tenant' || h.tenure === 'temporary-accommodation');
    expect(share(renting.length, dataset.households.length)).toBeGreaterThan(0.28);
    expect(share(renting.length, dataset.households.length)).toBeLessThan(0.42);
  });

  it('has some council tax and rent arrears, and some accounts in credit', () => {
    expect(dataset.councilTaxAccounts.some((a) => a.balancePence > 0 && a.recoveryStage !== 'none')).toBe(true);
    expect(dataset.councilTaxAccounts.some((a) => a.balancePence < 0)).toBe(true);
    expect(dataset.councilTaxAccounts.some((a) => a.discounts.includes('single-person'))).toBe(true);
    expect(dataset.rentAccounts.some((a) => a.balancePence > 0)).toBe(true);
  });

  it('flags about 6% of residents as vulnerable and a few with staff-safety markers', () => {
    const vulnerable = new Set(dataset.flags.filter((f) => f.kind === 'vulnerability').map((f) => f.residentId));
    const safety = new Set(dataset.flags.filter((f) => f.kind === 'staff-safety').map((f) => f.residentId));
    expect(share(vulnerable.size, n)).toBeGreaterThan(0.04);
    expect(share(vulnerable.size, n)).toBeLessThan(0.09);
    expect(safety.size).toBeGreaterThan(0);
    expect(share(safety.size, n)).toBeLessThan(0.015);
    const asOf = dataset.generatedAt.slice(0, 10);
    expect(dataset.flags.some((f) => f.reviewOn < asOf)).toBe(true);
    expect(dataset.flags.some((f) => f.reviewOn >= asOf)).toBe(true);
  });

  it('gives about a third of residents a My Southwark account', () => {
    const holders = residents.filter((r) => r.mySouthwark.status !== 'none');
    expect(share(holders.length, n)).toBeGreaterThan(0.25);
    expect(share(holders.length, n)).toBeLessThan(0.42);
    for (const r of holders) expect(r.mySouthwark.registeredOn).toBeDefined();
  });

  it('only prefers a channel the resident can be reached on and has consented to', () => {
    for (const r of residents) {
      const { preferredChannel, emailConsent, smsConsent } = r.preferences;
      if (emailConsent || preferredChannel === 'email') expect(r.contact.email).toBeDefined();
      if (preferredChannel === 'email') expect(emailConsent).toBe(true);
      if (smsConsent || preferredChannel === 'sms') expect(r.contact.phones.some((p) => p.kind === 'mobile')).toBe(true);
      if (preferredChannel === 'sms') expect(smsConsent).toBe(true);
      if (preferredChannel === 'phone') expect(r.contact.phones.length).toBeGreaterThan(0);
    }
    expect(new Set(residents.map((r) => r.preferences.preferredChannel)).size).toBe(4);
  });

  it('covers every case category, open and closed, and every contact channel', () => {
    expect(new Set(dataset.cases.map((c) => c.category))).toEqual(new Set(CASE_CATEGORIES));
    expect(dataset.cases.some((c) => c.status === 'open')).toBe(true);
    expect(dataset.cases.some((c) => c.status === 'closed')).toBe(true);
    expect(dataset.cases.some((c) => c.priority === 'emergency')).toBe(true);
    expect(new Set(dataset.contacts.map((c) => c.channel))).toEqual(new Set(CONTACT_CHANNELS));
    expect(dataset.contacts.some((c) => c.caseId === undefined && c.outcome === 'resolved-first-contact')).toBe(true);
  });

  it('spreads contact history over the last two years', () => {
    const asOf = Date.parse(dataset.generatedAt);
    const ages = dataset.contacts.map((c) => (asOf - Date.parse(c.occurredAt)) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(600);
    expect(Math.max(...ages)).toBeLessThan(740);
    expect(Math.min(...ages)).toBeLessThan(10);
  });

  it('has about 40 staff across the three roles', () => {
    expect(new Set(dataset.staff.map((s) => s.role))).toEqual(new Set(STAFF_ROLES));
    expect(dataset.staff.length).toBe(40);
  });
});
