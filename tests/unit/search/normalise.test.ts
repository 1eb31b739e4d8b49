import { describe, expect, it } from 'vitest';
import { isoDate, parseDateChunk, parseSpacedDate } from '../../../shared/search/dates';
import { FuzzyMatcher, allowedDistance } from '../../../shared/search/fuzzy';
import {
  addressTerms,
  compactPostcode,
  displayPostcode,
  fold,
  foldWithoutApostrophes,
  nameTerms,
  normaliseEmail,
  normaliseReference,
  outwardCode,
  phoneDigits,
  sortKey,
  writtenPhone,
} from '../../../shared/search/normalise';

describe('search normalisation', () => {
  it('writes a London or mobile number’s digits the usual way, and no other number', () => {
    expect(writtenPhone(phoneDigits('+44 (0)20 7946 0123'))).toBe('020 7946 0123');
    expect(writtenPhone('07700900123')).toBe('07700 900123');
    expect(writtenPhone(phoneDigits('07700 900123'))).toBe('07700 900123');
    for (const other of ['01632960123', '0800123456', '0770090012', '077009001234', '']) expect(writtenPhone(other), other).toBeNull();
  });

  it('folds accents and case, including letters NFD cannot split', () => {
    expect(fold('José')).toBe('jose');
    expect(fold('Zoë')).toBe('zoe');
    expect(fold('Ní Bhriain')).toBe('ni bhriain');
    expect(fold('Nguyễn')).toBe('nguyen');
    expect(fold('Bogusław Wiśniewski')).toBe('boguslaw wisniewski');
    expect(fold('Yılmaz Öztürk')).toBe('yilmaz ozturk');
    expect(fold('İsmail')).toBe('ismail');
    expect(fold('Søren Strauß')).toBe('soren strauss');
  });

  it('treats every apostrophe alike and drops it', () => {
    expect(foldWithoutApostrophes("O'Brien")).toBe('obrien');
    expect(foldWithoutApostrophes('O’Brien')).toBe('obrien');
  });

  it('indexes names by each part, the parts joined, and the part after an apostrophe', () => {
    expect(nameTerms('García López').sort()).toEqual(['garcia', 'garcialopez', 'lopez']);
    expect(nameTerms('Smith-Okafor').sort()).toEqual(['okafor', 'smith', 'smithokafor']);
    expect(nameTerms("O'Brien").sort()).toEqual(['brien', 'obrien']);
    expect(nameTerms('de Souza').sort()).toEqual(['de', 'desouza', 'souza']);
    expect(nameTerms('Zoë')).toEqual(['zoe']);
  });

  it('indexes address lines by words and numbers, without flat letters or "flat"', () => {
    expect(addressTerms('Flat 12, Bradenham Court').sort()).toEqual(['12', 'bradenham', 'court']);
    expect(addressTerms('Flat C, 83 Rockmount Mews').sort()).toEqual(['83', 'mews', 'rockmount']);
    expect(addressTerms('12A Camberwell Grove').sort()).toEqual(['12a', 'camberwell', 'grove']);
  });

  it('normalises postcodes, phones, references and emails', () => {
    expect(compactPostcode('se17 2dw')).toBe('SE172DW');
    expect(outwardCode('SE172DW')).toBe('SE17');
    expect(outwardCode('SE12DW')).toBe('SE1');
    expect(displayPostcode('SE172DW')).toBe('SE17 2DW');
    expect(phoneDigits('020 7946 0123')).toBe('02079460123');
    expect(phoneDigits('+44 20 7946 0123')).toBe('02079460123');
    expect(phoneDigits('+44 (0)20 7946 0123')).toBe('02079460123');
    expect(phoneDigits('0044 7700 900123')).toBe('07700900123');
    expect(normaliseReference('ct 1234 5678')).toBe('CT12345678');
    expect(normaliseEmail(' <Maria.Garcia@Example.org>, ')).toBe('maria.garcia@example.org');
  });

  it('sorts names by a folded key, the same on every machine', () => {
    expect(sortKey('García López')).toBe('garcialopez');
    expect(sortKey("O'Brien")).toBe('obrien');
    expect([sortKey('Zoë'), sortKey('Adams'), sortKey('Ábalos')].sort()).toEqual(['abalos', 'adams', 'zoe']);
  });
});

describe('search dates', () => {
  it('reads UK day-first dates in every common form', () => {
    for (const chunk of ['12/03/1985', '12-3-1985', '12.03.1985', '1985-03-12', '12031985', '12/03/85']) {
      expect(parseDateChunk(chunk, 2026), chunk).toBe('1985-03-12');
    }
    expect(parseSpacedDate('12', '03', '1985')).toBe('1985-03-12');
    expect(parseSpacedDate('12', 'march', '1985')).toBe('1985-03-12');
    expect(parseSpacedDate('12th', 'mar', '1985')).toBe('1985-03-12');
  });

  it('puts a two-digit year in the past', () => {
    expect(parseDateChunk('01/02/07', 2026)).toBe('2007-02-01');
    expect(parseDateChunk('01/02/30', 2026)).toBe('1930-02-01');
  });

  it('rejects days that do not exist', () => {
    expect(isoDate(1985, 2, 29)).toBeNull();
    expect(isoDate(1984, 2, 29)).toBe('1984-02-29');
    expect(parseDateChunk('31/04/1985', 2026)).toBeNull();
    expect(parseDateChunk('12/13/1985', 2026)).toBeNull();
    expect(parseSpacedDate('12', 'smith', '1985')).toBeNull();
  });
});

describe('typo matching', () => {
  const terms = ['garcia', 'garcialopez', 'martin', 'martinez', 'obrien', 'robinson', 'smith'];
  const matcher = new FuzzyMatcher(terms);
  const matches = (query: string, distance: number, prefix = false): string[] => {
    const found: string[] = [];
    matcher.match(query, distance, prefix, (id) => found.push(terms[id]!));
    return found.sort();
  };

  it('allows one edit from 4 letters and two from 8', () => {
    expect(allowedDistance(3)).toBe(0);
    expect(allowedDistance(4)).toBe(1);
    expect(allowedDistance(7)).toBe(1);
    expect(allowedDistance(8)).toBe(2);
  });

  it('finds substitutions, insertions, deletions and transpositions', () => {
    expect(matches('garsia', 1)).toEqual(['garcia']);
    expect(matches('garica', 1)).toEqual(['garcia']);
    expect(matches('smth', 1)).toEqual(['smith']);
    expect(matches('robinsom', 2)).toEqual(['robinson']);
    expect(matches('martines', 1)).toEqual(['martinez']);
  });

  it('finds a typo in the part of a word typed so far', () => {
    expect(matches('garsi', 1, true)).toEqual(['garcia', 'garcialopez']);
  });

  it('measures optimal string alignment distance', () => {
    expect(matcher.distance('garcia', 'garsia', 3)).toBe(1);
    expect(matcher.distance('garcia', 'garica', 3)).toBe(1);
    expect(matcher.distance('kitten', 'sitting', 5)).toBe(3);
    expect(matcher.distance('kitten', 'sitting', 1)).toBe(2);
    expect(matcher.distance('mart', 'martinez', 3, true)).toBe(0);
  });
});
