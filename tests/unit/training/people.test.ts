import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../main/core/training/calendar';
import { ageOn, dateOfBirthFor, exampleEmail } from '../../../main/core/training/people';
import { createRandom } from '../../../main/core/training/random';

describe('synthetic people', () => {
  it.each(['2024-02-29', '2025-03-01', '2025-12-31', '2026-01-01'])(
    'gives a date of birth that makes the person exactly the age drawn, as of %s',
    (asOf) => {
      const random = createRandom(31);
      for (let i = 0; i < 5_000; i += 1) {
        const age = random.int(16, 100);
        expect(ageOn(dateOfBirthFor(random, age, toDayNumber(asOf)), asOf)).toBe(age);
      }
    },
  );

  it('makes plain-ASCII mailboxes at example domains from accented names', () => {
    const random = createRandom(4);
    for (let i = 0; i < 200; i += 1) {
      expect(exampleEmail(random, 'Bogusław', "Ní Bhriain-O'Brien", 1987)).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/);
    }
    expect(exampleEmail(createRandom(1), '李', '王', 1990)).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/);
  });
});
