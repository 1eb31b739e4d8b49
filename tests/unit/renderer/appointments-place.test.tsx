import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../shared/contract/microsoft365';
import { App } from '../../../renderer/app/App';
import { createI18n } from '../../../renderer/i18n/i18n';
import { fakeBridge, maskedResidentView, residentView, session, type FakeAnswers } from '../support/fake-bridge';
import { me, signedIn, signedOut } from './microsoft365-fixtures';
import { placeOpened } from '../support/place-opened';

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

const appointment = (overrides: Partial<Appointment>): Appointment => ({ id: 'a', service: 'Housing advice', start: '2026-11-27T10:00:00.000Z', end: '2026-11-27T10:30:00.000Z', customerName: 'Ada Lovelace', customerPhone: null, residentId: residentView.residentId, staffNames: ['Amara Okafor'], joinUrl: null, checkedInAt: null, notes: '', ...overrides });

const later = appointment({ id: 'later', start: '2026-11-27T11:00:00.000Z', end: '2026-11-27T11:30:00.000Z', customerName: 'Grace Hopper', residentId: null, service: 'Council tax', joinUrl: 'https://teams.example.org/meet/1' });
const earlier = appointment({ id: 'earlier' });

async function showAppointments(answers: FakeAnswers) {
  const fake = fakeBridge(session, { 'account.status': () => signedIn, 'teams.me': () => me(), 'appointments.today': () => ({ date: '2026-11-27', appointments: [later, earlier], calendar: [{ id: 'c1', subject: 'Team huddle', start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:15:00.000Z', location: 'Room 2', joinUrl: null }] }), ...answers });
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const user = userEvent.setup();
  await user.keyboard('{Alt>}8{/Alt}');
  await placeOpened('Appointments');
  return { ...fake, user };
}

describe('the Appointments place', () => {
  it('explains and offers sign-in when signed out', async () => {
    await showAppointments({ 'account.status': () => signedOut });
    expect(within(screen.getByRole('main')).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeTruthy();
  });

  it("lists today's appointments in time order, and my calendar", async () => {
    await showAppointments({});
    const table = await screen.findByRole('table', { name: 'Today’s appointments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(within(rows[1]!).getByRole('link', { name: 'Join video call: Grace Hopper' })).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Open record of Grace Hopper' }).hasAttribute('disabled')).toBe(true);
    expect(within(screen.getByRole('list', { name: 'Your calendar today' })).getByText('Team huddle')).toBeTruthy();
  });

  it('checks a resident in and shows the time', async () => {
    const checkedInAt = '2026-11-27T10:02:00.000Z';
    const asked: unknown[] = [];
    const { user } = await showAppointments({
      'appointments.checkIn': (input) => {
        asked.push(input);
        return { ...earlier, checkedInAt };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Check in Ada Lovelace' }));
    expect(await screen.findByText(`Checked in ${clock(checkedInAt)}`)).toBeTruthy();
    expect(asked).toEqual([{ appointmentId: 'earlier' }]);
    expect(screen.queryByRole('button', { name: 'Check in Ada Lovelace' })).toBeNull();
  });

  it("opens the resident's record for an appointment", async () => {
    const opened: unknown[] = [];
    const { user } = await showAppointments({
      'residents.open': (input) => {
        opened.push(input);
        return maskedResidentView;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Open record of Ada Lovelace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Resident' })).toBeTruthy();
    expect(opened).toEqual([{ residentId: residentView.residentId, reason: 'appointment' }]);
  });

  it('books a video follow-up and shows its link', async () => {
    const booked: unknown[] = [];
    const { user } = await showAppointments({
      'appointments.bookFollowUp': (input) => {
        booked.push(input);
        return appointment({ id: 'new', start: '2026-12-04T14:30:00.000Z', end: '2026-12-04T15:15:00.000Z', joinUrl: 'https://teams.example.org/meet/2' });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Book follow-up for Ada Lovelace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Book a follow-up for Ada Lovelace' });
    // Typed day first, as the resident says it, and read back.
    const date = within(dialog).getByLabelText('Date (day first)');
    await user.clear(date);
    await user.type(date, '4/12/2026');
    expect(within(dialog).getByText('Read as Friday 4 December 2026')).toBeTruthy();
    const time = within(dialog).getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '14:30');
    await user.selectOptions(within(dialog).getByLabelText('Length'), '45');
    await user.click(within(dialog).getByRole('radio', { name: 'Video call' }));
    await user.type(within(dialog).getByLabelText('Notes (optional)'), 'Bring the tenancy letter.');
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(booked).toHaveLength(1));
    expect(booked[0]).toEqual({ fromAppointmentId: 'earlier', start: new Date('2026-12-04T14:30').toISOString(), minutes: 45, video: true, notes: 'Bring the tenancy letter.' });
    const confirmation = await screen.findByText(/^Follow-up booked for Ada Lovelace/);
    expect(within(confirmation).getByRole('link', { name: 'Join video call: Ada Lovelace' })).toBeTruthy();
  });

  it('after booking a follow-up, offers the resident a reminder through Notify once their record is open, and not before', async () => {
    const { user } = await showAppointments({
      'residents.open': () => residentView,
      'appointments.bookFollowUp': () => appointment({ id: 'new', start: '2026-12-04T14:30:00.000Z', end: '2026-12-04T15:00:00.000Z' }),
      'messages.templates': () => ({
        templates: [{ purpose: 'appointment-reminder', channel: 'sms', language: 'en', templateId: '3a9d4f51-8e62-4db0-8fa4-5b7c9dbe3f11', version: 1, subject: null, body: 'A reminder of your appointment on ((date)) at ((time)), at ((place)).' }],
        problem: null,
      }),
    });
    const book = async () => {
      await user.click(await screen.findByRole('button', { name: 'Book follow-up for Ada Lovelace' }));
      const dialog = await screen.findByRole('dialog', { name: 'Book a follow-up for Ada Lovelace' });
      const date = within(dialog).getByLabelText('Date (day first)');
      await user.clear(date);
      await user.type(date, '4/12/2026');
      const time = within(dialog).getByLabelText('Time');
      await user.clear(time);
      await user.type(time, '14:30');
      await user.click(within(dialog).getByRole('button', { name: 'Book' }));
      return screen.findByText(/^Follow-up booked for Ada Lovelace/);
    };
    // Not open yet: consent is on the record, so the officer is told to open it.
    expect((await book()).textContent).toContain('To send Ada Lovelace a reminder, open their record (with the identity check) first.');
    await user.click(screen.getByRole('button', { name: 'Open record of Ada Lovelace' }));
    await screen.findByRole('heading', { level: 1, name: 'Resident' });
    await user.keyboard('{Alt>}8{/Alt}');
    await screen.findByRole('heading', { level: 1, name: 'Appointments' });
    await book();
    await user.click(await screen.findByRole('button', { name: 'Send Ada Lovelace a reminder' }));
    const message = await screen.findByRole('dialog', { name: 'Send an appointment reminder' });
    // Filled with the follow-up's day and time, seen before it goes.
    await waitFor(() => expect(message.textContent).toContain('Friday 4 December'));
    expect(message.textContent).toContain(clock('2026-12-04T14:30:00.000Z'));
  });

  it('keeps what was typed and shows why when booking fails', async () => {
    const { user } = await showAppointments({
      'appointments.bookFollowUp': () => {
        throw new Error('That time is taken. Choose another.');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Book follow-up for Ada Lovelace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Book a follow-up for Ada Lovelace' });
    await user.type(within(dialog).getByLabelText('Notes (optional)'), 'Ground floor room.');
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    expect(await within(dialog).findByText('That time is taken. Choose another.')).toBeTruthy();
    expect((within(dialog).getByLabelText('Notes (optional)') as HTMLTextAreaElement).value).toBe('Ground floor room.');
  });
});
