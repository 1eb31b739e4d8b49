import type { z } from 'zod';
import { NotPossible } from '../ipc/router';
import type { Appointment, bookFollowUpInput, CalendarEvent, ServicePointDay } from '../../../shared/contract/microsoft365';
import { sendBatch } from './batch';
import { batchBody, reading } from './graph-errors';
import { londonDay } from '../../../shared/london-time';
import type { Page } from './paging';
import type { ServiceContext } from './service-context';

export type BookFollowUpInput = z.output<typeof bookFollowUpInput>;

interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

interface GraphCustomer {
  '@odata.type'?: string;
  customerId?: string | null;
  name?: string | null;
  emailAddress?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  customQuestionAnswers?: { questionId: string; question?: string; answerInputType?: string; answer?: string | null }[];
}

export interface GraphBookingAppointment {
  id: string;
  serviceId?: string;
  serviceName: string;
  serviceNotes?: string | null;
  startDateTime: GraphDateTime;
  endDateTime: GraphDateTime;
  customers?: GraphCustomer[];
  staffMemberIds?: string[];
  isLocationOnline?: boolean;
  joinWebUrl?: string | null;
  customerTimeZone?: string | null;
}

interface GraphEvent {
  id: string;
  subject?: string | null;
  start: GraphDateTime;
  end: GraphDateTime;
  location?: { displayName?: string | null } | null;
  onlineMeeting?: { joinUrl?: string | null } | null;
}

const NOT_SET_UP = 'Microsoft Bookings is not set up for this service point: ask your Microsoft 365 administrator to add the Bookings business to CivicDesk\'s settings.';

/**
 * Bookings has no check-in field, so checking a resident in adds a line to the appointment's
 * service notes, which every Bookings user sees too; CivicDesk reads it back from there.
 */
const CHECKED_IN = /^Checked in at (\S+) by (.+)$/m;

/** Graph gives Bookings and calendar times as a wall time and a zone; asked for in UTC, they are UTC. */
export function graphInstant(value: GraphDateTime): string {
  const text = value.dateTime;
  if (/[zZ]|[+-]\d\d:\d\d$/.test(text)) return new Date(text).toISOString();
  return new Date(`${text}Z`).toISOString();
}

function graphDateTime(at: Date): GraphDateTime {
  return { dateTime: at.toISOString(), timeZone: 'UTC' };
}

