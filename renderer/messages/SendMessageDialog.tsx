import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident360 } from '../../shared/domain/resident-360';
import { emailAddress, fillTemplate, MOST_SMS_CHARACTERS, recordRecipient, templateFor, ukMobile, type MessageChannel, type MessagePurpose, type MessageRecipient } from '../../shared/domain/resident-message';
import { LanguageLabel, useLanguageTable } from '../languages/use-language-table';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { writeMessage } from './message-outbox';
import { useSendMessagesNow } from './message-sender-context';
import { useMessageTemplates } from './use-message-templates';

export interface MessageAbout {
  purpose: MessagePurpose;
  /** The template's values CivicDesk knows (the link, the reference): the officer only checks them. */
  values: Record<string, string>;
  interactionId: string | null;
  caseId: string | null;
}

/**
 * Text or email the resident: the council's Notify template for what they asked, filled in and
 * shown exactly as they will get it, to a number or address on their record they agreed to, or
 * one they give now. Written to this computer first, then sent (renderer/messages/message-outbox.ts).
 */
export function SendMessageDialog({ record, about, onClose }: { record: Resident360; about: MessageAbout; onClose: () => void }) {
  const { t } = useTranslation();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const sendNow = useSendMessagesNow();
  const { nameOf } = useLanguageTable();
  const templates = useMessageTemplates();
  const { resident } = record;
  const preferred = resident.language.preferred;
  const [channel, setChannel] = useState<MessageChannel>(resident.preferences.preferredChannel === 'email' ? 'email' : 'sms');
  const fromRecord = recordRecipient(resident, channel);
  const [source, setSource] = useState<'record' | 'given' | null>(null);
  const chosenSource = source ?? ('to' in fromRecord ? 'record' : null);
  const [given, setGiven] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [problems, setProblems] = useState<{ recipient?: string; agreed?: string; send?: string }>({});
  const [busy, setBusy] = useState(false);

  const template = templates.value ? templateFor(templates.value.templates, about.purpose, channel, preferred) : null;
  const filled = template ? fillTemplate(template, about.values) : null;
  const tooLong = channel === 'sms' && filled !== null && filled.body.length > MOST_SMS_CHARACTERS;

  const changeChannel = (next: MessageChannel) => {
    setChannel(next);
    setSource(null);
    setGiven('');
    setProblems({});
  };

  const send = async () => {
    if (!template || !filled || filled.missing.length > 0 || tooLong || staffId === null) return;
    let recipient: MessageRecipient | null = null;
    const found: typeof problems = {};
    if (chosenSource === 'record' && 'to' in fromRecord) recipient = { source: 'record', to: fromRecord.to };
    else if (chosenSource === 'given') {
      const to = channel === 'sms' ? ukMobile(given) : emailAddress(given);
      if (!to) found.recipient = channel === 'sms' ? t('messages.notAMobile') : t('messages.notAnEmail');
      if (!agreed) found.agreed = t('messages.agreeFirst');
      if (to && agreed) recipient = { source: 'given', to };
    } else found.recipient = 'refused' in fromRecord ? fromRecord.refused : t('messages.chooseWhere');
    setProblems(found);
    if (!recipient) return;
    setBusy(true);
    try {
      await writeMessage(caseDatabase(), {
        id: newId(),
        staffId,
        residentId: resident.id,
        interactionId: about.interactionId,
        caseId: about.caseId,
        purpose: about.purpose,
        channel,
        templateId: template.templateId,
        language: template.language,
        recipient,
        personalisation: about.values,
        subject: filled.subject,
        body: filled.body,
        writtenAt: nowIso(),
      });
      onClose();
      sendNow();
    } catch (error) {
      setProblems({ send: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  // In a sentence: "Send text message", "Send the email to".
  const channelWord = t(`messages.inSentence.${channel}`);
  return (
    <Dialog open onClose={onClose} aria-labelledby="send-message-title" maxWidth="sm" fullWidth>
      <DialogTitle id="send-message-title" component="h2">
        {t(`messages.purpose.${about.purpose}`)}
      </DialogTitle>
      <DialogContent>
        {problems.send && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problems.send}
          </Alert>
        )}
        <FormControl sx={{ display: 'block', mb: 2 }}>
          <FormLabel id="message-channel-label">{t('messages.how')}</FormLabel>
          <RadioGroup row aria-labelledby="message-channel-label" name="message-channel" value={channel} onChange={(event) => changeChannel(event.target.value as MessageChannel)}>
            <FormControlLabel value="sms" control={<Radio />} label={t('messages.text')} />
            <FormControlLabel value="email" control={<Radio />} label={t('messages.email')} />
          </RadioGroup>
        </FormControl>
        <FormControl error={problems.recipient !== undefined || problems.agreed !== undefined} sx={{ display: 'block', mb: 2 }}>
          <FormLabel id="message-to-label">{t('messages.to', { channel: channelWord })}</FormLabel>
          {'refused' in fromRecord && (
            <Alert severity="warning" role="status" sx={{ my: 1 }} data-testid="message-refused">
              {fromRecord.refused}
            </Alert>
          )}
          <RadioGroup aria-labelledby="message-to-label" name="message-to" value={chosenSource ?? ''} onChange={(event) => setSource(event.target.value as 'record' | 'given')}>
            {'to' in fromRecord && <FormControlLabel value="record" control={<Radio />} label={t('messages.onRecord', { to: fromRecord.to })} />}
            <FormControlLabel value="given" control={<Radio />} label={channel === 'sms' ? t('messages.givenNumber') : t('messages.givenAddress')} />
          </RadioGroup>
          {chosenSource === 'given' && (
            <Box sx={{ pl: 4 }}>
              <TextField
                id="message-given"
                label={channel === 'sms' ? t('messages.mobileLabel') : t('messages.emailLabel')}
                value={given}
                onChange={(event) => setGiven(event.target.value)}
                error={problems.recipient !== undefined}
                helperText={problems.recipient}
                autoComplete="off"
                slotProps={{ htmlInput: { inputMode: channel === 'sms' ? 'tel' : 'email', maxLength: 320 } }}
                fullWidth
                sx={{ my: 1 }}
              />
              <FormControlLabel control={<Checkbox checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />} label={t('messages.agreedOnContact', { channel: channelWord })} />
              {problems.agreed && (
                <Typography color="error" role="alert">
                  {problems.agreed}
                </Typography>
              )}
            </Box>
          )}
          {chosenSource !== 'given' && problems.recipient && (
            <Typography color="error" role="alert">
              {problems.recipient}
            </Typography>
          )}
        </FormControl>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('messages.preview')}
        </Typography>
        {templates.problem && !template && <Alert severity="warning">{templates.problem}</Alert>}
        {templates.value && !template && <Alert severity="warning">{t('messages.noTemplate', { channel: channelWord })}</Alert>}
        {template && filled && (
          <Box data-testid="message-preview" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, my: 1, bgcolor: 'background.default' }}>
            {template.language !== 'en' && (
              <Typography variant="body2" sx={{ mb: 1 }}>
                {t('messages.inLanguage')} <LanguageLabel name={nameOf(template.language)} />
              </Typography>
            )}
            {filled.subject !== null && <Typography sx={{ fontWeight: 600 }}>{filled.subject}</Typography>}
            <Typography lang={template.language} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {filled.body}
            </Typography>
            {channel === 'sms' && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('messages.length', { count: filled.body.length })}
              </Typography>
            )}
          </Box>
        )}
        {filled && filled.missing.length > 0 && <Alert severity="error">{t('messages.missing', { names: filled.missing.join(', ') })}</Alert>}
        {tooLong && <Alert severity="error">{t('messages.tooLong', { most: MOST_SMS_CHARACTERS })}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('teams.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()} disabled={busy || !template || !filled || filled.missing.length > 0 || tooLong}>
          {t('messages.send', { channel: channelWord })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
