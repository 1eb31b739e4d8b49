import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackGroup, type Callback, type CallbackGroup } from '../../shared/domain/callback';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { caseDatabase } from '../storage/case-database';
import { useCallbacksIfAny } from './callbacks-context';
import { windowWords } from './callback-words';
import { NoAnswerDialog } from './NoAnswerDialog';

/** The order the place lists them in: what needs doing now first. */
const GROUPS: CallbackGroup[] = ['due-now', 'overdue', 'later-today', 'later', 'done'];

/**
 * The officer's call backs and the queue's, as the council's system has them: due now, overdue,
 * later today, later, and done (the last day). "Call back now" starts an outgoing call with the
 * resident's 360 view; "No answer" records the attempt and moves the call back to a new time.
 */
export function CallbacksPlace() {
  const { t } = useTranslation();
  const api = useCallbacksIfAny();
  const contact = useContact();
  const navigation = useNavigation();
  const [noAnswer, setNoAnswer] = useState<Callback | null>(null);
  const [doneProblem, setDoneProblem] = useState<string | null>(null);
  // Asked afresh on arrival: one made or promised a moment ago shows without waiting for the next ask.
  const refresh = api?.refresh;
  useEffect(() => {
    void refresh?.();
  }, [refresh]);
  if (!api) return null;
  // A promise the council's system refused stays until the officer has read why and let it go.
  const removeRefused = async (id: string) => {
    await caseDatabase().callbacks.delete(id);
    navigation?.refocus();
  };
  // Done another way (the resident rang in, or it was settled on another call): completed in the
  // council's system, and focus goes to the Done heading, where it now is.
  const markDone = async (each: Callback) => {
    const problem = await api.markDone(each.id);
    setDoneProblem(problem);
    if (!problem) document.getElementById('callbacks-done')?.focus();
  };
  const now = new Date();
  const inHand = contact.current !== null && contact.current.status !== 'done';
  const grouped = new Map<CallbackGroup, Callback[]>();
  for (const each of api.callbacks ?? []) {
    const group = callbackGroup(each, now);
    grouped.set(group, [...(grouped.get(group) ?? []), each]);
  }
  return (
    <Box>
      <Typography sx={{ mb: 2 }}>{t('callbacks.intro')}</Typography>
      {api.problem && (
        <Alert severity="warning" role="status" sx={{ mb: 2 }}>
          {api.problem}
        </Alert>
      )}
      {doneProblem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {doneProblem}
        </Alert>
      )}
      {api.onThisComputer.length > 0 && (
        <Box component="section" aria-labelledby="callbacks-waiting" sx={{ mb: 3 }}>
          <Typography id="callbacks-waiting" component="h2" variant="h6">
            {t('callbacks.onThisComputer')}
          </Typography>
          <ul>
            {api.onThisComputer.map((each) => (
              <li key={each.id} data-testid="callback-waiting">
                {t('callbacks.summary', { name: each.residentName, number: each.number, reason: each.reason, window: windowWords(each, t, now) })}{' '}
                <Typography component="span" color={each.state === 'failed' ? 'error' : undefined} sx={{ fontWeight: 600 }}>
                  {each.state === 'failed' ? t('callbacks.refused', { reason: each.failure ?? '' }) : t('callbacks.waiting')}
                </Typography>
                {each.state === 'failed' && (
                  <Button size="small" onClick={() => void removeRefused(each.id)} aria-label={t('callbacks.removeFor', { name: each.residentName })}>
                    {t('callbacks.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Box>
      )}
      {api.callbacks === null && !api.problem && <CircularProgress size="1.5rem" aria-label={t('callbacks.loading')} />}
      {api.callbacks !== null &&
        GROUPS.map((group) => {
          const items = grouped.get(group) ?? [];
          return (
            <Box key={group} component="section" aria-labelledby={`callbacks-${group}`} sx={{ mb: 3 }}>
              <Typography id={`callbacks-${group}`} component="h2" variant="h6" tabIndex={-1}>
                {t(`callbacks.group.${group}`, { count: items.length })}
              </Typography>
              {items.length === 0 ? (
                <Typography>{t('callbacks.none')}</Typography>
              ) : (
                <Box component="ul" sx={{ pl: 0, listStyle: 'none' }}>
                  {items.map((each) => (
                    <Box component="li" key={each.id} data-testid="callback" sx={{ border: 1, borderColor: group === 'overdue' ? 'error.main' : 'divider', borderRadius: 1, p: 1.5, mb: 1 }}>
                      <Typography sx={{ fontWeight: 600 }}>{t('callbacks.who', { name: each.residentName, number: each.number })}</Typography>
                      <Typography>{each.reason}</Typography>
                      <Typography variant="body2">
                        {windowWords(each, t, now)} · {each.forWhom === 'queue' ? t('callbacks.queueOf', { name: each.ownerName ?? t('callbacks.someone') }) : t('callbacks.yours')}
                        {each.attempts > 0 && ` · ${t('callbacks.attempts', { count: each.attempts })}`}
                      </Typography>
                      {each.status === 'open' && (
                        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
                          <Button variant="contained" disabled={inHand} onClick={() => {
                              api.putAside(each.id);
                              void contact.startCallback(each);
                            }} aria-label={t('callbacks.startFor', { name: each.residentName })}>
                            {t('callbacks.start')}
                          </Button>
                          <Button variant="outlined" onClick={() => setNoAnswer(each)} aria-label={t('callbacks.noAnswerFor', { name: each.residentName })}>
                            {t('callbacks.noAnswer')}
                          </Button>
                          <Button variant="text" onClick={() => void markDone(each)} aria-label={t('callbacks.doneFor', { name: each.residentName })}>
                            {t('callbacks.markDone')}
                          </Button>
                        </Box>
                      )}
                    </Box>
                  ))}
                </Box>
              )}
            </Box>
          );
        })}
      {inHand && <Typography>{t('callbacks.finishFirst')}</Typography>}
      {noAnswer && <NoAnswerDialog callback={noAnswer} onClose={() => setNoAnswer(null)} />}
    </Box>
  );
}
