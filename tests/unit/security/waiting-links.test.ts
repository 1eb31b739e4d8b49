import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';
import { CALL_LINK_LIFETIME_MS, createWaitingLinks, MOST_WAITING_LINKS } from '../../../main/core/waiting-links';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const caseLink = (n: number) => ({ kind: 'case', caseId: `7c9e6679-7425-40de-944b-${String(n).padStart(12, '0')}` }) as const;

describe('civicdesk:// links waiting for the workstation', () => {
  it('keeps a link that arrives before anyone listens, and answers it once to the first taker', async () => {
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 20 } });
    try {
      const rings: unknown[] = [];
      expect(core.openDeepLink('civicdesk://case/7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(true);
      // No page was listening for that ring; a page that opens later still gets the link.
      core.events.subscribe((name, payload) => rings.push([name, payload]));
      expect(core.openDeepLink('civicdesk://call?cli=020%207946%200123&queue=Council%20tax')).toBe(true);
      expect(rings).toEqual([['deepLink.waiting', { count: 2 }]]);

      expect(await core.router.dispatch('deepLink.take', {}, { transport: 'loopback' })).toEqual({
        ok: true,
        value: [
          { kind: 'case', caseId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
          { kind: 'call', callerNumber: '020 7946 0123', queue: 'Council tax', waitedSeconds: null },
        ],
      });
      expect(await core.router.dispatch('deepLink.take', {}, { transport: 'loopback' })).toEqual({ ok: true, value: [] });
    } finally {
      await core.close();
    }
  });

  it('keeps nothing for a refused link', async () => {
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 20 } });
    try {
      expect(core.openDeepLink('civicdesk://delete-everything')).toBe(false);
      expect(await core.router.dispatch('deepLink.take', {}, { transport: 'loopback' })).toEqual({ ok: true, value: [] });
    } finally {
      await core.close();
    }
  });

  it('drops a screen-pop that waited longer than a call lasts, but keeps a link to a case', () => {
    let clock = Date.parse('2026-11-27T10:00:00Z');
    const links = createWaitingLinks(() => undefined, () => new Date(clock));
    links.add({ kind: 'call', callerNumber: '020 7946 0123', queue: null, waitedSeconds: null });
    links.add(caseLink(1));
    clock += CALL_LINK_LIFETIME_MS + 1;
    links.add({ kind: 'call', callerNumber: '020 7946 0456', queue: null, waitedSeconds: null });
    expect(links.take()).toEqual([caseLink(1), { kind: 'call', callerNumber: '020 7946 0456', queue: null, waitedSeconds: null }]);
  });

  it('keeps only the newest links when no workstation takes them', () => {
    const rings: number[] = [];
    const links = createWaitingLinks((count) => rings.push(count), () => new Date());
    for (let n = 1; n <= MOST_WAITING_LINKS + 5; n += 1) links.add(caseLink(n));
    expect(rings.at(-1)).toBe(MOST_WAITING_LINKS);
    const taken = links.take();
    expect(taken).toHaveLength(MOST_WAITING_LINKS);
    expect(taken[0]).toEqual(caseLink(6));
  });
});
