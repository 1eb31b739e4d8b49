import { describe, expect, it } from 'vitest';
import { asciiFold, mailboxPart, surnameFor } from '../../../main/core/training/names';
import { DISTRICTS, LANGUAGES, ORIGINS } from '../../../main/core/training/word-lists';

const origin = (id: string) => {
  const found = ORIGINS.find((o) => o.id === id);
  if (!found) throw new Error(`no origin ${id}`);
  return found;
};

describe('training word lists', () => {
  it('has names of the many origins found in London, each list filled and in NFC', () => {
    expect(ORIGINS.length).toBeGreaterThanOrEqual(30);
    for (const o of ORIGINS) {
      for (const list of [o.female, o.male, o.family]) {
        expect(list.length).toBeGreaterThanOrEqual(8);
        for (const name of list) expect(name).toBe(name.normalize('NFC'));
      }
    }
    const all = ORIGINS.flatMap((o) => [...o.female, ...o.male, ...o.family]);
    for (const name of ['José', 'Zoë', 'Bogusław', "O'Brien", 'de Souza', 'Garcia Lopez']) expect(all).toContain(name);
  });

  it('lists languages as unique BCP-47 codes with positive weights, English the heaviest', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const l of LANGUAGES) {
      expect(l.code).toMatch(/^[a-z]{2,3}$/);
      expect(l.weight).toBeGreaterThan(0);
      expect(l.interpreterRate).toBeGreaterThanOrEqual(0);
      expect(l.interpreterRate).toBeLessThanOrEqual(1);
    }
    for (const code of ['es', 'pt', 'syl', 'so', 'yo', 'tw', 'ti', 'am', 'yue', 'kri', 'ln', 'bfi']) expect(codes).toContain(code);
    const sorted = [...LANGUAGES].sort((a, b) => b.weight - a.weight);
    expect(sorted[0]?.code).toBe('en');
    expect(sorted[1]?.code).toBe('es');
  });

  it('covers exactly the borough postcode districts, with no street named twice', () => {
    expect(DISTRICTS.map((d) => d.district)).toEqual(['SE1', 'SE5', 'SE11', 'SE15', 'SE16', 'SE17', 'SE19', 'SE21', 'SE22', 'SE24']);
    const places = DISTRICTS.flatMap((d) => [...d.streets, ...d.estates.map((e) => e.name)]);
    expect(new Set(places).size).toBe(places.length);
    const blocks = DISTRICTS.flatMap((d) => d.estates.flatMap((e) => e.blocks));
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it('folds names to plain ASCII for mailboxes', () => {
    expect(asciiFold('Bogusław Wiśniewski')).toBe('boguslaw wisniewski');
    expect(asciiFold('Nguyễn Đặng')).toBe('nguyen dang');
    expect(asciiFold('Ömer Yılmaz')).toBe('omer yilmaz');
    expect(mailboxPart("Ní Bhriain-O'Brien")).toBe('nibhriainobrien');
  });

  it('gives women the feminine form of surnames where the language has one', () => {
    expect(surnameFor('Kowalski', origin('polish'), 'female')).toBe('Kowalska');
    expect(surnameFor('Kowalski', origin('polish'), 'male')).toBe('Kowalski');
    expect(surnameFor('Nowak', origin('polish'), 'female')).toBe('Nowak');
    expect(surnameFor('Ó Briain', origin('irish'), 'female')).toBe('Ní Bhriain');
    expect(surnameFor('Kazlauskas', origin('lithuanian'), 'female')).toBe('Kazlauskienė');
  });
});
