import { describe, expect, it } from 'vitest';
import { buildCaseMessage, htmlToText, messageMarker } from '../../../main/core/graph/case-message';
import { caseFor } from './fixture';

const base = {
  messageId: '0b6c1f8e-2a4d-4c3b-8e9f-1a2b3c4d5e6f',
  writtenAt: '2026-11-27T10:14:00Z',
  case: caseFor(),
  note: 'Is a surveyor <free> this week? "Urgent" & returning',
  now: new Date('2026-11-27T10:15:00Z'),
};

describe('the Teams message about a case', () => {
  it('escapes the note, links to the case and carries the marker', () => {
    const message = buildCaseMessage({ ...base, includes: ['reference', 'service', 'summary'] });
    expect(message.html).toContain('Is a surveyor &lt;free&gt; this week? &quot;Urgent&quot; &amp; returning');
    expect(message.html).toContain('<a href="civicdesk://case/3f2b8c1e-5d4a-4e7b-9c1d-2a3b4c5d6e7f">Open case HR-2026-00412 in CivicDesk</a>');
    expect(message.html).toContain(messageMarker(base.messageId));
    expect(message.late).toBe(false);
    expect(message.subject).toBe('Case HR-2026-00412: Housing repairs');
  });

  it('carries only the parts the council allows', () => {
    const message = buildCaseMessage({ ...base, includes: ['service', 'priority', 'dueOn'] });
    expect(message.html).toContain('Housing repairs');
    expect(message.html).toContain('Urgent');
    expect(message.html).toContain('3 December 2026');
    expect(message.html).not.toContain('extractor fan');
    expect(message.html).not.toContain('RES-88231');
    expect(message.html).not.toContain('Black mould');
    // Without the reference allowed, the case is named by the start of its id.
    expect(message.html).not.toContain('HR-2026-00412');
    expect(message.html).toContain('Open case 3f2b8c1e in CivicDesk');
  });

  it('adds the description and resident reference only when allowed', () => {
    const message = buildCaseMessage({ ...base, includes: ['description', 'residentReference'] });
    expect(message.html).toContain('extractor fan');
    expect(message.html).toContain('RES-88231');
  });

  it('marks a message sent more than two minutes after it was written, in UK time', () => {
    const summer = buildCaseMessage({ ...base, writtenAt: '2026-07-01T09:05:00Z', now: new Date('2026-07-01T11:40:00Z'), includes: [] });
    expect(summer.late).toBe(true);
    expect(summer.html).toContain('Sent late: written at 10:05, sent at 12:40 when CivicDesk was back online.');
    const justInTime = buildCaseMessage({ ...base, writtenAt: '2026-11-27T10:13:00Z', includes: [] });
    expect(justInTime.late).toBe(false);
    expect(justInTime.html).not.toContain('Sent late');
  });

  it('turns chat HTML into plain text', () => {
    expect(htmlToText('<p>Yes &amp; no<br>I&#39;ll <b>look</b></p><p>Thanks</p>')).toBe("Yes & no\nI'll look\nThanks");
  });
});
