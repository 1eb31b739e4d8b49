import type { GraphBookingAppointment } from '../../graph/bookings';
import { londonDate, londonDay, londonWallTime } from '../../../../shared/london-time';
import { badRequest, notFound } from './graph-errors';
import { pageOf } from './paging';
import { appointmentsOn, seededGuid } from './seed';
import { context, type GraphWorld, type Route } from './world';

function instant(value: { dateTime: string; timeZone: string }): number {
  const text = value.dateTime;
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
}

/**
 * The London days from `start` to `end` (instants), at most a month of them: the stand-in's
 * training day moves on with the clock, so a run that goes past midnight finds the next day's
 * calendar and appointments, as a council's real ones would be.
 */
function londonDaysWithin(start: number, end: number): string[] {
  const days: string[] = [];
  for (let at = new Date(start); at.getTime() < end && days.length < 31; at = londonDay(at).end) days.push(londonDate(at));
  return days;
}

/** Books each day in the range that has no Bookings yet: the same appointments whenever a day is first asked for. */
function bookDays(world: GraphWorld, start: number, end: number): void {
  for (const day of londonDaysWithin(start, end)) {
    if (world.appointmentDays.has(day)) continue;
    world.appointmentDays.add(day);
    world.appointments.push(...appointmentsOn(world.seed.appointmentBook, day));
  }
}

