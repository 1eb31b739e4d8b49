import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';
import { generateTrainingData } from '../../../main/core/training/generator';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const asOf = new Date('2026-12-07T09:00:00Z');

describe("the training borough's summary (the banner and the Dashboard)", () => {
  it('gives the borough made at start, with its open cases counted, the same at every ask', async () => {
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { seed: 7, residents: 300 }, now: () => asOf });
    // The same seed and day make the same borough, so the counts can be checked against it.
    const borough = generateTrainingData({ seed: 7, residents: 300, asOf: asOf.toISOString().slice(0, 10) });
    const open = borough.cases.filter((each) => each.status === 'open').length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(borough.cases.length);

    const first = await core.router.dispatch('training.summary', {}, { transport: 'ipc' });
    expect(first).toEqual({ ok: true, value: expect.objectContaining({ residents: 300, cases: borough.cases.length, openCases: open, seed: 7 }) });
    expect(await core.router.dispatch('training.summary', {}, { transport: 'ipc' })).toEqual(first);
    await core.close();

    // Counted as main starts (readAhead), it is the same.
    const readAhead = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { seed: 7, residents: 300 }, now: () => asOf });
    await readAhead.readAhead();
    expect(await readAhead.router.dispatch('training.summary', {}, { transport: 'ipc' })).toEqual(first);
    await readAhead.close();
  });
});
