import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract/outcome';
import type { SessionInfo, TrainingSummary } from '../../shared/contract/session';
import { useBridge } from '../bridge/bridge-context';
import { ContactFigures } from './ContactFigures';
import { MyReviews } from '../quality/MyReviews';

export function DashboardPlace({ session }: { session: SessionInfo }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const [summary, setSummary] = useState<TrainingSummary | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    if (session.mode !== 'training') return;
    let live = true;
    void bridge.training.summary({}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setSummary(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [bridge, session.mode]);

  // Officers read their own quality reviews here; team leaders write them in the Team place.
  const reviews = session.user && session.user.role !== 'team-leader' ? <MyReviews /> : null;
  if (session.mode !== 'training')
    return (
      <>
        <ContactFigures />
        {reviews}
      </>
    );
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const count = (value: number) => value.toLocaleString('en-GB');
  return (
    <>
      <Typography sx={{ mb: 1 }}>{t('dashboard.trainingIntro')}</Typography>
      {summary && (
        <ul data-testid="training-summary">
          <li>{t('dashboard.residents', { count: count(summary.residents) })}</li>
          <li>{t('dashboard.households', { count: count(summary.households) })}</li>
          <li>{t('dashboard.cases', { count: count(summary.cases), open: count(summary.openCases) })}</li>
          <li>{t('dashboard.contacts', { count: count(summary.contacts) })}</li>
          <li>{t('dashboard.flags', { count: count(summary.flags) })}</li>
          <li>{t('dashboard.staff', { count: count(summary.staff) })}</li>
        </ul>
      )}
      <ContactFigures />
      {reviews}
    </>
  );
}
