import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityReview } from '../../shared/contract/quality';
import type { QualityForm } from '../../shared/quality/quality-form';
import { useBridge } from '../bridge/bridge-context';

const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The officer's own quality reviews, newest first, each to read and acknowledge. */
export function MyReviews() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [reviews, setReviews] = useState<QualityReview[] | null>(null);
  const [form, setForm] = useState<QualityForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([bridge.quality.mine({}), bridge.quality.form({})]).then(([mine, quality]) => {
      if (!live) return;
      if (mine.ok) setReviews(mine.value);
      else setProblem(mine.error.message);
      if (quality.ok) setForm(quality.value);
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const acknowledge = async (id: string) => {
    const outcome = await bridge.quality.acknowledge({ id });
    if (!outcome.ok) return setProblem(outcome.error.message);
    setProblem(null);
    setReviews((before) => before?.map((review) => (review.id === id ? outcome.value : review)) ?? null);
    setAcknowledged(id);
  };
  // The button goes once pressed: the focus moves to the words that replace it, not to the page.
  useEffect(() => {
    if (acknowledged) document.getElementById(`acknowledged-${acknowledged}`)?.focus();
  }, [acknowledged]);
  const question = (id: string) => form?.sections.flatMap((section) => section.criteria).find((criterion) => criterion.id === id)?.question ?? id;

  return (
    <section aria-labelledby="my-reviews-title">
      <Typography id="my-reviews-title" component="h2" variant="h6" sx={{ mt: 3 }}>
        {t('quality.mine')}
      </Typography>
      {problem && <Alert severity="error">{problem}</Alert>}
      {reviews && reviews.length === 0 && <Typography>{t('quality.noneYet')}</Typography>}
      {reviews && reviews.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, display: 'grid', gap: 1 }} data-testid="my-reviews">
          {reviews.map((review) => {
            const noes = Object.entries(review.answers).filter(([, answer]) => answer === 'no');
            const heading = t(review.passed ? 'quality.mineHeadingPassed' : 'quality.mineHeadingNotPassed', { channel: t(`team.channel.${review.channel}`), day: longDay.format(new Date(`${review.contactDay}T00:00:00Z`)), score: review.score });
            return (
              <Paper component="li" variant="outlined" key={review.id} sx={{ p: 1.5 }}>
                <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
                  {heading}
                </Typography>
                <Typography variant="body2">{t('quality.reviewedBy', { name: review.reviewerName })}</Typography>
                {noes.length > 0 && (
                  <>
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {t('quality.toWorkOn')}
                    </Typography>
                    <ul>
                      {noes.map(([id]) => (
                        <li key={id}>{question(id)}</li>
                      ))}
                    </ul>
                  </>
                )}
                {review.comments && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{review.comments}</Typography>}
                {review.acknowledgedAt ? (
                  <Typography variant="body2" sx={{ mt: 0.5 }} id={`acknowledged-${review.id}`} tabIndex={-1}>
                    {t('quality.acknowledged')}
                  </Typography>
                ) : (
                  // Each button says which review, for a screen reader going from button to button; its words first.
                  <Button size="small" variant="outlined" sx={{ mt: 1 }} aria-label={`${t('quality.acknowledge')}: ${heading}`} onClick={() => void acknowledge(review.id)}>
                    {t('quality.acknowledge')}
                  </Button>
                )}
              </Paper>
            );
          })}
        </Box>
      )}
    </section>
  );
}
