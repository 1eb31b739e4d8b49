import { describe, expect, it } from 'vitest';
import { contactKpis } from '../../../shared/domain/contact-kpis';
import type { Interaction, WrapUp } from '../../../shared/domain/interaction';

const wrapUp = (overrides: Partial<WrapUp>): WrapUp => ({
  disposition: 'resolved-info',
  resolvedAtFirstContact: true,
  couldHaveBeenOnline: false,
  onlineRouteOffered: false,
  feedback: null,
  feedbackOffered: false,
  notes: '',
  incompleteReason: null,
  savedAt: '2026-11-26T10:00:00.000Z',
  afterCallWorkSeconds: 60,
  ...overrides,
});

const call = (waitedSeconds: number | null, wrap: WrapUp | null, status: Interaction['status'] = 'done'): Interaction => ({
  id: crypto.randomUUID(),
  channel: 'phone',
  callerNumber: '020 7946 0001',
  queue: 'Waste',
  waitedSeconds,
  answeredAt: '2026-11-26T09:55:00.000Z',
  endedAt: '2026-11-26T09:59:00.000Z',
  staffId: 'staff-1',
  residentId: null,
  outcomes: [],
  wrapUp: wrap,
  status,
});

describe('contact-centre measures', () => {
  it('has nothing to report before any call is wrapped up', () => {
    expect(contactKpis([call(30, null, 'in-progress')])).toEqual({ calls: 0, firstContactResolution: null, answeredWithinTarget: null, onlineRouteOffered: null, averageAfterCallWorkSeconds: null, incompleteWrapUps: 0 });
  });

  it('counts first-contact resolution over complete wrap-ups, and answer times at 180 seconds', () => {
    const kpis = contactKpis([
      call(180, wrapUp({ resolvedAtFirstContact: true, onlineRouteOffered: true, afterCallWorkSeconds: 30 })),
      call(181, wrapUp({ resolvedAtFirstContact: false, afterCallWorkSeconds: 90 })),
      call(null, wrapUp({ resolvedAtFirstContact: true, afterCallWorkSeconds: 60 })),
      call(20, wrapUp({ resolvedAtFirstContact: false, incompleteReason: 'Caller hung up', afterCallWorkSeconds: 0 })),
    ]);
    expect(kpis).toEqual({
      calls: 4,
      firstContactResolution: 67, // 2 of the 3 complete wrap-ups
      answeredWithinTarget: 67, // 180 s and 20 s of the 3 timed calls; 181 s is over
      onlineRouteOffered: 33,
      averageAfterCallWorkSeconds: 45,
      incompleteWrapUps: 1,
    });
  });
});