/** Every officer's own calendar, each day: a morning huddle and an afternoon catch-up. */
function eventsFor(userId: string, start: number, end: number) {
  const event = (day: string, key: string, subject: string, at: Date, minutes: number, online: boolean, location: string) => ({
    id: seededGuid(0, 'event', userId, day, key),
    subject,
    start: { dateTime: at.toISOString().replace('Z', '0000'), timeZone: 'UTC' },
    end: { dateTime: new Date(at.getTime() + minutes * 60_000).toISOString().replace('Z', '0000'), timeZone: 'UTC' },
    location: { displayName: location },
    isOnlineMeeting: online,
    onlineMeeting: online ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${seededGuid(0, 'meeting', userId, day, key).replace(/-/g, '')}%40thread.v2/0` } : null,
  });
  return londonDaysWithin(start, end).flatMap((day) => [
    event(day, 'huddle', 'Morning huddle', londonWallTime(day, 8, 45), 15, true, 'Microsoft Teams Meeting'),
    event(day, 'catch-up', 'Casework catch-up with team leader', londonWallTime(day, 13, 0), 30, false, 'Meeting room 2'),
  ]);
}

export function bookingsRoutes(world: GraphWorld): Route[] {
  const now = () => world.now();
  const business = (id: string) => id === world.seed.bookingsBusinessId;
  const appointmentJson = (appointment: GraphBookingAppointment) => ({
    '@odata.context': context(world, `solutions/bookingBusinesses('${world.seed.bookingsBusinessId}')/appointments/$entity`),
    ...appointment,
  });

  return [
    [
      // The business itself (GET /solutions/bookingBusinesses/{id}): the readiness check asks for it.
      'GET',
      /^\/solutions\/bookingBusinesses\/([^/]+)$/,
      (_request, id) => {
        if (!business(id)) return notFound(now(), `Booking business '${id}'`);
        return {
          status: 200,
          body: { '@odata.context': context(world, 'solutions/bookingBusinesses/$entity'), id, displayName: 'CivicDesk service points', businessType: 'Local government', email: id, defaultCurrencyIso: 'GBP', isPublished: false },
        };
      },
    ],
    [
      'GET',
      /^\/solutions\/bookingBusinesses\/([^/]+)\/calendarView$/,
      (request, id) => {
        if (!business(id)) return notFound(now(), `Booking business '${id}'`);
        const start = Date.parse(request.query.get('start') ?? '');
        const end = Date.parse(request.query.get('end') ?? '');
        if (Number.isNaN(start) || Number.isNaN(end)) return badRequest(now(), 'calendarView needs start and end.');
        bookDays(world, start, end);
        // serviceNotes "is available only when reading this bookingAppointment by its ID"
        // (resources/bookingappointment.md), so a list leaves it out.
        const within = world.appointments
          .filter((appointment) => instant(appointment.endDateTime) > start && instant(appointment.startDateTime) < end)
          .map(({ serviceNotes: _byIdOnly, ...listed }) => listed);
        return { status: 200, body: { '@odata.context': context(world, 'Collection(microsoft.graph.bookingAppointment)'), value: within } };
      },
    ],
    [
      'GET',
      /^\/solutions\/bookingBusinesses\/([^/]+)\/staffMembers$/,
      (_request, id) => {
        if (!business(id)) return notFound(now(), `Booking business '${id}'`);
        const value = world.seed.staffMembers.map((member) => ({
          '@odata.type': '#microsoft.graph.bookingStaffMember',
          id: member.id,
          displayName: member.displayName,
          emailAddress: member.emailAddress,
          role: member.role,
          useBusinessHours: true,
        }));
        return { status: 200, body: { '@odata.context': context(world, 'Collection(microsoft.graph.bookingStaffMember)'), value } };
      },
    ],
    [
      'GET',
      /^\/solutions\/bookingBusinesses\/([^/]+)\/appointments\/([^/]+)$/,
      (_request, id, appointmentId) => {
        const appointment = business(id) ? world.appointments.find((candidate) => candidate.id === appointmentId) : undefined;
        return appointment ? { status: 200, body: appointmentJson(appointment) } : notFound(now(), `Appointment '${appointmentId}'`);
      },
    ],
    [
      'PATCH',
      /^\/solutions\/bookingBusinesses\/([^/]+)\/appointments\/([^/]+)$/,
      (request, id, appointmentId) => {
        const appointment = business(id) ? world.appointments.find((candidate) => candidate.id === appointmentId) : undefined;
        if (!appointment) return notFound(now(), `Appointment '${appointmentId}'`);
        const changes = (request.body ?? {}) as Partial<GraphBookingAppointment>;
        if (typeof changes.serviceNotes === 'string') appointment.serviceNotes = changes.serviceNotes;
        // Bookings answers an update with no content.
        return { status: 204 };
      },
    ],
    [
      'POST',
      /^\/solutions\/bookingBusinesses\/([^/]+)\/appointments$/,
      (request, id) => {
        if (!business(id)) return notFound(now(), `Booking business '${id}'`);
        const given = (request.body ?? {}) as Partial<GraphBookingAppointment>;
        if (!given.serviceId || !given.startDateTime || !given.endDateTime) return badRequest(now(), 'An appointment needs serviceId, startDateTime and endDateTime.');
        const created: GraphBookingAppointment = {
          id: seededGuid(world.appointments.length, 'appointment', given.serviceId, now().getTime()),
          serviceId: given.serviceId,
          serviceName: given.serviceName ?? '',
          serviceNotes: given.serviceNotes ?? '',
          startDateTime: given.startDateTime,
          endDateTime: given.endDateTime,
          customers: given.customers ?? [],
          staffMemberIds: given.staffMemberIds ?? [],
          isLocationOnline: given.isLocationOnline ?? false,
          joinWebUrl: given.joinWebUrl ?? null,
          customerTimeZone: given.customerTimeZone ?? 'Europe/London',
        };
        world.appointments.push(created);
        return { status: 201, body: appointmentJson(created) };
      },
    ],
    [
      'GET',
      /^\/me\/calendarView$/,
      (request) => {
        const start = Date.parse(request.query.get('startDateTime') ?? '');
        const end = Date.parse(request.query.get('endDateTime') ?? '');
        if (Number.isNaN(start) || Number.isNaN(end)) return badRequest(now(), 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
        const within = eventsFor(request.me, start, end).filter((event) => instant(event.end) > start && instant(event.start) < end);
        return { status: 200, body: pageOf(within, { origin: world.origin(), path: request.path, query: request.query, pageSize: 50, context: "users('me')/calendarView" }) };
      },
    ],
    [
      'POST',
      /^\/me\/onlineMeetings$/,
      (request) => {
        const body = (request.body ?? {}) as { startDateTime?: string; endDateTime?: string; subject?: string };
        const id = seededGuid(world.appointments.length, 'online-meeting', request.me, now().getTime(), body.startDateTime ?? '');
        return {
          status: 201,
          body: {
            '@odata.context': context(world, "users('me')/onlineMeetings/$entity"),
            id,
            creationDateTime: now().toISOString(),
            startDateTime: body.startDateTime ?? now().toISOString(),
            endDateTime: body.endDateTime ?? new Date(now().getTime() + 3_600_000).toISOString(),
            subject: body.subject ?? null,
            joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.replace(/-/g, '')}%40thread.v2/0`,
            participants: { organizer: { identity: { user: { id: request.me } } } },
          },
        };
      },
    ],
  ];
}
