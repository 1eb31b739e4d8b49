import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from '../../../main/core/security/deep-link';

describe('civicdesk:// links', () => {
  it('reads a softphone screen-pop', () => {
    expect(parseDeepLink('civicdesk://call?cli=%2B44%2020%207946%200123&queue=Housing%20repairs&waited=95')).toEqual({
      ok: true,
      link: { kind: 'call', callerNumber: '+44 20 7946 0123', queue: 'Housing repairs', waitedSeconds: 95 },
    });
  });

  it('records a call from a withheld number', () => {
    expect(parseDeepLink('civicdesk://call?queue=Council%20tax')).toEqual({ ok: true, link: { kind: 'call', callerNumber: null, queue: 'Council tax', waitedSeconds: null } });
  });

  it('reads a link back to a case', () => {
    expect(parseDeepLink('civicdesk://case/7c9e6679-7425-40de-944b-e07fc1f90ae7')).toEqual({ ok: true, link: { kind: 'case', caseId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' } });
  });

  it('refuses anything unexpected, with a reason', () => {
    const refused = [
      'https://call?cli=1',
      'civicdesk://delete-everything',
      'civicdesk://call?cli=<script>',
      'civicdesk://call?cli=020&waited=-5',
      'civicdesk://call?cli=020&waited=1e9',
      'civicdesk://call?cli=020&extra=1',
      'civicdesk://call?queue=' + 'x'.repeat(65),
      'civicdesk://case/../../etc',
      'civicdesk://case/a/b',
      'civicdesk://call?cli=' + '1'.repeat(2000),
      'civicdesk:',
    ];
    for (const url of refused) {
      const parsed = parseDeepLink(url);
      expect(parsed.ok, url).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/\w+/);
    }
  });

  it("finds the link among a second launch's arguments", () => {
    expect(findDeepLinkInArgv(['C:\\CivicDesk\\CivicDesk.exe', '--allow-file-access', 'civicdesk://call?cli=020']))
      .toBe('civicdesk://call?cli=020');
    expect(findDeepLinkInArgv(['CivicDesk', '--inspect'])).toBeNull();
  });
});
