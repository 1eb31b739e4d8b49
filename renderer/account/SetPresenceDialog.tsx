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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, type PresenceChoice } from './account-context';

const CHOICES: readonly PresenceChoice[] = ['Available', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Automatic'];
const LENGTHS = ['30', '60', '120', 'endOfDay'] as const;
type Length = (typeof LENGTHS)[number];

/** Minutes until midnight, so "until the end of the day" ends today whatever the time. */
export function minutesUntilEndOfDay(now = new Date()): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return Math.max(5, Math.ceil((midnight.getTime() - now.getTime()) / 60_000));
}

/** Radio groups and a Set button: every choice reachable with Tab and the arrow keys. */
export function SetPresenceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  // Starts at what the officer shows now, so Set without changing anything keeps it.
  const now = account.me?.presence.availability;
  const [choice, setChoice] = useState<PresenceChoice>(CHOICES.find((each) => each === now) ?? 'Available');
  const [length, setLength] = useState<Length>('60');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const set = async () => {
    setSaving(true);
    setProblem(null);
    const minutes = length === 'endOfDay' ? minutesUntilEndOfDay() : Number(length);
    // Automatic ignores how long, but the contract still asks for a valid number.
    const outcome = await account.setPresence(choice, choice === 'Automatic' ? 30 : minutes);
    setSaving(false);
    if (outcome.ok) onClose();
    else setProblem(outcome.error.message);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="set-presence-title" maxWidth="xs" fullWidth>
      <DialogTitle id="set-presence-title" component="h2">
        {t('account.presence.title')}
      </DialogTitle>
      <DialogContent>
        {problem && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <FormControl component="fieldset" sx={{ mb: 2 }}>
          <FormLabel component="legend">{t('account.presence.show')}</FormLabel>
          <RadioGroup name="presence" value={choice} onChange={(event) => setChoice(event.target.value as PresenceChoice)}>
            {CHOICES.map((each) => (
              <FormControlLabel key={each} value={each} control={<Radio />} label={t(`account.presence.choices.${each}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        <FormControl component="fieldset" disabled={choice === 'Automatic'}>
          <FormLabel component="legend">{t('account.presence.forHowLong')}</FormLabel>
          <RadioGroup name="presence-length" value={length} onChange={(event) => setLength(event.target.value as Length)}>
            {LENGTHS.map((each) => (
              <FormControlLabel key={each} value={each} control={<Radio />} label={t(`account.presence.lengths.${each}`)} />
            ))}
          </RadioGroup>
        </FormControl>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('account.presence.cancel')}</Button>
        <Button variant="contained" onClick={() => void set()} disabled={saving}>
          {t('account.presence.set')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
