import Alert from '@mui/material/Alert';
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
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { answeredWithinTarget, type FeedbackRating, type Interaction } from '../../shared/domain/interaction';
import { useBridge } from '../bridge/bridge-context';
import type { PhraseOnScreen, ToCustomer } from '../languages/customer/protocol';
import { useCustomerLink, type CustomerLinkState } from '../languages/customer-link';
import { useSession } from '../session/session-context';
import { nowIso } from '../storage/ids';
import { caseDatabase } from '../storage/case-database';
import { useContact } from './contact-context';
import { suggestWrapUp, type WrapUpForm, missingWrapUpAnswers } from './wrap-up-form';

function YesNo({ name, label, value, onChange, error }: { name: string; label: string; value: boolean | null; onChange: (value: boolean) => void; error: boolean }) {
  const { t } = useTranslation();
  return (
    <FormControl error={error} sx={{ display: 'block', mb: 2 }}>
      <FormLabel id={`${name}-label`}>{label}</FormLabel>
      <RadioGroup row aria-labelledby={`${name}-label`} name={name} value={value === null ? '' : value ? 'yes' : 'no'} onChange={(event) => onChange(event.target.value === 'yes')}>
        <FormControlLabel value="yes" control={<Radio />} label={t('runner.yes')} />
        <FormControlLabel value="no" control={<Radio />} label={t('runner.no')} />
      </RadioGroup>
    </FormControl>
  );
}

/** The phrases of the resident's own rating, by their part of the question (resources/phrases/en.json). */
const RATING_PHRASES = { question: 'visit-rating-question', good: 'visit-rating-good', average: 'visit-rating-average', poor: 'visit-rating-poor', thanks: 'visit-rating-thanks' } as const;
type RatingPart = keyof typeof RATING_PHRASES;

const isEnglish = (language: string) => language === 'en' || language.startsWith('en-');

/**
 * The rating question for the customer view, in the resident's preferred language. English
 * when they have none, or it is English, or the phrases cannot be had; and English for any one
 * phrase not translated (or not shown) in their language.
 */
async function askRating(bridge: ApiBridge, preferred: string | null, english: (part: RatingPart) => string): Promise<Extract<ToCustomer, { kind: 'ask-rating' }>> {
  const outcome = preferred && !isEnglish(preferred) ? await bridge.languages.phrases({ language: preferred }) : null;
  const book = outcome?.ok ? outcome.value : null;
  const phrase = (part: RatingPart): PhraseOnScreen => {
    const found = book?.phrases.find((each) => each.id === RATING_PHRASES[part]);
    if (book && found) return { text: found.text, english: found.english, lang: book.language, dir: book.direction, script: book.script, reviewed: found.reviewed };
    const text = english(part);
    return { text, english: text, lang: 'en', dir: 'ltr', script: 'Latn', reviewed: true };
  };
  return { kind: 'ask-rating', question: phrase('question'), answers: { good: phrase('good'), average: phrase('average'), poor: phrase('poor') }, thanks: phrase('thanks') };
}

/** Where asking the resident on their screen has got to. */
type Asked = { kind: 'waiting'; problem: CustomerLinkState['problem'] } | { kind: 'chose'; rating: FeedbackRating };

/** How soon after the last change a wrap-up being typed is kept: the same as a case draft's. */
const WRAP_UP_AUTOSAVE_MS = 300;

const minutesAndSeconds = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * Wrap-up after the call. Escape and clicking outside do not close it: it closes only by
 * saving, complete, or incomplete with a reason, so first-contact resolution is always counted.
 */
