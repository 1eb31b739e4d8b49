import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, ServicePointDay } from '../../shared/contract/microsoft365';
import { useAccount } from '../account/account-context';
import { SignInButton } from '../account/SignInButton';
import { useBridge } from '../bridge/bridge-context';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { SendMessageDialog } from '../messages/SendMessageDialog';
import { BookFollowUpDialog } from './BookFollowUpDialog';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayAndTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const dayWords = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/London' });
const byStart = <T extends { start: string }>(items: T[]) => [...items].sort((a, b) => a.start.localeCompare(b.start));

/** A Teams meeting link, opened in the system browser (or the Teams app) by main. */
function JoinLink({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  return (
    <Link
      href={url}
      aria-label={label}
      onClick={(event) => {
        event.preventDefault();
        void bridge.links.openExternal({ url });
      }}
    >
      {t('appointments.join')}
    </Link>
  );
}

/** The service point's day: residents booked in Microsoft Bookings, and the officer's own calendar. */
export function AppointmentsPlace() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const account = useAccount();
  const contact = useContact();
  const navigation = useNavigation();
  const signedIn = account.status?.signedIn === true;
  const [day, setDay] = useState<ServicePointDay | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [following, setFollowing] = useState<Appointment | null>(null);
  const [booked, setBooked] = useState<{ from: Appointment; booked: Appointment } | null>(null);
  const [reminding, setReminding] = useState(false);
  const remindRef = useRef<HTMLButtonElement>(null);
  const bookedRef = useRef<HTMLDivElement>(null);

  const fetchDay = useCallback(
    () =>
      bridge.appointments.today({}).then((outcome) => {
        setLoading(false);
        if (outcome.ok) {
          setDay(outcome.value);
          setProblem(null);
        } else setProblem(outcome.error.message);
      }),
    [bridge],
  );
  const load = () => {
    setLoading(true);
    void fetchDay();
  };

  useEffect(() => {
    if (signedIn) void fetchDay();
  }, [signedIn, fetchDay]);
  useEffect(() => {
    if (booked) bookedRef.current?.focus();
  }, [booked]);

  // The booked resident's record, when it is the one open for the contact (identity checked).
  const reminderRecord = booked && booked.from.residentId && contact.about?.view.residentId === booked.from.residentId ? (contact.about.view.record ?? null) : null;

  const checkIn = async (appointment: Appointment) => {
    const outcome = await bridge.appointments.checkIn({ appointmentId: appointment.id });
    if (outcome.ok) {
      setProblem(null);
      // The resident is here: their visit is the contact in hand, wrapped up like a call.
      await contact.startVisit(appointment.residentId);
      setDay((current) => current && { ...current, appointments: current.appointments.map((each) => (each.id === outcome.value.id ? outcome.value : each)) });
    } else setProblem(outcome.error.message);
  };

  const openRecord = async (residentId: string) => {
    if (await contact.openResident(residentId, 'appointment')) navigation?.goTo('resident');
  };

  if (!signedIn) {
    return (
      <Box sx={{ maxWidth: '50rem' }}>
        <Typography sx={{ mb: 2 }}>{t('appointments.signedOut')}</Typography>
        <SignInButton />
      </Box>
    );
  }

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <Button variant="outlined" onClick={load} disabled={loading}>
          {t('appointments.refresh')}
        </Button>
        {loading && <CircularProgress size="1.25rem" aria-label={t('appointments.loading')} />}
      </Box>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {booked && (
        <Alert ref={bookedRef} tabIndex={-1} severity="success" role="status" sx={{ mb: 2 }} onClose={() => setBooked(null)} slotProps={{ closeButton: { 'aria-label': t('appointments.dismiss'), title: t('appointments.dismiss') } }}>
          {t('appointments.followUp.booked', { name: booked.from.customerName, when: dayAndTime(booked.booked.start) })}
          {booked.booked.joinUrl && (
            <>
              {' '}
              <JoinLink url={booked.booked.joinUrl} label={t('appointments.joinNamed', { name: booked.booked.customerName })} />
            </>
          )}
          {/* A reminder goes by the resident's consent on their record, so it needs the record open (with the identity check). */}
          {reminderRecord ? (
            <Box sx={{ mt: 1 }}>
              <Button ref={remindRef} size="small" variant="outlined" aria-haspopup="dialog" onClick={() => setReminding(true)}>
                {t('appointments.remind', { name: booked.booked.customerName })}
              </Button>
            </Box>
          ) : (
            booked.from.residentId && <Typography variant="body2" sx={{ mt: 1 }}>{t('appointments.remindOpenFirst', { name: booked.booked.customerName })}</Typography>
          )}
        </Alert>
      )}
      {booked && reminderRecord && reminding && (
        <SendMessageDialog
          record={reminderRecord}
          about={{ purpose: 'appointment-reminder', values: { date: dayWords(booked.booked.start), time: clockTime(booked.booked.start), place: booked.booked.joinUrl ? t('appointments.reminderVideo') : t('appointments.reminderPlace', { service: booked.booked.service }) }, interactionId: contact.current?.id ?? null, caseId: null }}
          onClose={() => {
            setReminding(false);
            setTimeout(() => remindRef.current?.focus(), 0);
          }}
        />
      )}

      <Box component="section" aria-labelledby="appointments-heading" sx={{ mb: 4 }}>
        <Typography id="appointments-heading" component="h2" variant="h6" gutterBottom>
          {t('appointments.todayHeading')}
        </Typography>
        {day && day.appointments.length === 0 && <Typography>{t('appointments.none')}</Typography>}
        {day && day.appointments.length > 0 && (
          <Box tabIndex={0} role="group" aria-label={t('appointments.scrollLabel')} sx={{ overflowX: 'auto', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}>
            <Table size="small" aria-labelledby="appointments-heading" sx={{ minWidth: '48rem', '& td, & th': { verticalAlign: 'top' } }}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">{t('appointments.time')}</TableCell>
                  <TableCell component="th" scope="col">{t('appointments.service')}</TableCell>
                  <TableCell component="th" scope="col">{t('appointments.resident')}</TableCell>
                  <TableCell component="th" scope="col">{t('appointments.staff')}</TableCell>
                  <TableCell component="th" scope="col">{t('appointments.video')}</TableCell>
                  <TableCell component="th" scope="col">{t('appointments.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {byStart(day.appointments).map((appointment) => (
                  <TableRow key={appointment.id} data-testid={`appointment-${appointment.id}`}>
                    <TableCell>{t('appointments.timeRange', { start: clockTime(appointment.start), end: clockTime(appointment.end) })}</TableCell>
                    <TableCell>{appointment.service}</TableCell>
                    <TableCell>{appointment.customerName}</TableCell>
                    <TableCell>{appointment.staffNames.join(', ')}</TableCell>
                    <TableCell>{appointment.joinUrl ? <JoinLink url={appointment.joinUrl} label={t('appointments.joinNamed', { name: appointment.customerName })} /> : t('appointments.inPerson')}</TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline' }}>
                        {appointment.checkedInAt ? (
                          <Typography variant="body2" role="status" sx={{ fontWeight: 700 }}>
                            {t('appointments.checkedIn', { time: clockTime(appointment.checkedInAt) })}
                          </Typography>
                        ) : (
                          <Button size="small" variant="contained" onClick={() => void checkIn(appointment)} aria-label={t('appointments.checkInNamed', { name: appointment.customerName })}>
                            {t('appointments.checkIn')}
                          </Button>
                        )}
                        <Button size="small" variant="outlined" disabled={!appointment.residentId} onClick={() => appointment.residentId && void openRecord(appointment.residentId)} aria-label={t('appointments.openRecordNamed', { name: appointment.customerName })}>
                          {t('appointments.openRecord')}
                        </Button>
                        <Button size="small" variant="outlined" onClick={() => setFollowing(appointment)} aria-haspopup="dialog" aria-label={t('appointments.followUp.buttonNamed', { name: appointment.customerName })}>
                          {t('appointments.followUp.button')}
                        </Button>
                      </Box>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Box>

      <Box component="section" aria-labelledby="calendar-heading">
        <Typography id="calendar-heading" component="h2" variant="h6" gutterBottom>
          {t('appointments.calendarHeading')}
        </Typography>
        {day && day.calendar.length === 0 && <Typography>{t('appointments.calendarEmpty')}</Typography>}
        {day && day.calendar.length > 0 && (
          <Box component="ul" aria-labelledby="calendar-heading" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {byStart(day.calendar).map((event) => (
              <Box component="li" key={event.id} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
                <span>{t('appointments.timeRange', { start: clockTime(event.start), end: clockTime(event.end) })}</span>
                <strong>{event.subject}</strong>
                {event.location && <span>{event.location}</span>}
                {event.joinUrl && <JoinLink url={event.joinUrl} label={t('appointments.joinNamed', { name: event.subject })} />}
              </Box>
            ))}
          </Box>
        )}
      </Box>

      {following && (
        <BookFollowUpDialog
          from={following}
          onClose={() => setFollowing(null)}
          onBooked={(result) => {
            setBooked({ from: following, booked: result });
            setFollowing(null);
          }}
        />
      )}
    </Box>
  );
}
