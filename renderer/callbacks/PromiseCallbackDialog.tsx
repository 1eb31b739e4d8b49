import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
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
import { CALLBACK_REASON_MAX, callbackProblems, ukPhoneNumber, type CallbackFor } from '../../shared/domain/callback';
import type { Resident360 } from '../../shared/domain/resident-360';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { writeCallback } from './callback-outbox';
import { firstWindow, windowOf } from './callback-window';
import { WindowFields, type WindowText } from './WindowFields';
import { useSendCallbacksNow } from './callbacks-context';

type Field = 'number' | 'reason' | 'from' | 'to';

export interface PromisedWindow {
  from: string;
  to: string;
  reason: string;
}

/**
 * "Promise a call back": the number, the reason, a time window and whether it is the officer's
 * own or the queue's. Written to this computer first and sent from there (callback-outbox.ts),
 * so a promise made offline is kept. Asked to, it hands over to the confirmation text, which
 * the officer sees before it goes.
 */
export function PromiseCallbackDialog({ record, interactionId, onClose, onConfirm }: { record: Resident360; interactionId: string | null; onClose: () => void; onConfirm: (promised: PromisedWindow) => void }) {
  const { t } = useTranslation();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const sendNow = useSendCallbacksNow();
  const { resident } = record;
  const [number, setNumber] = useState(resident.contact.phones[0]?.number ?? '');
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState<WindowText>(() => firstWindow(new Date()));
  const [forWhom, setForWhom] = useState<CallbackFor>('me');
  const [confirm, setConfirm] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<Field | 'save', string>>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const window = windowOf(when.day, when.from, when.to);
    const found: Partial<Record<Field, string>> = {};
    if (!window) found.from = t('callbacks.chooseWindow');
    for (const problem of callbackProblems({ number, reason, from: window?.from ?? '', to: window?.to ?? '' }, new Date())) found[problem.field] ??= problem.message;
    setProblems(found);
    const firstWrong = (['number', 'reason', 'from', 'to'] as const).find((field) => found[field]);
    if (firstWrong) {
      // The first thing to put right takes the focus; everything typed stays.
      document.getElementById(`callback-${firstWrong}`)?.focus();
      return;
    }
    if (!window || staffId === null) return;
    setBusy(true);
    try {
      await writeCallback(caseDatabase(), {
        id: newId(),
        staffId,
        residentId: resident.id,
        residentName: `${resident.givenName} ${resident.familyName}`,
        interactionId,
        number: ukPhoneNumber(number) ?? number,
        reason: reason.trim(),
        from: window.from,
        to: window.to,
        forWhom,
        writtenAt: nowIso(),
      });
      sendNow();
      if (confirm) onConfirm({ ...window, reason: reason.trim() });
      else onClose();
    } catch (error) {
      setProblems({ save: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field) => ({
    id: `callback-${name}`,
    error: problems[name] !== undefined,
    helperText: problems[name],
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="promise-callback-title" maxWidth="sm" fullWidth>
      <DialogTitle id="promise-callback-title" component="h2">
        {t('callbacks.promiseTitle', { name: `${resident.givenName} ${resident.familyName}` })}
      </DialogTitle>
      <DialogContent>
        {problems.save && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problems.save}
          </Alert>
        )}
        <TextField {...field('number')} label={t('callbacks.number')} value={number} onChange={(event) => setNumber(event.target.value)} autoComplete="off" slotProps={{ htmlInput: { inputMode: 'tel', maxLength: 20 } }} fullWidth sx={{ my: 1 }} />
        <TextField {...field('reason')} label={t('callbacks.reason')} value={reason} onChange={(event) => setReason(event.target.value)} slotProps={{ htmlInput: { maxLength: CALLBACK_REASON_MAX } }} fullWidth sx={{ my: 1 }} />
        <WindowFields value={when} onChange={setWhen} problems={problems} />
        <FormControl sx={{ display: 'block', my: 1 }}>
          <FormLabel id="callback-for-label">{t('callbacks.forWhom')}</FormLabel>
          <RadioGroup row aria-labelledby="callback-for-label" name="callback-for" value={forWhom} onChange={(event) => setForWhom(event.target.value as CallbackFor)}>
            <FormControlLabel value="me" control={<Radio />} label={t('callbacks.forMe')} />
            <FormControlLabel value="queue" control={<Radio />} label={t('callbacks.forQueue')} />
          </RadioGroup>
        </FormControl>
        <FormControlLabel control={<Checkbox checked={confirm} onChange={(event) => setConfirm(event.target.checked)} />} label={t('callbacks.confirmToResident')} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('teams.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('callbacks.promise')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
