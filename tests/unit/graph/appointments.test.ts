import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotPossible } from '../../../main/core/ipc/router';
import { seed, startHarness, TODAY, type Harness } from './fixture';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the service point day from Bookings', () => {
  it('reads appointments, staff and the officer calendar in one $batch, then each appointment by id, 20 to a $batch', async () => {
    const service = h.service();
    const before = h.standIn.requests().length;
    const day = await service.today();
    const sent = h.standIn.requests().slice(before);
    expect(sent.map((request) => request.path)).toEqual(['/$batch', '/$batch', '/$batch']);
    expect(sent[0]?.batched).toHaveLength(3);
    // 24 appointments: their service notes (who has checked in) come only by id.
    expect(sent.slice(1).map((request) => request.batched.length)).toEqual([20, 4]);
    expect(sent[1]?.batched.every((line) => /^GET \/solutions\/bookingBusinesses\/[^/]+\/appointments\/[^/]+$/.test(line))).toBe(true);
    expect(day.date).toBe(TODAY);
    expect(day.appointments).toHaveLength(24);
    expect(day.calendar.map((event) => event.subject)).toEqual(['Morning huddle', 'Casework catch-up with team leader']);
    expect(day.calendar[0]?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const first = day.appointments[0]!;
    expect(first.start).toBe(`${TODAY}T09:00:00.000Z`);
    const raw = seed.appointments.find((appointment) => appointment.id === first.id)!;
    expect(first.residentId).toBe(raw.customers?.[0]?.customQuestionAnswers?.[0]?.answer);
    expect(first.customerName).toBe(raw.customers?.[0]?.name);
    expect(first.staffNames).toEqual(raw.staffMemberIds?.map((id) => seed.staffMembers.find((member) => member.id === id)?.displayName));
    expect(day.appointments.some((appointment) => appointment.joinUrl !== null)).toBe(true);
    // Staff names are kept, so the next day view asks for two things only (then the appointments by id).
    const again = h.standIn.requests().length;
    await service.today();
    expect(h.standIn.requests()[again]?.batched).toHaveLength(2);
  });

  it('moves on with the London day: past midnight, and in summer time, the new day has its own appointments and calendar', async () => {
    const first = await h.service().today();
    // Ten past midnight the next day: the stand-in started on TODAY, and books the new day when asked.
    const next = await h.service({ now: () => new Date('2026-11-28T00:10:00Z') }).today();
    expect(next.date).toBe('2026-11-28');
    expect(next.appointments).toHaveLength(24);
    expect(next.appointments[0]?.start).toBe('2026-11-28T09:00:00.000Z');
    expect(next.appointments.filter((appointment) => first.appointments.some((earlier) => earlier.id === appointment.id))).toEqual([]);
    expect(next.calendar.map((event) => event.start)).toEqual(['2026-11-28T08:45:00.000Z', '2026-11-28T13:00:00.000Z']);
    // Asked again, the same day: the same appointments, not a second set.
    const again = await h.service({ now: () => new Date('2026-11-28T15:00:00Z') }).today();
    expect(again.appointments.map((appointment) => appointment.id)).toEqual(next.appointments.map((appointment) => appointment.id));
    // 00:30 in London on 2 June is 23:30 UTC on 1 June: the day is London's, its 9:00 is 8:00 UTC.
    const summer = await h.service({ now: () => new Date('2027-06-01T23:30:00Z') }).today();
    expect(summer.date).toBe('2027-06-02');
    expect(summer.appointments).toHaveLength(24);
    expect(summer.appointments[0]?.start).toBe('2027-06-02T08:00:00.000Z');
    expect(summer.calendar[0]?.start).toBe('2027-06-02T07:45:00.000Z');
    // The first day is as it was.
    expect((await h.service().today()).appointments.map((appointment) => appointment.id)).toEqual(first.appointments.map((appointment) => appointment.id));
  });

  // Both calendar views name their window's parameters as required (bookingbusiness-list-calendarview.md,
  // user-list-calendarview.md). The pages give no error code for a missing one, so only the 400 is asserted.
  it('refuses a calendar view without its time window, as Graph does', async () => {
    const business = `/solutions/bookingBusinesses/${encodeURIComponent(seed.bookingsBusinessId)}`;
    await expect(h.graph.client.api(`${business}/calendarView?start=${TODAY}T00:00:00Z`).get()).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.graph.client.api(`/me/calendarView?endDateTime=${TODAY}T23:59:59Z`).get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('shows only the calendar when Bookings is not set up', async () => {
    const day = await h.service({ settings: { bookingsBusinessId: null } }).today();
    expect(day.appointments).toEqual([]);
    expect(day.calendar).toHaveLength(2);
    await expect(h.service({ settings: { bookingsBusinessId: null } }).checkIn('x', 'Someone')).rejects.toThrow(/Bookings is not set up/);
  });

  it('checks a resident in by adding a line to the service notes', async () => {
    const appointment = seed.appointments[3]!;
    const checked = await h.service().checkIn(appointment.id, 'Ama Mensah');
    expect(checked.checkedInAt).toBe(h.clock.at.toISOString());
    expect(checked.notes).toContain(`Checked in at ${h.clock.at.toISOString()} by Ama Mensah`);
    expect(h.standIn.appointments().find((stored) => stored.id === appointment.id)?.serviceNotes).toContain('Checked in at');
    // Checking in twice keeps the first time.
    h.clock.at = new Date(h.clock.at.getTime() + 60_000);
    const twice = await h.service().checkIn(appointment.id, 'Someone Else');
    expect(twice.checkedInAt).toBe(checked.checkedInAt);
  });

  it('still shows who has checked in when the day is read again, though calendarView leaves service notes out', async () => {
    const business = `/solutions/bookingBusinesses/${encodeURIComponent(seed.bookingsBusinessId)}`;
    const listed = (await h.graph.client.api(`${business}/calendarView?start=${TODAY}T00:00:00Z&end=${TODAY}T23:59:59Z`).get()) as { value: Record<string, unknown>[] };
    expect(listed.value.length).toBeGreaterThan(0);
    expect(listed.value.every((appointment) => !('serviceNotes' in appointment))).toBe(true);
    const appointment = seed.appointments[7]!;
    const checked = await h.service().checkIn(appointment.id, 'Ama Mensah');
    // A fresh service, as after a restart: nothing is remembered on this side.
    const day = await h.service().today();
    expect(day.appointments.find((each) => each.id === appointment.id)?.checkedInAt).toBe(checked.checkedInAt);
    expect(day.appointments.filter((each) => each.checkedInAt !== null).map((each) => each.id)).toContain(appointment.id);
  });

  it('books a video follow-up with a Teams meeting, for the same resident and service', async () => {
    const from = seed.appointments[5]!;
    const before = h.standIn.requests().length;
    const booked = await h.service().bookFollowUp({ fromAppointmentId: from.id, start: `${TODAY}T15:00:00.000Z`, minutes: 45, video: true, notes: 'Bring tenancy papers' });
    const sent = h.standIn.requests().slice(before);
    expect(sent.some((request) => request.method === 'POST' && request.path === '/me/onlineMeetings')).toBe(true);
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(booked).toMatchObject({ service: from.serviceName, start: `${TODAY}T15:00:00.000Z`, end: `${TODAY}T15:45:00.000Z`, notes: 'Bring tenancy papers' });
    expect(booked.residentId).toBe(from.customers?.[0]?.customQuestionAnswers?.[0]?.answer);
    const stored = h.standIn.appointments().find((appointment) => appointment.id === booked.id)!;
    expect(stored.isLocationOnline).toBe(true);
    expect(stored.joinWebUrl).toBe(booked.joinUrl);
  });

  it('books an in-person follow-up without a meeting', async () => {
    const from = seed.appointments[6]!;
    const before = h.standIn.requests().length;
    const booked = await h.service().bookFollowUp({ fromAppointmentId: from.id, start: `${TODAY}T16:00:00.000Z`, minutes: 30, video: false, notes: '' });
    expect(h.standIn.requests().slice(before).some((request) => request.path === '/me/onlineMeetings')).toBe(false);
    expect(booked.joinUrl).toBeNull();
  });

  it('says what to do when Bookings cannot be reached', async () => {
    h.standIn.faults.dropConnection({ times: 10 });
    await expect(h.service().checkIn(seed.appointments[0]!.id, 'Someone')).rejects.toThrow(NotPossible);
    h.standIn.faults.clear();
  });

  it('says an appointment that is gone cannot be found', async () => {
    await expect(h.service().checkIn('no-such-appointment', 'Someone')).rejects.toThrow(/could not find/);
  });
});
