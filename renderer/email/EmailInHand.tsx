import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedEmail } from '../../shared/contract/mail';
import type { Interaction } from '../../shared/domain/interaction';
import { useBridge } from '../bridge/bridge-context';
import { useCaseNavigation } from '../cases/case-navigation';
import { addEvidence } from '../cases/evidence-files';
import { useCasesRaisedHere } from '../cases/local-cases';
import { draftForContact } from '../cases/raise-case';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { useResidentSearch } from '../residents/use-resident-search';
import { useStandards } from '../scripts/use-standards';
import { useSessionIfAny } from '../session/session-context';
import { saveDraft } from '../sync/case-store';
import { caseDatabase } from '../storage/case-database';
import { dayWords, emailDue } from './email-standard';
import { ForwardDialog } from './ForwardDialog';
import { forgetSentFor } from './mail-outbox';
import { ReplyDialog } from './ReplyDialog';
import { emailText, safeEmail } from './safe-email';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const sizeWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${String(Math.max(1, Math.round(bytes / 1024)))} KB`);

function fileOf(base64: string, name: string, contentType: string): File {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new File([bytes], name, { type: contentType });
}

/**
 * The email the officer has in hand: who it is from (matched to a resident by the sender's
 * address in the directory), its text made safe, its files, and the ways to answer it: a reply
 * from the contact mailbox, a case carrying its text and files, or a forward to a service.
 * Finishing files it out of every queue and opens the wrap-up, as a call's end does.
 */
export function EmailInHand({ interaction }: { interaction: Interaction & { emailId: string } }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const contact = useContact();
  const navigation = useNavigation();
  const caseNavigation = useCaseNavigation();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const clock = useStandards();
  const { results, search, version } = useResidentSearch();
  const [email, setEmail] = useState<OpenedEmail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'reply' | 'forward' | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const emailId = interaction.emailId;

  useEffect(() => {
    let live = true;
    void bridge.mail.open({ emailId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setEmail(outcome.value);
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [bridge, emailId]);
  // Taken a moment ago: the officer starts from the email's heading.
  useEffect(() => headingRef.current?.focus(), []);

  const address = email?.from.address ?? '';
  useEffect(() => {
    if (address) search(address);
  }, [address, search, version]);
  const matches = results.hits.filter((hit) => hit.entry.email !== null && hit.entry.email.toLowerCase() === address.toLowerCase());

  const outgoing = useLiveQuery(() => caseDatabase().mailOutbox.where('emailId').equals(emailId).sortBy('writtenAt'), [emailId]) ?? [];
  const waiting = outgoing.some((each) => each.state === 'waiting');
  const residentId = contact.about?.view.residentId ?? null;
  const raisedHere = useCasesRaisedHere(residentId);
  const reference = raisedHere.find((each) => each.reference && each.submittedAt >= interaction.answeredAt)?.reference ?? null;

  const shown = useMemo(() => (email ? safeEmail(email.html, email.attachments, { pictureHeld: t('email.pictureHeld') }) : null), [email, t]);
  const due = email ? emailDue(clock, email.receivedAt) : null;
  const files = email?.attachments.filter((each) => !each.inline) ?? [];

  const save = async (attachmentId: string) => {
    const outcome = await bridge.mail.attachment({ emailId, attachmentId });
    if (!outcome.ok) return setProblem(outcome.error.message);
    const url = URL.createObjectURL(fileOf(outcome.value.base64, outcome.value.name, outcome.value.contentType));
    const link = document.createElement('a');
    link.href = url;
    link.download = outcome.value.name;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  /** A case draft with the email's words as the resident's, and its files as evidence, opened in Cases. */
  const raiseCase = async () => {
    if (!email) return;
    setBusy(true);
    const db = caseDatabase();
    let draft = draftForContact(contact, staffId, { summary: email.subject.slice(0, 200), description: emailText(email.html).slice(0, 10_000) });
    await saveDraft(db, draft, null);
    const carried: File[] = [];
    for (const file of files) {
      const outcome = await bridge.mail.attachment({ emailId, attachmentId: file.id });
      if (outcome.ok) carried.push(fileOf(outcome.value.base64, outcome.value.name, outcome.value.contentType));
      else setProblem(outcome.error.message);
    }
    if (carried.length > 0) draft = await addEvidence(db, draft, carried);
    setBusy(false);
    caseNavigation?.openDraft(draft.id);
  };

  const finish = async () => {
    setBusy(true);
    const outcome = await bridge.mail.finish({ emailId });
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error.message);
    await forgetSentFor(caseDatabase(), emailId);
    await contact.endCall();
  };

  const closed = (sent: boolean) => {
    setDialog(null);
    // Focus goes where the officer sees what happened to what they sent.
    window.setTimeout(() => (sent ? sentRef.current : headingRef.current)?.focus(), 0);
  };

  const from = email ? (email.from.name ?? email.from.address) : (interaction.emailFrom ?? '');
  return (
    <Box>
      <Typography ref={headingRef} tabIndex={-1} component="h2" variant="h5" sx={{ overflowWrap: 'anywhere', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}>
        {t('email.inHandHeading', { from })}
      </Typography>
      <Typography sx={{ overflowWrap: 'anywhere' }}>{t('email.subject', { subject: email?.subject || interaction.emailSubject || t('email.noSubject') })}</Typography>
      {due && <Typography sx={{ color: due.status === 'overdue' ? 'error.main' : undefined }}>{t(due.status === 'overdue' ? 'email.overdue' : 'email.answerBy', { day: dayWords(due.dueOn) })}</Typography>}
      {problem && (
        <Alert severity="error" role="alert" sx={{ my: 2 }}>
          {problem}
        </Alert>
      )}
      {!email && !problem && <CircularProgress size="1.5rem" aria-label={t('email.opening')} />}
      {email && (
        <>
          <Box component="section" aria-labelledby="email-who" sx={{ my: 2 }}>
            <Typography id="email-who" component="h3" variant="h6">
              {t('email.whoHeading')}
            </Typography>
            {matches.length > 0 ? (
              <>
                <Typography>{t('email.matched', { count: matches.length })}</Typography>
                <Box component="ul" sx={{ pl: 0, listStyle: 'none' }}>
                  {matches.map((hit) => {
                    const name = `${hit.entry.givenName} ${hit.entry.familyName}`;
                    return (
                      <li key={hit.entry.residentId} data-testid="email-match">
                        {t('email.resident', { name, year: hit.entry.dateOfBirth.slice(0, 4), district: hit.entry.postcode.split(' ')[0] ?? '' })}{' '}
                        <Button size="small" variant="outlined" onClick={() => void contact.openResident(hit.entry.residentId, 'email').then((opened) => opened && navigation?.goTo('resident'))}>
                          {t('email.openRecord', { name })}
                        </Button>
                      </li>
                    );
                  })}
                </Box>
              </>
            ) : (
              <>
                <Typography>{t('email.noMatch')}</Typography>
                <Button size="small" variant="outlined" onClick={() => navigation?.goTo('search')}>
                  {t('email.searchInstead')}
                </Button>
              </>
            )}
          </Box>

          <Box component="section" aria-labelledby="email-actions" sx={{ my: 2 }}>
            <Typography id="email-actions" component="h3" variant="h6">
              {t('email.actionsHeading')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              <Button variant="contained" onClick={() => setDialog('reply')}>
                {t('email.reply')}
              </Button>
              <Button variant="outlined" disabled={busy} onClick={() => void raiseCase()}>
                {t('email.raiseCase')}
              </Button>
              <Button variant="outlined" onClick={() => setDialog('forward')}>
                {t('email.forward')}
              </Button>
              <Button variant="contained" color="secondary" disabled={busy || waiting} onClick={() => void finish()}>
                {t('email.finish')}
              </Button>
            </Box>
            {waiting && <Typography sx={{ mt: 1 }}>{t('email.stillWaiting')}</Typography>}
          </Box>

          {outgoing.length > 0 && (
            <Box ref={sentRef} tabIndex={-1} component="section" aria-labelledby="email-sent" sx={{ my: 2, outline: 'none', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}>
              <Typography id="email-sent" component="h3" variant="h6">
                {t('email.sentHeading')}
              </Typography>
              <Box component="ul" sx={{ pl: 2 }} role="status">
                {outgoing.map((each) => {
                  const service = t(`services.${each.service ?? ''}`, { defaultValue: each.service ?? '' });
                  const forward = each.kind === 'forward';
                  const words =
                    each.state === 'sent'
                      ? t(forward ? 'email.sentForward' : 'email.sentReply', { service, time: clockTime(each.sentAt ?? each.writtenAt) })
                      : each.state === 'failed'
                        ? t(forward ? 'email.failedForward' : 'email.failedReply', { service, reason: each.failure ?? '' })
                        : t(forward ? 'email.waitingForward' : 'email.waitingReply', { service });
                  return (
                    <li key={each.id} data-testid="email-outgoing">
                      {words}{' '}
                      {each.state === 'failed' && (
                        <Button size="small" onClick={() => void caseDatabase().mailOutbox.delete(each.id)} aria-label={t('email.removeLabel')}>
                          {t('email.remove')}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </Box>
            </Box>
          )}

          <Box component="section" aria-labelledby="email-body-heading" sx={{ my: 2 }}>
            <Typography id="email-body-heading" component="h3" variant="h6">
              {t('email.bodyHeading')}
            </Typography>
            {shown && shown.picturesHeld > 0 && <Typography sx={{ mb: 1 }}>{t('email.picturesHeld', { count: shown.picturesHeld })}</Typography>}
            {/* Sanitised by safeEmail (DOMPurify, no links, no pictures from the internet). */}
            <Box
              data-testid="email-body"
              role="document"
              aria-label={t('email.bodyLabel')}
              tabIndex={0}
              sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1, overflowX: 'auto', overflowWrap: 'anywhere', '& img, & table': { maxWidth: '100%', height: 'auto' }, '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}
              dangerouslySetInnerHTML={{ __html: shown?.html ?? '' }}
            />
          </Box>

          {files.length > 0 && (
            <Box component="section" aria-labelledby="email-files" sx={{ my: 2 }}>
              <Typography id="email-files" component="h3" variant="h6">
                {t('email.filesHeading')}
              </Typography>
              <Box component="ul" sx={{ pl: 2 }}>
                {files.map((file) => (
                  <li key={file.id} data-testid="email-file">
                    {file.name} ({sizeWords(file.size)}){' '}
                    <Button size="small" onClick={() => void save(file.id)} aria-label={t('email.saveLabel', { name: file.name })}>
                      {t('email.save')}
                    </Button>
                  </li>
                ))}
              </Box>
            </Box>
          )}
        </>
      )}
      {email && dialog === 'reply' && (
        <ReplyDialog email={email} interactionId={interaction.id} values={{ name: contact.about?.view.name ?? null, due: due ? dayWords(due.dueOn) : '', reference }} onClose={closed} />
      )}
      {email && dialog === 'forward' && <ForwardDialog email={email} interactionId={interaction.id} onClose={closed} />}
    </Box>
  );
}