export function createBookingsArea(context: ServiceContext) {
  let staffNames: Map<string, string> | null = null;
  const business = () => {
    const id = context.settings.bookingsBusinessId;
    if (!id) throw new NotPossible(NOT_SET_UP);
    return `/solutions/bookingBusinesses/${encodeURIComponent(id)}`;
  };

  function toAppointment(raw: GraphBookingAppointment): Appointment {
    const customer = raw.customers?.[0];
    const questionId = context.settings.bookingsResidentQuestionId;
    const residentId = questionId ? (customer?.customQuestionAnswers?.find((answer) => answer.questionId === questionId)?.answer ?? null) : null;
    const notes = raw.serviceNotes ?? '';
    const checkedIn = CHECKED_IN.exec(notes);
    return {
      id: raw.id,
      service: raw.serviceName,
      start: graphInstant(raw.startDateTime),
      end: graphInstant(raw.endDateTime),
      customerName: customer?.name ?? '',
      customerPhone: customer?.phone ? customer.phone : null,
      residentId: residentId ? residentId : null,
      staffNames: (raw.staffMemberIds ?? []).map((id) => staffNames?.get(id) ?? 'A colleague'),
      joinUrl: raw.joinWebUrl ? raw.joinWebUrl : null,
      checkedInAt: checkedIn?.[1] ? new Date(checkedIn[1]).toISOString() : null,
      notes,
    };
  }

  function toEvent(raw: GraphEvent): CalendarEvent {
    return {
      id: raw.id,
      subject: raw.subject ?? '',
      start: graphInstant(raw.start),
      end: graphInstant(raw.end),
      location: raw.location?.displayName ? raw.location.displayName : null,
      joinUrl: raw.onlineMeeting?.joinUrl ?? null,
    };
  }

  async function loadStaff(): Promise<void> {
    if (staffNames) return;
    const page = (await context.client().api(`${business()}/staffMembers`).get()) as Page<{ id: string; displayName: string }>;
    staffNames = new Map(page.value.map((member) => [member.id, member.displayName]));
  }

  async function appointment(id: string): Promise<GraphBookingAppointment> {
    return (await context.client().api(`${business()}/appointments/${encodeURIComponent(id)}`).get()) as GraphBookingAppointment;
  }

  /**
   * calendarView leaves serviceNotes out ("available only when reading this bookingAppointment
   * by its ID", resources/bookingappointment.md), and the check-in line lives there, so each
   * appointment is read by id as well: 20 to a $batch. One that cannot be read keeps the listed
   * copy, shown as not checked in, rather than losing the whole day.
   */
  async function withServiceNotes(listed: GraphBookingAppointment[]): Promise<GraphBookingAppointment[]> {
    if (listed.length === 0) return listed;
    const answers = await sendBatch(
      context,
      listed.map((raw, index) => ({ id: String(index), method: 'GET' as const, url: `${business()}/appointments/${encodeURIComponent(raw.id)}` })),
    );
    return listed.map((raw, index) => {
      const answer = answers.get(String(index));
      if (answer?.status === 200) return { ...raw, serviceNotes: (answer.body as GraphBookingAppointment).serviceNotes ?? '' };
      context.log.warn('An appointment’s service notes could not be read; it is shown as not checked in.', { status: answer?.status ?? null });
      return raw;
    });
  }

  return {
    /**
     * The service point's day: the Bookings appointments and the officer's own calendar (and
     * the Bookings staff names the first time) in one $batch, then the appointments by id for
     * who has checked in.
     */
    async today(): Promise<ServicePointDay> {
      return reading(async () => {
        const day = londonDay(context.now());
        const start = encodeURIComponent(day.start.toISOString());
        const end = encodeURIComponent(day.end.toISOString());
        const hasBookings = context.settings.bookingsBusinessId !== null;
        const answers = await sendBatch(context, [
          { id: 'calendar', method: 'GET', url: `/me/calendarView?startDateTime=${start}&endDateTime=${end}&$orderby=start/dateTime&$top=50`, headers: { Prefer: 'outlook.timezone="UTC"' } },
          ...(hasBookings ? [{ id: 'bookings', method: 'GET' as const, url: `${business()}/calendarView?start=${start}&end=${end}` }] : []),
          ...(hasBookings && !staffNames ? [{ id: 'staff', method: 'GET' as const, url: `${business()}/staffMembers` }] : []),
        ]);
        const staff = answers.get('staff');
        if (staff) staffNames = new Map(batchBody<Page<{ id: string; displayName: string }>>(staff).value.map((member) => [member.id, member.displayName]));
        const listed = hasBookings ? batchBody<Page<GraphBookingAppointment>>(answers.get('bookings')).value : [];
        const appointments = (await withServiceNotes(listed)).map(toAppointment);
        const calendar = batchBody<Page<GraphEvent>>(answers.get('calendar')).value.map(toEvent);
        return {
          date: day.date,
          appointments: appointments.sort((a, b) => a.start.localeCompare(b.start)),
          calendar: calendar.sort((a, b) => a.start.localeCompare(b.start)),
        };
      });
    },

    async checkIn(appointmentId: string, byName: string): Promise<Appointment> {
      return reading(async () => {
        await loadStaff();
        const before = await appointment(appointmentId);
        const notes = before.serviceNotes ?? '';
        if (!CHECKED_IN.test(notes)) {
          const line = `Checked in at ${context.now().toISOString()} by ${byName}`;
          await context
            .client()
            .api(`${business()}/appointments/${encodeURIComponent(appointmentId)}`)
            .patch({ '@odata.type': '#microsoft.graph.bookingAppointment', serviceNotes: notes ? `${notes}\n${line}` : line });
        }
        return toAppointment(await appointment(appointmentId));
      });
    },

    /**
     * A follow-up for the same resident and service. A video one gets its Teams meeting from
     * /me/onlineMeetings first, so the officer who books it is the organiser.
     */
    async bookFollowUp(input: BookFollowUpInput): Promise<Appointment> {
      return reading(async () => {
        await loadStaff();
        const from = await appointment(input.fromAppointmentId);
        const start = new Date(input.start);
        const end = new Date(start.getTime() + input.minutes * 60_000);
        let joinWebUrl: string | null = null;
        if (input.video) {
          const meeting = (await context.client().api('/me/onlineMeetings').post({
            startDateTime: start.toISOString(),
            endDateTime: end.toISOString(),
            subject: `${from.serviceName} follow-up`,
          })) as { joinWebUrl: string };
          joinWebUrl = meeting.joinWebUrl;
        }
        const created = (await context
          .client()
          .api(`${business()}/appointments`)
          .post({
            '@odata.type': '#microsoft.graph.bookingAppointment',
            serviceId: from.serviceId,
            serviceName: from.serviceName,
            startDateTime: graphDateTime(start),
            endDateTime: graphDateTime(end),
            customerTimeZone: from.customerTimeZone ?? 'Europe/London',
            customers: (from.customers ?? []).slice(0, 1).map((customer) => ({
              '@odata.type': '#microsoft.graph.bookingCustomerInformation',
              customerId: customer.customerId,
              name: customer.name,
              emailAddress: customer.emailAddress,
              phone: customer.phone,
              customQuestionAnswers: customer.customQuestionAnswers ?? [],
            })),
            staffMemberIds: from.staffMemberIds ?? [],
            isLocationOnline: input.video,
            ...(joinWebUrl ? { joinWebUrl } : {}),
            serviceNotes: input.notes,
          })) as GraphBookingAppointment;
        return toAppointment(created);
      });
    },
  };
}
