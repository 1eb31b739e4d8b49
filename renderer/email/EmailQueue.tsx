import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailQueue, QueuedEmail } from '../../shared/contract/mail';
import { useBridge } from '../bridge/bridge-context';
import { useContact } from '../contact/contact-context';
import { useStandards } from '../scripts/use-standards';
import { dayWords, emailDue, waitedWords } from './email-standard';

/** How often the queue is asked for again, so an email a colleague took shows as theirs. */
export const MAIL_QUEUE_INTERVAL_MS = 30_000;

export const senderWords = (email: Pick<QueuedEmail, 'from'>) => email.from.name ?? email.from.address;

/**
 * The contact mailbox's queue, the longest waiting first, each with how long it has waited
 * against the council's standard and who has it in hand. Taking one starts an email contact.
 */
export function EmailQueue() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const contact = useContact();
  const clock = useStandards();
  const [queue, setQueue] = useState<MailQueue | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () =>
      bridge.mail.queue({}).then((outcome) => {
        if (outcome.ok) {
          setQueue(outcome.value);
          setProblem(null);
        } else setProblem(outcome.error.message);
      }),
    [bridge],
  );

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), MAIL_QUEUE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const inHand = contact.current !== null && contact.current.status !== 'done';

  const startWith = async (email: QueuedEmail) => {
    await contact.startEmail({ emailId: email.id, from: email.from.address, subject: email.subject, receivedAt: email.receivedAt, residentId: null });
  };

  const take = async (email: QueuedEmail) => {
    setBusy(email.id);
    setNotice(null);
    const outcome = await bridge.mail.take({ emailId: email.id });
    setBusy(null);
    if (!outcome.ok) return setNotice(outcome.error.message);
    const answer = outcome.value;
    if (answer.status === 'taken') return startWith(answer.email);
    setNotice(answer.status === 'taken-by-other' ? t('email.takenByOther', { name: answer.by }) : t('email.gone'));
    await load();
  };

  const now = new Date();
  return (
    <Box>
      <Typography sx={{ mb: 2 }}>{queue ? t('email.intro', { mailbox: queue.mailbox }) : ''}</Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <Button variant="outlined" onClick={() => void load()}>
          {t('email.refresh')}
        </Button>
        {queue === null && !problem && <CircularProgress size="1.25rem" aria-label={t('email.loading')} />}
      </Box>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {notice && (
        <Alert ref={noticeRef} tabIndex={-1} severity="warning" role="alert" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {inHand && <Typography sx={{ mb: 2 }}>{t('email.finishFirst')}</Typography>}
      {queue && (
        <Box component="section" aria-labelledby="email-queue-heading">
          <Typography id="email-queue-heading" component="h2" variant="h6" gutterBottom>
            {t('email.queueHeading', { count: queue.emails.length })}
          </Typography>
          {queue.emails.length === 0 && <Typography>{t('email.none')}</Typography>}
          <Box component="ul" sx={{ pl: 0, listStyle: 'none', m: 0 }}>
            {queue.emails.map((email) => {
              const due = emailDue(clock, email.receivedAt);
              const subject = email.subject || t('email.noSubject');
              return (
                <Box component="li" key={email.id} data-testid="queued-email" sx={{ border: 1, borderColor: due?.status === 'overdue' ? 'error.main' : 'divider', borderRadius: 1, p: 1.5, mb: 1 }}>
                  <Typography component="h3" sx={{ fontWeight: 700, fontSize: '1rem', overflowWrap: 'anywhere' }}>
                    {subject}
                  </Typography>
                  <Typography sx={{ overflowWrap: 'anywhere' }}>{email.from.name ? t('email.from', { name: email.from.name, address: email.from.address }) : email.from.address}</Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                    {email.preview}
                  </Typography>
                  <Typography variant="body2" sx={{ mt: 0.5 }}>
                    {t('email.received', { when: waitedWords(email.receivedAt, now) })}
                    {due && (
                      <>
                        {' · '}
                        <Box component="span" sx={{ fontWeight: due.status === 'overdue' ? 700 : undefined, color: due.status === 'overdue' ? 'error.main' : undefined }}>
                          {t(due.status === 'overdue' ? 'email.overdue' : due.status === 'due-soon' ? 'email.dueSoon' : 'email.answerBy', { day: dayWords(due.dueOn) })}
                        </Box>
                      </>
                    )}
                    {email.hasAttachments && ` · ${t('email.attachments')}`}
                  </Typography>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
                    {email.takenBy !== null && <Typography sx={{ fontWeight: 600 }} data-testid="in-hand-by">{email.takenByMe ? t('email.inHandByYou') : t('email.inHandBy', { name: email.takenBy })}</Typography>}
                    {email.takenBy === null && (
                      <Button variant="contained" disabled={inHand || busy !== null} onClick={() => void take(email)} aria-label={t('email.takeLabel', { from: senderWords(email), subject })}>
                        {t('email.take')}
                      </Button>
                    )}
                    {email.takenByMe && !inHand && (
                      <Button variant="outlined" onClick={() => void startWith(email)}>
                        {t('email.carryOn')}
                      </Button>
                    )}
                  </Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      )}
    </Box>
  );
}
