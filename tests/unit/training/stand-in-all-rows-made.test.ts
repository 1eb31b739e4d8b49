import { describe, expect, it } from 'vitest';
import { startDataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { generateTrainingData } from '../../../main/core/training/generator';

/**
 * The training stand-in makes its casework and contact history while idle; the benchmarks wait
 * until it says it has made them all (main/loopback/start.ts prints it), so that work is not
 * in their figures. It must say so, and only once nothing is left to make.
 */
describe('the training stand-in making its rows while idle', () => {
  it('says when every seed row is made, with every contact of the borough then in the activities', async () => {
    const dataset = generateTrainingData({ residents: 300 });
    const standIn = await startDataverseStandIn({ dataset });
    try {
      const outcome = await Promise.race([standIn.allRowsMade.then(() => 'made'), new Promise((resolve) => setTimeout(() => resolve('still making after 20 s'), 20_000))]);
      expect(outcome).toBe('made');
      expect(standIn.rows('activitypointers')).toHaveLength(dataset.contacts.length);
    } finally {
      await standIn.close();
    }
  }, 30_000);
});
