import { describe, expect, it } from 'vitest';
import { checkIdentity, DEFAULT_IDENTITY_POLICY, policyMet, questionsOf } from '../../../shared/domain/identity-check';
import type { Household, Resident } from '../../../shared/domain/resident';
import { addressMatches } from '../../../shared/domain/spoken-address';
import { spokenDate, spokenDates } from '../../../shared/domain/spoken-date';

/** Dates of birth as callers say and agents type them, each with the record it must match. */
const SAME_DAY: [string, string][] = [
  ['1985-03-12', '12/03/1985'],
  ['1985-03-12', '12/3/1985'],
  ['1985-03-12', '12/3/85'],
  ['1985-03-12', '12-03-1985'],
  ['1985-03-12', '12.03.1985'],
  ['1985-03-12', '12.3.85'],
  ['1985-03-12', '12 03 1985'],
  ['1985-03-12', '12 3 85'],
  ['1985-03-12', '  12 / 3 / 1985 '],
  ['1985-03-12', '12031985'],
  ['1985-03-12', '120385'],
  ['1985-03-12', '1985-03-12'],
  ['1985-03-12', '1985-3-12'],
  ['1985-03-12', '12 March 1985'],
  ['1985-03-12', '12 MARCH 1985'],
  ['1985-03-12', '12th March 1985'],
  ['1985-03-12', '12th of March 1985'],
  ['1985-03-12', 'the 12th of March 1985'],
  ['1985-03-12', 'born on the 12th of March 1985'],
  ['1985-03-12', '12 Mar 1985'],
  ['1985-03-12', '12 Mar 85'],
  ['1985-03-12', "12th Mar '85"],
  ['1985-03-12', "12th March, '85"],
  ['1985-03-12', '12-Mar-1985'],
  ['1985-03-12', '12th of Mar 1985'],
  ['1985-03-12', 'March 12 1985'],
  ['1985-03-12', 'March 12th, 1985'],
  ['1985-03-12', 'March the 12th 1985'],
  ['1985-03-12', 'Mar 12 85'],
  ['1985-03-12', 'twelfth of March nineteen eighty-five'],
  ['1985-03-12', 'the twelfth of March, nineteen eighty five'],
  ['1985-03-12', '12 March nineteen eighty-five'],
  ['1985-03-12', 'twelve March 1985'],
  ['1985-03-12', 'March twelfth nineteen eighty five'],
  ['1985-03-12', 'Twelfth March 85'],
  ['2001-01-21', '21/1/01'],
  ['2001-01-21', 'twenty-first of January two thousand and one'],
  ['2001-01-21', 'twenty first January two thousand one'],
  ['2001-01-21', '21st Jan 2001'],
  ['2001-01-21', 'January 21st 2001'],
  ['2001-01-21', 'January the twenty-first, 2001'],
  ['2001-01-21', '21012001'],
  ['1950-11-30', '30/11/1950'],
  ['1950-11-30', 'thirtieth of November nineteen fifty'],
  ['1950-11-30', '30 Nov 50'],
  ['2005-02-05', '5/2/05'],
  ['2005-02-05', 'fifth of February two thousand and five'],
  ['2005-02-05', 'February the fifth, twenty oh five'],
  ['2005-02-05', '050205'],
  ['1909-07-04', '4th July nineteen oh nine'],
  ['1999-09-09', '9 Sept 1999'],
];

/** Dates that must not pass for 12 March 1985: above all, the same numbers read month first (3 December, a real date). */
const NOT_THE_DAY: string[] = [
  '03/12/1985',
  '3/12/85',
  '1985-12-03',
  '12/03/1986',
  '12/03/1958',
  '12031958',
  '13/03/1985',
  '12 April 1985',
  'the eleventh of March nineteen eighty five',
  '12th March nineteen eighty six',
  'March 1985',
  '12/03',
  '31/02/1985',
  '12/13/1985',
  'not sure',
  '',
];

