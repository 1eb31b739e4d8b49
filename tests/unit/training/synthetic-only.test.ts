import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';

/**
 * Training data must never reach a real person: Ofcom's drama numbers only, RFC 2606
 * example domains only, and vehicle plates no DVLA series can issue.
 */
const MOBILE = /^07700 900\d{3}$/;
const LONDON = /^020 7946 0\d{3}$/;
const EXAMPLE_EMAIL = /^[a-z0-9.]+@example\.(com|org|net)$/;

describe.each([20201, 77])('synthetic-only rules, seed %i', (seed) => {
  const dataset = generateTrainingData({ seed, residents: 2_000 });

  it('uses only drama-range phone numbers', () => {
    const phones = dataset.residents.flatMap((r) => r.contact.phones);
    expect(phones.length).toBeGreaterThan(1_000);
    for (const phone of phones) {
      expect(phone.number).toMatch(phone.kind === 'mobile' ? MOBILE : LONDON);
    }
    expect(phones.some((p) => p.kind === 'landline')).toBe(true);
  });

  it('uses only example domains for residents and staff', () => {
    const emails = [
      ...dataset.residents.flatMap((r) => (r.contact.email ? [r.contact.email] : [])),
      ...dataset.staff.map((s) => s.email),
    ];
    expect(emails.length).toBeGreaterThan(1_000);
    for (const email of emails) expect(email).toMatch(EXAMPLE_EMAIL);
  });

  it('uses unissuable ZZ vehicle plates', () => {
    expect(dataset.parkingPermits.length).toBeGreaterThan(0);
    for (const permit of dataset.parkingPermits) expect(permit.vehicleRegistration).toMatch(/^ZZ\d\d [A-HJ-PR-Z]{3}$/);
  });

  it('places homes in the borough postcode districts', () => {
    const districts = new Set(['SE1', 'SE5', 'SE11', 'SE15', 'SE16', 'SE17', 'SE19', 'SE21', 'SE22', 'SE24']);
    for (const h of dataset.households) {
      const [outward, inward] = h.address.postcode.split(' ');
      expect(districts.has(outward ?? '')).toBe(true);
      expect(inward).toMatch(/^[1-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/);
      expect(h.address.town).toBe('London');
    }
  });
});
