import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackProblems, type Callback } from '../../shared/domain/callback';
import { useBridge } from '../bridge/bridge-context';
import { useNavigation } from '../navigation/navigation-context';
import { newId } from '../storage/ids';
import { useCallbacksIfAny } from './callbacks-context';
import { firstWindow, windowOf } from './callback-window';
import { WindowFields, type WindowText } from './WindowFields';

/**
 * "No answer": the attempt is recorded on the resident and the call back moves to a new
 * window. The attempt keeps one id however often it is tried, so it is recorded once.
 */
export function NoAnswerDialog({ callback, onClose }: { callback: Callback; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const api = useCallbacksIfAny();
  const navigation = useNavigation();
  const attemptId = useRef(newId()).current;
  const [when, setWhen] = useState<WindowText>(() => firstWindow(new Date(Date.now() + 3_600_000)));
  const [problems, setProblems] = useState<{ from?: string; to?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const window = windowOf(when.day, when.from, when.to);
    const found: typeof problems = {};
    if (!window) found.from = t('callbacks.chooseWindow');
    for (const problem of callbackProblems({ number: callback.number, reason: callback.reason, from: window?.from ?? '', to: window?.to ?? '' }, new Date())) {
      if (problem.field === 'from' || problem.field === 'to') found[problem.field] ??= problem.message;
    }
    setProblems(found);
    const wrong = found.from ? 'from' : found.to ? 'to' : null;
    if (wrong || !window) {
      if (wrong) document.getElementById(`callback-${wrong}`)?.focus();
      return;
    }
    setBusy(true);
    const outcome = await bridge.callbacks.attempted({ callbackId: callback.id, attemptId, nextFrom: window.from, nextTo: window.to });
    setBusy(false);
    if (!outcome.ok) {
      // Nothing is lost: the new time stays in the fields, to be saved again.
      setProblems({ save: outcome.error.message });
      return;
    }
    await api?.refresh();
    onClose();
    navigation?.refocus();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="no-answer-title" maxWidth="sm" fullWidth>
      <DialogTitle id="no-answer-title" component="h2">
        {t('callbacks.noAnswerTitle', { name: callback.residentName })}
      </DialogTitle>
      <DialogContent>
        {problems.save && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problems.save}
          </Alert>
        )}
        <Typography>{t('callbacks.noAnswerIntro')}</Typography>
        <WindowFields value={when} onChange={setWhen} problems={problems} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('teams.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('callbacks.recordNoAnswer')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
