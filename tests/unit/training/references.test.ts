import { describe, expect, it } from 'vitest';
import {
  councilTaxReferences,
  createScatter,
  hasValidCheckDigit,
  luhnCheckDigit,
  rentReferences,
} from '../../../main/core/training/references';

describe('account references', () => {
  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(hasValidCheckDigit('79927398713')).toBe(true);
    expect(hasValidCheckDigit('79927398710')).toBe(false);
    expect(hasValidCheckDigit('CT123')).toBe(false);
  });

  it('catches any single mistyped digit and most swapped neighbours in a reference', () => {
    const body = councilTaxReferences(77)(12).slice(2);
    for (let i = 0; i < body.length; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === body[i]) continue;
        expect(hasValidCheckDigit(body.slice(0, i) + d + body.slice(i + 1))).toBe(false);
      }
    }
    for (let i = 0; i + 1 < body.length; i += 1) {
      const [a, b] = [body[i], body[i + 1]];
      if (a === b || `${a}${b}` === '09' || `${a}${b}` === '90') continue;
      expect(hasValidCheckDigit(body.slice(0, i) + b + a + body.slice(i + 2))).toBe(false);
    }
  });

  it('scatters without collisions', () => {
    for (const size of [1, 2, 97, 1_000, 4_096]) {
      const scatter = createScatter(size, 0xdeadbeef);
      const seen = new Set(Array.from({ length: size }, (_, n) => scatter(n)));
      expect(seen.size).toBe(size);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(size - 1);
    }
  });

  it('formats council tax and rent references', () => {
    const ct = councilTaxReferences(3);
    const rn = rentReferences(3);
    expect(ct(0)).toMatch(/^CT[1-9]\d{7}$/);
    expect(rn(0)).toMatch(/^RN[1-9]\d{6}$/);
    expect(new Set(Array.from({ length: 5_000 }, (_, i) => ct(i))).size).toBe(5_000);
  });
});
