import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_TEXT_MAX, type OpenedEmail } from '../../shared/contract/mail';
import { useBridge } from '../bridge/bridge-context';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { writeMail } from './mail-outbox';
import { useSendMailNow } from './mail-outbox-runner';

/**
 * Forward the email, with its files, to the service whose work it is (the deployment file
 * names each service's mailbox), with a note for them. Written here first, then sent once.
 */
export function ForwardDialog({ email, interactionId, onClose }: { email: OpenedEmail; interactionId: string | null; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const sendNow = useSendMailNow();
  const [services, setServices] = useState<string[] | null>(null);
  const [service, setService] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void bridge.mail.services({}).then((outcome) => {
      if (outcome.ok) setServices(outcome.value.services);
      else setProblem(outcome.error.message);
    });
  }, [bridge]);

  const send = async () => {
    if (!service || staffId === null) {
      setProblem(t('email.chooseService'));
      document.getElementById('forward-first-service')?.focus();
      return;
    }
    await writeMail(caseDatabase(), { id: newId(), staffId, emailId: email.id, interactionId, kind: 'forward', service, text: note.trim(), writtenAt: nowIso() });
    sendNow();
    onClose(true);
  };

  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="forward-title" fullWidth maxWidth="sm">
      <DialogTitle id="forward-title">{t('email.forwardTitle')}</DialogTitle>
      <DialogContent>
        {services !== null && services.length === 0 && <Typography sx={{ mb: 2 }}>{t('email.noServices')}</Typography>}
        {services !== null && services.length > 0 && (
          <FormControl error={problem !== null} sx={{ mb: 2 }}>
            <FormLabel id="forward-service">{t('email.service')}</FormLabel>
            <RadioGroup aria-labelledby="forward-service" value={service} onChange={(event) => {
                setService(event.target.value);
                setProblem(null);
              }}>
              {services.map((each, index) => (
                <FormControlLabel key={each} value={each} control={<Radio id={index === 0 ? 'forward-first-service' : undefined} />} label={t(`services.${each}`, { defaultValue: each })} />
              ))}
            </RadioGroup>
            {problem && <FormHelperText>{problem}</FormHelperText>}
          </FormControl>
        )}
        {services === null && problem && <Typography color="error">{problem}</Typography>}
        <TextField label={t('email.forwardNote')} value={note} onChange={(event) => setNote(event.target.value)} multiline minRows={3} fullWidth slotProps={{ htmlInput: { maxLength: MAIL_TEXT_MAX } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('email.cancel')}</Button>
        <Button variant="contained" disabled={!services || services.length === 0} onClick={() => void send()}>
          {t('email.sendForward')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