export function WrapUpDialog({ interaction }: { interaction: Interaction }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const { dispositions } = useSession();
  const { saveWrapUp, saveWrapUpDraft, about } = useContact();
  const { link } = useCustomerLink();
  const [asked, setAsked] = useState<Asked | null>(null);
  const waitingForRating = useRef(false);
  const [form, setForm] = useState<WrapUpForm>(() => suggestWrapUp(interaction));
  const [missing, setMissing] = useState<(keyof WrapUpForm)[]>([]);
  const [incomplete, setIncomplete] = useState(false);
  const [reasonError, setReasonError] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const endedAt = interaction.endedAt ?? interaction.answeredAt;
  const afterCallWork = Math.max(0, Math.round((now - Date.parse(endedAt)) / 1000));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Kept as it is typed, like a case draft: a reload or a crash brings the wrap-up back as it was.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => void saveWrapUpDraft(form), WRAP_UP_AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [form, saveWrapUpDraft]);

  // A visit is wrapped up in its own words: there was no call.
  const visit = interaction.channel === 'face-to-face';
  // And an email in its own: there was no call either, and nobody hung up.
  const email = interaction.channel === 'email';
  const own = visit ? 'visit' : email ? 'email' : null;
  const fieldLabel = (key: keyof WrapUpForm) => (own && (key === 'disposition' || key === 'feedback') ? t(`wrapUp.${own}.${key}`) : t(`wrapUp.fields.${key}`));

  const update = useCallback(<K extends keyof WrapUpForm>(key: K, value: WrapUpForm[K]) => {
    typed.current = true;
    setForm((current) => ({ ...current, [key]: value }));
    setMissing((current) => current.filter((each) => each !== key));
  }, []);

  // A link texted or emailed on this contact is an online route offered: the answer starts as yes.
  useEffect(() => {
    let live = true;
    void caseDatabase()
      .messages.where('interactionId')
      .equals(interaction.id)
      .filter((each) => each.purpose === 'online-link' && each.state !== 'failed')
      .count()
      .then((links) => {
        if (live && links > 0) setForm((current) => (current.onlineRouteOffered === null ? { ...current, onlineRouteOffered: true } : current));
      });
    return () => {
      live = false;
    };
  }, [interaction.id]);

  // The resident's answer from their screen fills in the feedback, as if the officer had (and is kept as typed).
  useEffect(
    () =>
      link.subscribe(() => {
        const rating = link.state().rating;
        if (rating === null || !waitingForRating.current) return;
        waitingForRating.current = false;
        link.clearRating();
        update('feedbackOffered', true);
        update('feedback', rating);
        setAsked({ kind: 'chose', rating });
      }),
    [link, update],
  );

  const askResident = async () => {
    // Nothing left over from an earlier visit is taken for this resident's answer.
    link.clearRating();
    waitingForRating.current = true;
    setAsked({ kind: 'waiting', problem: null });
    // The phrases go to the resident in English: never the officer's own (pseudo-)locale.
    const english = i18n.getFixedT('en-GB');
    const message = await askRating(bridge, about?.view.communication.language.preferred ?? null, (part) => english(`languages.customer.visitRatingEnglish.${part}`));
    await link.show(message, bridge);
    const problem = link.state().problem;
    setAsked((current) => (current?.kind === 'waiting' ? { kind: 'waiting', problem } : current));
  };

  const save = async (asIncomplete: boolean) => {
    const gaps = missingWrapUpAnswers(form);
    if (!asIncomplete && gaps.length > 0) {
      setMissing(gaps);
      return;
    }
    if (asIncomplete && form.incompleteReason.trim() === '') {
      setReasonError(true);
      return;
    }
    await saveWrapUp({
      disposition: form.disposition,
      resolvedAtFirstContact: form.resolvedAtFirstContact ?? false,
      couldHaveBeenOnline: form.couldHaveBeenOnline ?? false,
      onlineRouteOffered: form.onlineRouteOffered ?? false,
      feedbackOffered: form.feedbackOffered ?? false,
      feedback: form.feedbackOffered ? form.feedback : null,
      notes: form.notes.trim(),
      incompleteReason: asIncomplete ? form.incompleteReason.trim() : null,
      savedAt: nowIso(),
      afterCallWorkSeconds: Math.max(0, Math.round((Date.now() - Date.parse(endedAt)) / 1000)),
    });
  };

  const within = answeredWithinTarget(interaction);
  const flagged = (key: keyof WrapUpForm) => missing.includes(key);

  return (
    <Dialog
      open
      // The contact ends with it: focus goes to the place's heading (contact-context), not back to "End call".
      disableRestoreFocus
      aria-labelledby="wrap-up-title"
      maxWidth="md"
      fullWidth
      onClose={() => undefined}
      onKeyDown={(event) => {
        // Ctrl+Enter saves from anywhere in the dialog (the help overlay lists it).
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save(false);
        }
      }}
    >
      <DialogTitle id="wrap-up-title" component="h2">
        {own ? t(`wrapUp.${own}.title`) : t('wrapUp.title')}
      </DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mb: 2, '& dd': { m: 0 } }} data-testid="call-timings">
          <dt>{own ? t(`wrapUp.${own}.answeredAt`) : t('wrapUp.answeredAt')}</dt>
          <dd>{timeOf(interaction.answeredAt)}</dd>
          <dt>{t('wrapUp.endedAt')}</dt>
          <dd>{timeOf(endedAt)}</dd>
          {interaction.waitedSeconds !== null && (
            <>
              <dt>{t('wrapUp.waited')}</dt>
              <dd>{within ? t('wrapUp.waitedWithin', { seconds: interaction.waitedSeconds }) : t('wrapUp.waitedOver', { seconds: interaction.waitedSeconds })}</dd>
            </>
          )}
          <dt>{own ? t(`wrapUp.${own}.afterCallWork`) : t('wrapUp.afterCallWork')}</dt>
          <dd>{minutesAndSeconds(afterCallWork)}</dd>
        </Box>

        {missing.length > 0 && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {t('wrapUp.missing', { fields: missing.map((key) => fieldLabel(key)).join(', ') })}
          </Alert>
        )}

        <TextField
          select
          label={fieldLabel('disposition')}
          value={form.disposition}
          onChange={(event) => update('disposition', event.target.value)}
          error={flagged('disposition')}
          fullWidth
          sx={{ mb: 2 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{t('wrapUp.choose')}</option>
          {dispositions.map((each) => (
            <option key={each.code} value={each.code}>
              {each.label}
            </option>
          ))}
        </TextField>
        <YesNo name="fcr" label={t('wrapUp.fields.resolvedAtFirstContact')} value={form.resolvedAtFirstContact} onChange={(value) => update('resolvedAtFirstContact', value)} error={flagged('resolvedAtFirstContact')} />
        <YesNo name="online" label={t('wrapUp.fields.couldHaveBeenOnline')} value={form.couldHaveBeenOnline} onChange={(value) => update('couldHaveBeenOnline', value)} error={flagged('couldHaveBeenOnline')} />
        <YesNo name="offered" label={t('wrapUp.fields.onlineRouteOffered')} value={form.onlineRouteOffered} onChange={(value) => update('onlineRouteOffered', value)} error={flagged('onlineRouteOffered')} />
        <YesNo name="feedback-offered" label={t('wrapUp.fields.feedbackOffered')} value={form.feedbackOffered} onChange={(value) => update('feedbackOffered', value)} error={flagged('feedbackOffered')} />
        {visit && (
          <Box sx={{ mb: 2 }}>
            <Button variant="outlined" aria-describedby="ask-resident-help" onClick={() => void askResident()}>
              {t('wrapUp.askResident')}
            </Button>
            <Typography id="ask-resident-help" variant="body2" sx={{ mt: 0.5 }}>
              {t('wrapUp.askResidentHelp')}
            </Typography>
            {/* Always there, so its changes are announced. */}
            <Typography role="status" sx={{ mt: 0.5, fontWeight: 700 }} data-testid="resident-rating-status">
              {asked?.kind === 'waiting' && t('wrapUp.waitingForResident')}
              {asked?.kind === 'chose' && t('wrapUp.residentChose', { rating: t(`wrapUp.ratings.${asked.rating}`) })}
            </Typography>
            {asked?.kind === 'waiting' && asked.problem && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t(`languages.customerView.${asked.problem}`)}
              </Alert>
            )}
          </Box>
        )}
        {form.feedbackOffered && (
          <FormControl error={flagged('feedback')} sx={{ display: 'block', mb: 2 }}>
            <FormLabel id="feedback-label">{fieldLabel('feedback')}</FormLabel>
            <RadioGroup row aria-labelledby="feedback-label" value={form.feedback ?? ''} onChange={(event) => update('feedback', event.target.value as FeedbackRating)}>
              {(['good', 'average', 'poor'] as const).map((rating) => (
                <FormControlLabel key={rating} value={rating} control={<Radio />} label={t(`wrapUp.ratings.${rating}`)} />
              ))}
            </RadioGroup>
          </FormControl>
        )}
        <TextField label={t('wrapUp.fields.notes')} value={form.notes} onChange={(event) => update('notes', event.target.value)} multiline minRows={3} fullWidth sx={{ mb: 2 }} />
        {incomplete && (
          <TextField
            label={t('wrapUp.reason')}
            value={form.incompleteReason}
            onChange={(event) => (update('incompleteReason', event.target.value), setReasonError(false))}
            error={reasonError}
            helperText={reasonError ? t('wrapUp.reasonNeeded') : email ? t('wrapUp.email.reasonHelp') : t('wrapUp.reasonHelp')}
            fullWidth
            autoComplete="off"
          />
        )}
        <Typography variant="body2" sx={{ mt: 2 }}>
          {email ? t('wrapUp.email.cannotSkip') : t('wrapUp.cannotSkip')}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {incomplete ? (
          <Button variant="outlined" onClick={() => void save(true)}>
            {t('wrapUp.saveIncomplete')}
          </Button>
        ) : (
          <Button variant="text" onClick={() => setIncomplete(true)}>
            {t('wrapUp.cannotFinish')}
          </Button>
        )}
        <Button variant="contained" onClick={() => void save(false)}>
          {t('wrapUp.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
