import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../shared/contract/microsoft365';
import { longDate } from '../../shared/call-scripts/answers';
import { spokenDate } from '../../shared/domain/spoken-date';
import { useBridge } from '../bridge/bridge-context';

const LENGTHS = [15, 30, 45, 60] as const;

/** Today's date, in London. */
const localDate = (date = new Date()) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** A follow-up with the same resident; what was typed stays if booking fails. */
export function BookFollowUpDialog({ from, onClose, onBooked }: { from: Appointment; onClose: () => void; onBooked: (booked: Appointment) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  // Typed as the resident says it, day first, whatever the browser's locale; read back to check.
  const [dateText, setDateText] = useState(() => localDate().split('-').reverse().join('/'));
  const date = spokenDate(dateText, { today: localDate(), prefer: 'future' });
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState<number>(30);
  const [video, setVideo] = useState(false);
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);

  const book = async () => {
    const start = new Date(`${date}T${time}`);
    if (!date || !time || Number.isNaN(start.getTime())) {
      setProblem(t('appointments.followUp.whenMissing'));
      return;
    }
    setBooking(true);
    setProblem(null);
    const outcome = await bridge.appointments.bookFollowUp({ fromAppointmentId: from.id, start: start.toISOString(), minutes, video, notes });
    setBooking(false);
    if (outcome.ok) onBooked(outcome.value);
    else setProblem(outcome.error.message);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="follow-up-title" maxWidth="sm" fullWidth>
      <DialogTitle id="follow-up-title" component="h2">
        {t('appointments.followUp.title', { name: from.customerName })}
      </DialogTitle>
      <DialogContent>
        {problem && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <TextField
          id="follow-up-date"
          label={t('appointments.followUp.date')}
          value={dateText}
          onChange={(event) => setDateText(event.target.value)}
          helperText={date ? t('runner.dateReadAs', { date: longDate(date) }) : t('runner.dateNotRead')}
          autoComplete="off"
          sx={{ mt: 1, mr: 2, mb: 2 }}
        />
        <TextField id="follow-up-time" type="time" label={t('appointments.followUp.time')} value={time} onChange={(event) => setTime(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ mt: 1, mb: 2 }} />
        <TextField id="follow-up-length" select label={t('appointments.followUp.length')} value={String(minutes)} onChange={(event) => setMinutes(Number(event.target.value))} slotProps={{ select: { native: true } }} fullWidth sx={{ mb: 2 }}>
          {LENGTHS.map((each) => (
            <option key={each} value={each}>
              {t('appointments.followUp.minutes', { count: each })}
            </option>
          ))}
        </TextField>
        <FormControl component="fieldset" sx={{ mb: 2 }}>
          <FormLabel component="legend">{t('appointments.followUp.how')}</FormLabel>
          <RadioGroup name="follow-up-how" value={video ? 'video' : 'in-person'} onChange={(event) => setVideo(event.target.value === 'video')}>
            <FormControlLabel value="in-person" control={<Radio />} label={t('appointments.followUp.inPerson')} />
            <FormControlLabel value="video" control={<Radio />} label={t('appointments.followUp.video')} />
          </RadioGroup>
        </FormControl>
        <TextField id="follow-up-notes" label={t('appointments.followUp.notes')} value={notes} onChange={(event) => setNotes(event.target.value)} multiline minRows={2} fullWidth slotProps={{ htmlInput: { maxLength: 1000 } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('appointments.followUp.cancel')}</Button>
        <Button variant="contained" onClick={() => void book()} disabled={booking}>
          {t('appointments.followUp.book')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
