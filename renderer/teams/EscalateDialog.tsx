import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseForColleagues, ServiceTeam } from '../../shared/contract/microsoft365';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { useSendTeamsNow } from './teams-sender-context';
import { writeTeamsMessage } from './teams-outbox';

/** Escalate a case to a service's Teams channel; only services set up for escalation are offered. */
export function EscalateDialog({ about, onClose }: { about: CaseForColleagues; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const sendNow = useSendTeamsNow();
  const [channels, setChannels] = useState<ServiceTeam[] | null>(null);
  const [service, setService] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ service?: string; note?: string; load?: string }>({});

  useEffect(() => {
    let live = true;
    void bridge.teams.serviceTeams({}).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) {
        setChannels([]);
        setProblems({ load: outcome.error.message });
        return;
      }
      const open = outcome.value.filter((each) => each.canEscalate);
      setChannels(open);
      // The case's own service first, when it can take escalations.
      setService(open.find((each) => each.service === about.service)?.service ?? '');
    });
    return () => {
      live = false;
    };
  }, [bridge, about.service]);

  const send = async () => {
    const found = { service: service === '' ? t('teams.escalate.chooseChannel') : undefined, note: note.trim() === '' ? t('teams.escalate.noteMissing') : undefined };
    setProblems(found);
    if (found.service || found.note) return;
    try {
      await writeTeamsMessage(caseDatabase(), { kind: 'escalate', input: { messageId: newId(), writtenAt: nowIso(), case: about, note: note.trim(), service } });
    } catch (error) {
      setProblems({ load: error instanceof Error ? error.message : String(error) });
      return;
    }
    onClose();
    sendNow();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="escalate-title" maxWidth="sm" fullWidth>
      <DialogTitle id="escalate-title" component="h2">
        {t('teams.escalate.title')}
      </DialogTitle>
      <DialogContent>
        {problems.load && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problems.load}
          </Alert>
        )}
        {channels && channels.length === 0 && <Typography sx={{ mb: 2 }}>{t('teams.escalate.noChannels')}</Typography>}
        {channels && channels.length > 0 && (
          <TextField id="escalate-channel" select label={t('teams.escalate.channel')} value={service} onChange={(event) => setService(event.target.value)} slotProps={{ select: { native: true } }} error={problems.service !== undefined} helperText={problems.service} fullWidth sx={{ mt: 1, mb: 2 }}>
            <option value="">{t('teams.escalate.chooseOne')}</option>
            {channels.map((each) => (
              <option key={each.teamId} value={each.service}>
                {each.name}
              </option>
            ))}
          </TextField>
        )}
        <TextField id="escalate-note" label={t('teams.escalate.note')} value={note} onChange={(event) => setNote(event.target.value)} required multiline minRows={3} fullWidth error={problems.note !== undefined} helperText={problems.note ?? t('teams.escalate.noteHint')} slotProps={{ htmlInput: { maxLength: 2000 } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('teams.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()} disabled={channels !== null && channels.length === 0}>
          {t('teams.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