describe('dates of birth as people say them', () => {
  it.each(SAME_DAY)('%s is said "%s"', (record, said) => {
    expect(spokenDates(said)).toContain(record);
  });

  it.each(NOT_THE_DAY)('12 March 1985 is not "%s"', (said) => {
    expect(spokenDates(said)).not.toContain('1985-03-12');
  });

  it('reads a two-digit year both ways for a check, and as the latest past date for a form', () => {
    expect(spokenDates('12/3/25')).toEqual(['1925-03-12', '2025-03-12']);
    expect(spokenDate('12/3/25', { today: '2026-12-04' })).toBe('2025-03-12');
    expect(spokenDate('12/3/85', { today: '2026-12-04' })).toBe('1985-03-12');
  });

  it('understands days said relative to today, and a date with no year as this year', () => {
    const today = '2026-12-04'; // a Friday
    expect(spokenDate('today', { today })).toBe('2026-12-04');
    expect(spokenDate('yesterday', { today })).toBe('2026-12-03');
    expect(spokenDate('Tuesday', { today })).toBe('2026-12-01');
    expect(spokenDate('last Friday', { today })).toBe('2026-11-27');
    expect(spokenDate('3 Dec', { today })).toBe('2026-12-03');
    expect(spokenDate('3/12', { today })).toBe('2026-12-03');
  });

  it('books ahead when asked to: a date without a year, or a weekday, is the next one', () => {
    const today = '2026-12-04'; // a Friday
    expect(spokenDate('3 Jan', { today, prefer: 'future' })).toBe('2027-01-03');
    expect(spokenDate('3 Jan', { today })).toBe('2026-01-03');
    expect(spokenDate('Tuesday', { today, prefer: 'future' })).toBe('2026-12-08');
    expect(spokenDate('next Friday', { today, prefer: 'future' })).toBe('2026-12-11');
    expect(spokenDate('tomorrow', { today, prefer: 'future' })).toBe('2026-12-05');
    expect(spokenDate('today', { today, prefer: 'future' })).toBe('2026-12-04');
  });
});

const hoptonMews = { line1: 'Flat C, 111 Hopton Mews', town: 'London', postcode: 'SE1 9JH' };
const ashcombeGrove = { line1: '27 Ashcombe Grove', town: 'London', postcode: 'SE5 8RS' };
const bradenhamCourt = { line1: 'Flat 12, Bradenham Court', line2: 'Aylesbury Estate', town: 'London', postcode: 'SE17 2DW' };
const stMarys = { line1: '4 St Mary’s Road', town: 'London', postcode: 'SE15 2EA' };

type Address = typeof hoptonMews | typeof bradenhamCourt;

const SAME_HOME: [Address, string][] = [
  [hoptonMews, 'Flat C, 111 Hopton Mews'],
  [hoptonMews, '111 Hopton Mews'],
  [hoptonMews, '111c Hopton Mews'],
  [hoptonMews, '111C HOPTON MEWS'],
  [hoptonMews, 'flat c 111 hopton mews'],
  [hoptonMews, 'C 111 Hopton Mews'],
  [hoptonMews, '111 C Hopton Mews'],
  [hoptonMews, 'Flat C 111 Hopton Mws'],
  [hoptonMews, '111 Hopton Mews, SE1 9JH'],
  [hoptonMews, '111c hopton mews se19jh'],
  [hoptonMews, 'Apartment C, 111 Hopton Mews'],
  [hoptonMews, 'Flat C, 111 Hopton Mews, London'],
  [hoptonMews, 'Number 111 Hopton Mews'],
  [hoptonMews, '111, Hopton Mews'],
  [hoptonMews, '111 Hopton Mews, flat C'],
  [hoptonMews, 'Flat C, no. 111 Hopton Mews'],
  [ashcombeGrove, '27 Ashcombe Grove'],
  [ashcombeGrove, '27 Ashcombe Gr'],
  [ashcombeGrove, '27 ashcombe gro'],
  [ashcombeGrove, 'Number 27, Ashcombe Grove'],
  [ashcombeGrove, '27 Ashcombe Grove SE5 8RS'],
  [ashcombeGrove, '27 Ashcombe Grove, London SE5 8RS'],
  [ashcombeGrove, ' 27  Ashcombe   Grove '],
  [bradenhamCourt, 'Flat 12, Bradenham Court'],
  [bradenhamCourt, '12 Bradenham Court'],
  [bradenhamCourt, 'flat 12 bradenham ct'],
  [bradenhamCourt, '12 Bradenham Ct, Aylesbury Estate'],
  [bradenhamCourt, 'Flat 12 Bradenham Court Aylesbury Est'],
  [bradenhamCourt, 'Apt 12 Bradenham Court'],
  [bradenhamCourt, 'Flat 12, Bradenham Court, SE17 2DW'],
  [stMarys, '4 Saint Marys Road'],
  [stMarys, "4 St. Mary's Rd"],
  [stMarys, '4 st marys rd'],
  [stMarys, '4 St Mary’s Road'],
  [stMarys, '4 Saint Mary’s Rd, London'],
  [hoptonMews, 'FLAT C 111 HOPTON MEWS'],
  [ashcombeGrove, 'no 27 Ashcombe Grove'],
  [bradenhamCourt, '12, Bradenham Court'],
  [stMarys, 'number 4 saint mary’s road'],
  [hoptonMews, 'Flat C, 111 Hopton Mews SE1 9JH'],
];

