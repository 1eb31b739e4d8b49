import { describe, expect, it } from 'vitest';
import { analyseQuery, type QueryParts } from '../../../shared/search';

const parts = (text: string): QueryParts => {
  const analysis = analyseQuery(text, { thisYear: 2026 });
  if (analysis.kind !== 'parts') throw new Error(`'${text}' was not searchable: ${analysis.message}`);
  return analysis;
};

describe('analyseQuery', () => {
  it('reports a query that is too short', () => {
    for (const text of ['', ' ', 'm', ' a ', "o'", '7']) {
      expect(analyseQuery(text)).toEqual({ kind: 'too-short', tooShort: true, message: 'Type at least 2 letters or numbers.' });
    }
  });

  it('reports a query of punctuation alone', () => {
    for (const text of ['--', "'", '...', ' / ']) {
      const analysis = analyseQuery(text);
      expect(analysis.kind).toBe('only-punctuation');
      expect('onlyPunctuation' in analysis && analysis.onlyPunctuation).toBe(true);
      expect('tooShort' in analysis).toBe(false);
    }
  });

  it('keeps the flags off a searchable query, so callers can test for them with `in`', () => {
    const analysis = analyseQuery('maria');
    expect('tooShort' in analysis || 'onlyPunctuation' in analysis).toBe(false);
  });

  it('finds name words, folded, with the last one being typed', () => {
    const query = parts('María GARCÍA');
    expect(query.nameTokens).toEqual(['maria', 'garcia']);
    expect(query.parts).toContainEqual({ kind: 'word', text: 'garcia', prefix: true });
    expect(query.parts).toContainEqual({ kind: 'word', text: 'maria', prefix: false });
    expect(parts('maria garcia ').parts).toContainEqual({ kind: 'word', text: 'garcia', prefix: false });
  });

  it('joins neighbouring words so split names meet their joined form', () => {
    expect(parts('o brien').parts).toContainEqual({ kind: 'joined', text: 'obrien', prefix: true });
    expect(parts("O'Brien").nameTokens).toEqual(['obrien']);
    expect(parts('smith-okafor').parts).toContainEqual({ kind: 'joined', text: 'smithokafor', prefix: true });
  });

  it('recognises dates of birth in UK formats', () => {
    for (const text of ['12/03/1985', '12-3-1985', '12 03 1985', '1985-03-12', '12 March 1985', '12 mar 1985', '12th March 1985', '12.03.85']) {
      expect(parts(`garcia ${text}`).dateOfBirth, text).toBe('1985-03-12');
    }
    expect(parts('garsia lopez 12/03/1985').nameTokens).toEqual(['garsia', 'lopez']);
  });

  it('leaves a half-typed date alone', () => {
    const query = parts('garcia 12/03/19');
    expect(query.dateOfBirth).toBeNull();
    expect(query.houseNumbers).toEqual([]);
    expect(query.nameTokens).toEqual(['garcia']);
  });

  it('recognises postcodes with or without the space, and outward codes', () => {
    expect(parts('SE17 2DW').postcode).toBe('SE17 2DW');
    expect(parts('se172dw').postcode).toBe('SE17 2DW');
    expect(parts('maria garcia se15').postcode).toBe('SE15');
    expect(parts('maria garcia se15').nameTokens).toEqual(['maria', 'garcia']);
    expect(parts('se17 2d').parts).toContainEqual({ kind: 'postcode', compact: 'SE172D', scope: 'prefix' });
  });

  it('recognises phone numbers in any spacing, +44 included', () => {
    for (const text of ['07700900123', '07700 900123', '07700 900 123', '+44 7700 900123', '+447700900123', '(07700) 900-123']) {
      expect(parts(text).phone, text).toBe('07700900123');
    }
    expect(parts('020 7946 0123').phone).toBe('02079460123');
    expect(parts('+44 (0)20 7946 0123').phone).toBe('02079460123');
    expect(parts('07700 9001').parts).toContainEqual({ kind: 'phone', digits: '077009001', prefix: true });
  });

  it('recognises references in any case and email addresses', () => {
    expect(parts('ct12345678').councilTaxReference).toBe('CT12345678');
    expect(parts('CT 1234 5678').councilTaxReference).toBe('CT12345678');
    expect(parts('rn1234567').rentReference).toBe('RN1234567');
    expect(parts('ct1234').parts).toContainEqual({ kind: 'council-tax-reference', text: 'CT1234', prefix: true });
    expect(parts('Maria.Garcia@Example.org').email).toBe('maria.garcia@example.org');
  });

  it('recognises house numbers and address words', () => {
    const query = parts('12 camberwell grove');
    expect(query.houseNumbers).toEqual(['12']);
    expect(query.nameTokens).toEqual(['camberwell', 'grove']);
    expect(parts('flat 12a bradenham court').houseNumbers).toEqual(['12a']);
    expect(parts('flat 12a bradenham court').nameTokens).toEqual(['bradenham', 'court']);
  });

  it('takes a mix of everything at once', () => {
    const query = parts('garsia lopez 12/03/1985 se17 2dw 020 7946 0123 ct12345678 rn1234567');
    expect(query).toMatchObject({
      nameTokens: ['garsia', 'lopez'],
      dateOfBirth: '1985-03-12',
      postcode: 'SE17 2DW',
      phone: '02079460123',
      councilTaxReference: 'CT12345678',
      rentReference: 'RN1234567',
    });
  });
});
