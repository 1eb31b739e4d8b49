import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { analyseQuery, buildSearchIndex } from '../../../shared/search';
import { testEntry } from '../support/directory-entries';

/**
 * What callers say that the letters do not match: another spelling of a first name, two slips
 * in a long surname, a phone number given the international way, a reference without its letters.
 */
let next = 0;
function resident(residentId: string, given: string, family: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry {
  next += 1;
  return testEntry({ residentId, householdId: `hh-${next}`, givenName: given, familyName: family, dateOfBirth: '1970-01-01', addressLine: `${next} Sample Street`, ...more });
}

const directory = [
  resident('res-stephen', 'Stephen', 'Smith'),
  resident('res-stevens', 'Alan', 'Stevens'),
  resident('res-mohammed', 'Mohammed', 'Ali'),
  resident('res-mohamed', 'Mohamed', 'Ali'),
  resident('res-james', 'James', 'Okoro'),
  resident('res-padraig', 'Pádraig', 'Doyle'),
  resident('res-sarah', 'Sarah', 'Kavanagh'),
  resident('res-sara', 'Sara', 'Kavanagh'),
  resident('res-iain', 'Iain', 'Kavanagh'),
  resident('res-olivia-kidane', 'Olivia', 'Lloyd-Webster-Kidane'),
  resident('res-olivia', 'Olivia', 'Lloyd-Webster'),
  resident('res-tom', 'Tom', 'Baker', {
    phones: ['07700 900123', '020 7946 0123'],
    councilTaxReference: 'CT12345674',
    rentReference: 'RN1234566',
  }),
  resident('res-tina', 'Tina', 'Baker', { phones: ['07700 900456'], councilTaxReference: 'CT87654321', rentReference: 'RN7654321' }),
];
const index = buildSearchIndex(directory);
const ids = (query: string): string[] => index.search(query).map((hit) => hit.entry.residentId);

describe('first names spelt another way', () => {
  it('finds Stephen for Steven, James for Jim and Pádraig for Patrick', () => {
    expect(ids('steven smith')[0]).toBe('res-stephen');
    expect(ids('jim okoro')[0]).toBe('res-james');
    expect(ids('patrick doyle')[0]).toBe('res-padraig');
    expect(index.search('steven smith')[0]?.matched).toEqual(['name']);
  });

  it('puts the spelling the caller gave before the other ones', () => {
    expect(ids('mohamed ali').slice(0, 2)).toEqual(['res-mohamed', 'res-mohammed']);
    expect(ids('mohammed ali').slice(0, 2)).toEqual(['res-mohammed', 'res-mohamed']);
    expect(ids('muhammad ali').slice(0, 2).sort()).toEqual(['res-mohamed', 'res-mohammed']);
  });

  it('ranks another spelling of the first name above a surname one slip away', () => {
    // 'steven' is one letter from 'stevens', but a caller saying Steven means Stephen. (While
    // 'steven' is still being typed, Stevens is a beginning of it and rightly comes first.)
    expect(ids('steven ').indexOf('res-stephen')).toBeGreaterThanOrEqual(0);
    expect(ids('steven ').indexOf('res-stephen')).toBeLessThan(ids('steven ').indexOf('res-stevens'));
    expect(ids('steven')[0]).toBe('res-stevens');
  });
});

describe('slips in the surname', () => {
  it('puts the exact first name with a slip in the surname above a near first name', () => {
    expect(ids('sarah kavanah').slice(0, 2)).toEqual(['res-sarah', 'res-sara']);
  });

  it('allows two slips in a surname of eight letters or more, even when they leave seven', () => {
    expect(ids('iain kavnaah')[0]).toBe('res-iain');
    expect(ids('iain kvaangah')[0]).toBe('res-iain');
  });

  it('tells a triple-barrelled surname from the double-barrelled one inside it', () => {
    expect(ids('olivia lloyd-webster-kidane')[0]).toBe('res-olivia-kidane');
    expect(ids('olivia lloyd-webster')[0]).toBe('res-olivia');
  });
});

describe('numbers in the forms callers give them', () => {
  it('finds a mobile or landline given with 44, with or without the plus or the leading 0', () => {
    for (const phone of ['447700900123', '44 7700 900123', '+44 07700 900123', '0044 7700 900 123', '+44 (0)7700 900123', '442079460123', '+44 020 7946 0123']) {
      const [hit] = index.search(phone);
      expect(hit?.entry.residentId, phone).toBe('res-tom');
      expect(hit?.matched, phone).toEqual(['phone']);
    }
  });

  it('finds a council tax or rent reference typed without its letters', () => {
    for (const [text, reason] of [['12345674', 'council-tax-reference'], ['1234 5674', 'council-tax-reference'], ['1234566', 'rent-reference'], ['123 4566', 'rent-reference']] as const) {
      const [hit] = index.search(text);
      expect(hit?.entry.residentId, text).toBe('res-tom');
      expect(hit?.matched, text).toEqual([reason]);
    }
  });

  it('still reads a short number as a house number and 44 before a street as one', () => {
    const query = analyseQuery('44 camberwell grove');
    expect(query.kind === 'parts' && query.houseNumbers).toEqual(['44']);
    expect(query.kind === 'parts' && query.phone).toBeNull();
    const reference = analyseQuery('1234 high street');
    expect(reference.kind === 'parts' && reference.councilTaxReference).toBeNull();
  });
});
