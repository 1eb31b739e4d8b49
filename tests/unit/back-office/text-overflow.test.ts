import { describe, expect, it } from 'vitest';
import { continuedMarker, fitToColumn } from '../../../main/core/back-office/dataverse/text-overflow';

const NOTE = 'Case description, continued';
const marker = continuedMarker(NOTE);
/** No half of a surrogate pair on its own (String.prototype.isWellFormed, without needing ES2024 types). */
const wellFormed = (text: string | null | undefined) => typeof text === 'string' && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('fitting text to a Dataverse column', () => {
  it('keeps text exactly at the limit, or one under, whole in the column', () => {
    expect(fitToColumn('a'.repeat(2000), 2000, NOTE)).toEqual({ column: 'a'.repeat(2000), rest: null });
    expect(fitToColumn('a'.repeat(1999), 2000, NOTE)).toEqual({ column: 'a'.repeat(1999), rest: null });
  });

  it('one over: the column is full with the first part and the marker, and nothing is lost', () => {
    const text = Array.from({ length: 2001 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
    const fitted = fitToColumn(text, 2000, NOTE);
    expect(fitted.column).toHaveLength(2000);
    expect(fitted.column.endsWith('(continued in the note ‘Case description, continued’)')).toBe(true);
    expect(`${fitted.column.slice(0, -marker.length)}${fitted.rest}`).toBe(text);
  });

  it('counts as Dataverse does, in UTF-16 code units, and never splits an emoji or a surrogate pair', () => {
    // '🏠' is two code units: 1,000 of them are 2,000 units, the column's whole length.
    expect(fitToColumn('🏠'.repeat(1000), 2000, NOTE).rest).toBeNull();
    // With and without a one-unit start, so the cut falls in the middle of a pair one way or the other.
    for (const text of [`x${'🏠'.repeat(1000)}`, '🏠'.repeat(1001)]) {
      const fitted = fitToColumn(text, 2000, NOTE);
      expect(fitted.column.length).toBeLessThanOrEqual(2000);
      const first = fitted.column.slice(0, -marker.length);
      expect(wellFormed(first)).toBe(true);
      expect(wellFormed(fitted.rest)).toBe(true);
      expect(`${first}${fitted.rest}`).toBe(text);
    }
  });
});
