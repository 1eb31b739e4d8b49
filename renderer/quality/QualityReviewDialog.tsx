import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityReview } from '../../shared/contract/quality';
import type { TeamContact } from '../../shared/domain/team-measures';
import type { QualityForm } from '../../shared/quality/quality-form';
import { scoreReview, type QualityAnswer } from '../../shared/quality/score';
import { useBridge } from '../bridge/bridge-context';
import { serviceName } from '../team/team-figures';

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/**
 * A team leader scores one contact against the council's quality form. The score shown as
 * they go is worked out the same way main works it out when it saves; what they chose stays
 * if the save fails.
 */
export function QualityReviewDialog({ contact, onClose, onSaved }: { contact: TeamContact; onClose: () => void; onSaved?: (review: QualityReview) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [form, setForm] = useState<QualityForm | null>(null);
  const [answers, setAnswers] = useState<Record<string, QualityAnswer>>({});
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<QualityReview | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([bridge.quality.form({}), bridge.quality.forContact({ contactId: contact.id })]).then(([formOutcome, reviewOutcome]) => {
      if (!live) return;
      if (!formOutcome.ok) return setProblem(formOutcome.error.message);
      setForm(formOutcome.value);
      // Reviewed before: start from what was said then.
      if (reviewOutcome.ok && reviewOutcome.value.review) {
        setAnswers(reviewOutcome.value.review.answers);
        setComments(reviewOutcome.value.review.comments);
      }
    });
    return () => {
      live = false;
    };
  }, [bridge, contact.id]);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const score = form ? scoreReview(form, answers) : null;
  const save = async () => {
    setSaving(true);
    setProblem(null);
    const outcome = await bridge.quality.save({ contactId: contact.id, channel: contact.channel, answers, comments });
    setSaving(false);
    if (!outcome.ok) return setProblem(outcome.error.message);
    setSaved(outcome.value);
    onSaved?.(outcome.value);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="quality-review-title" data-testid="quality-review">
      <DialogTitle id="quality-review-title">{t('quality.title', { name: contact.staffName })}</DialogTitle>
      <DialogContent>
        <Typography>{t('quality.about', { channel: t(`team.channel.${contact.channel}`), when: when.format(new Date(contact.answeredAt)), service: serviceName(contact.service, t), queue: contact.queue ?? t('team.notSaid') })}</Typography>
        {contact.outcomeSummary && <Typography sx={{ mt: 1 }}>{t('quality.outcome', { summary: contact.outcomeSummary })}</Typography>}
        {saved ? (
          <Alert severity={saved.passed ? 'success' : 'warning'} ref={savedRef} tabIndex={-1} sx={{ mt: 2 }} data-testid="quality-saved">
            {t(saved.passed ? 'quality.savedPassed' : 'quality.savedNotPassed', { score: saved.score })}
          </Alert>
        ) : (
          <>
            {!form && !problem && <CircularProgress size="1.5rem" aria-label={t('quality.loading')} />}
            {form && (
              <Box component="form" id="quality-review-form" onSubmit={(event) => (event.preventDefault(), void save())} sx={{ mt: 2 }}>
                {form.sections.map((section) => (
                  <Box key={section.id} component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
                    <Typography component="legend" variant="h6">
                      {section.title}
                    </Typography>
                    {section.criteria.map((criterion) => (
                      <FormControl key={criterion.id} component="fieldset" sx={{ display: 'block', mb: 1.5 }} data-testid={`criterion-${criterion.id}`}>
                        <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600 }}>
                          {criterion.question}
                          {criterion.critical ? ` ${t('quality.critical')}` : ''}
                        </FormLabel>
                        <Typography variant="body2">{criterion.guidance}</Typography>
                        <RadioGroup row value={answers[criterion.id] ?? ''} onChange={(event) => setAnswers((before) => ({ ...before, [criterion.id]: event.target.value as QualityAnswer }))}>
                          <FormControlLabel value="yes" control={<Radio />} label={t('quality.answer.yes')} />
                          <FormControlLabel value="no" control={<Radio />} label={t('quality.answer.no')} />
                          {criterion.notApplicableAllowed && <FormControlLabel value="not-applicable" control={<Radio />} label={t('quality.answer.not-applicable')} />}
                        </RadioGroup>
                      </FormControl>
                    ))}
                  </Box>
                ))}
                <TextField label={t('quality.comments')} multiline minRows={3} fullWidth value={comments} onChange={(event) => setComments(event.target.value)} slotProps={{ htmlInput: { maxLength: 2000 } }} />
                {score && (
                  <Typography sx={{ mt: 2 }} data-testid="quality-running-score">
                    {score.complete ? t(score.passed ? 'quality.scorePasses' : 'quality.scoreFails', { score: score.score, passMark: form.passMark }) : t('quality.scoreSoFar', { score: score.score, left: score.unanswered.length + score.notAllowed.length })}
                    {score.criticalFail ? ` ${t('quality.criticalFail')}` : ''}
                  </Typography>
                )}
              </Box>
            )}
          </>
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {!saved && form && (
          <Button type="submit" form="quality-review-form" variant="contained" disabled={saving}>
            {t('quality.save')}
          </Button>
        )}
        <Button onClick={onClose}>{saved ? t('team.close') : t('quality.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