/** Homes that must not pass: a neighbour's flat, the next number, another street or postcode. */
const NOT_THE_HOME: [Address, string][] = [
  [hoptonMews, 'Flat B, 111 Hopton Mews'],
  [hoptonMews, '111b Hopton Mews'],
  [hoptonMews, 'B 111 Hopton Mews'],
  [hoptonMews, '112 Hopton Mews'],
  [hoptonMews, 'Flat C, 11 Hopton Mews'],
  [hoptonMews, '111 Hopton Road'],
  [hoptonMews, '111 Hopton Mews, SE1 9JJ'],
  [hoptonMews, 'Hopton Mews'],
  [hoptonMews, '111 Hopton'],
  [ashcombeGrove, 'Flat A, 27 Ashcombe Grove'],
  [ashcombeGrove, '27a Ashcombe Grove'],
  [ashcombeGrove, '28 Ashcombe Grove'],
  [ashcombeGrove, '27 Ashcombe Road'],
  [bradenhamCourt, 'Flat 21, Bradenham Court'],
  [bradenhamCourt, '21 Bradenham Court'],
  [bradenhamCourt, 'Flat 12, Bradenham House'],
  [bradenhamCourt, 'Flat 12, Aylesbury Estate'],
  [stMarys, "4 St Mark's Road"],
  [stMarys, '14 St Mary’s Road'],
  [stMarys, ''],
];

describe('addresses as people say them', () => {
  it.each(SAME_HOME)('%o is said "%s"', (record, said) => {
    expect(addressMatches(record, said)).toBe(true);
  });

  it.each(NOT_THE_HOME)('%o is not "%s"', (record, said) => {
    expect(addressMatches(record, said)).toBe(false);
  });
});

const resident: Resident = {
  id: 'r-1',
  householdId: 'h-1',
  givenName: 'José',
  familyName: "O'Leary-Adeyemi",
  dateOfBirth: '1985-03-12',
  contact: { phones: [] },
  preferences: { preferredChannel: 'phone', smsConsent: false, emailConsent: false, recordedOn: '2025-01-01' },
  language: { preferred: 'en', interpreterNeeded: false },
  accessibilityNeeds: [],
  mySouthwark: { status: 'none' },
} as Resident;
const household = { id: 'h-1', address: { ...hoptonMews, streetName: 'Hopton Mews' }, tenure: 'private-renter', leadResidentId: 'r-1', residentIds: ['r-1'], wasteCollection: { day: 'Monday', streams: ['refuse'] } } as Household;

describe('the council’s identity-check policy', () => {
  const questions = questionsOf(DEFAULT_IDENTITY_POLICY);
  const check = (answers: Parameters<typeof checkIdentity>[1]) => policyMet(DEFAULT_IDENTITY_POLICY, checkIdentity(questions, answers, resident, household));

  it('passes the caller who said “111 Hopton Mews” for “Flat C, 111 Hopton Mews”', () => {
    expect(check({ name: 'Jose OLeary Adeyemi', dateOfBirth: '12th March 85', addressLine1: '111 Hopton Mews' })).toBe(true);
  });

  it('takes the name in either order, with a title or a middle name, and one of address or postcode', () => {
    expect(check({ name: "Mr O'Leary-Adeyemi, José", dateOfBirth: '12/3/1985', postcode: 'se1 9jh' })).toBe(true);
    expect(check({ name: 'José Daniel O’Leary-Adeyemi', dateOfBirth: '12/3/1985', addressLine1: '111c Hopton Mews' })).toBe(true);
  });

  it('fails without a match for name and date of birth, or without the address or postcode', () => {
    expect(check({ name: 'José O’Leary-Adeyemi', dateOfBirth: '03/12/1985', addressLine1: '111 Hopton Mews', postcode: 'SE1 9JH' })).toBe(false);
    expect(check({ name: 'Josie O’Leary-Adeyemi', dateOfBirth: '12/03/1985', postcode: 'SE1 9JH' })).toBe(false);
    expect(check({ name: 'José O’Leary-Adeyemi', dateOfBirth: '12/03/1985', addressLine1: 'Flat B, 111 Hopton Mews', postcode: 'SE1 9JJ' })).toBe(false);
    expect(check({ name: 'José O’Leary-Adeyemi', dateOfBirth: '12/03/1985' })).toBe(false);
  });

  it('follows a council that asks for everything', () => {
    const strict = { required: ['name', 'dateOfBirth', 'addressLine1', 'postcode'] as const, oneOf: [] };
    const results = checkIdentity(questionsOf({ required: [...strict.required], oneOf: [] }), { name: 'José O’Leary-Adeyemi', dateOfBirth: '12/03/1985', addressLine1: '111 Hopton Mews' }, resident, household);
    expect(policyMet({ required: [...strict.required], oneOf: [] }, results)).toBe(false);
  });
});
