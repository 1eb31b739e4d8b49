import Box from '@mui/material/Box';
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
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_TEXT_MAX, type OpenedEmail } from '../../shared/contract/mail';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { writeMail } from './mail-outbox';
import { useSendMailNow } from './mail-outbox-runner';

export const REPLY_TEMPLATES = ['acknowledge', 'answer', 'online', 'case'] as const;
export type ReplyTemplate = (typeof REPLY_TEMPLATES)[number];

/** Words in [square brackets] are the template's gaps: a reply never goes with one left in. */
export function gapsIn(text: string): string[] {
  return [...text.matchAll(/\[[^\]\n]{1,80}\]/g)].map((match) => match[0]);
}

/**
 * Reply to the resident from the contact mailbox with one of the council's templates, filled
 * with what CivicDesk knows (their name, the subject, the date the council answers by, the
 * officer, a case raised on this contact) and shown as they will get it. Written to this
 * computer first, then sent once (renderer/email/mail-outbox.ts).
 */
export function ReplyDialog({ email, interactionId, values, onClose }: { email: OpenedEmail; interactionId: string | null; values: { name: string | null; due: string; reference: string | null }; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const officer = useSessionIfAny()?.user?.displayName ?? '';
  const sendNow = useSendMailNow();
  const fill = (template: ReplyTemplate) =>
    t(`email.templateText.${template}`, { name: values.name ?? email.from.name ?? t('email.residentName'), subject: email.subject || t('email.noSubject'), due: values.due, officer, reference: values.reference ?? t('email.caseReference'), interpolation: { escapeValue: false } });
  const [template, setTemplate] = useState<ReplyTemplate>(values.reference ? 'case' : 'answer');
  const [text, setText] = useState(() => fill(values.reference ? 'case' : 'answer'));
  const [problem, setProblem] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const choose = (next: ReplyTemplate) => {
    setTemplate(next);
    setText(fill(next));
    setProblem(null);
  };

  const send = async () => {
    const gaps = gapsIn(text);
    const refusal = text.trim() === '' ? t('email.writeReply') : gaps.length > 0 ? t('email.fillBrackets', { words: gaps.join(', ') }) : null;
    if (refusal || staffId === null) {
      setProblem(refusal);
      textRef.current?.focus();
      return;
    }
    await writeMail(caseDatabase(), { id: newId(), staffId, emailId: email.id, interactionId, kind: 'reply', service: null, text: text.trim(), writtenAt: nowIso() });
    sendNow();
    onClose(true);
  };

  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="reply-title" fullWidth maxWidth="md">
      <DialogTitle id="reply-title">{t('email.replyTitle', { from: email.from.name ?? email.from.address })}</DialogTitle>
      <DialogContent>
        <FormControl sx={{ mb: 2 }}>
          <FormLabel id="reply-template">{t('email.template')}</FormLabel>
          <RadioGroup aria-labelledby="reply-template" value={template} onChange={(event) => choose(event.target.value as ReplyTemplate)}>
            {REPLY_TEMPLATES.map((each) => (
              <FormControlLabel key={each} value={each} control={<Radio />} label={t(`email.templates.${each}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField
          inputRef={textRef}
          label={t('email.replyText')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={8}
          fullWidth
          error={problem !== null}
          helperText={problem ?? t('email.replyHint')}
          slotProps={{ htmlInput: { maxLength: MAIL_TEXT_MAX } }}
        />
        <Box component="section" aria-labelledby="reply-preview" sx={{ mt: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Typography id="reply-preview" component="h3" sx={{ fontWeight: 700 }}>
            {t('email.previewHeading')}
          </Typography>
          <Typography variant="body2">{t('email.previewFrom', { mailbox: email.mailbox })}</Typography>
          <Typography variant="body2">{t('email.previewTo', { to: email.from.address })}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('email.previewSubject', { subject: email.subject || t('email.noSubject') })}
          </Typography>
          <Typography data-testid="reply-preview" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {text}
          </Typography>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('email.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()}>
          {t('email.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
