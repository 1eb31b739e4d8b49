import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { contactKpis } from '../../shared/domain/contact-kpis';
import { caseDatabase } from '../storage/case-database';

/** First-contact resolution and the other measures, from the calls wrapped up here. */
export function ContactFigures() {
  const { t } = useTranslation();
  const interactions = useLiveQuery(() => caseDatabase().interactions.where('status').equals('done').toArray(), []);
  const kpis = contactKpis(interactions ?? []);
  return (
    <section aria-labelledby="kpi-title">
      <Typography id="kpi-title" component="h2" variant="h6" sx={{ mt: 3 }}>
        {t('dashboard.kpisTitle')}
      </Typography>
      {kpis.calls === 0 ? (
        <Typography>{t('dashboard.kpisComing')}</Typography>
      ) : (
        <ul data-testid="contact-kpis">
          <li>{t('dashboard.kpi.calls', { count: kpis.calls })}</li>
          {kpis.firstContactResolution !== null && <li>{t('dashboard.kpi.fcr', { percent: kpis.firstContactResolution })}</li>}
          {kpis.answeredWithinTarget !== null && <li>{t('dashboard.kpi.answered', { percent: kpis.answeredWithinTarget })}</li>}
          {kpis.onlineRouteOffered !== null && <li>{t('dashboard.kpi.offered', { percent: kpis.onlineRouteOffered })}</li>}
          {kpis.averageAfterCallWorkSeconds !== null && <li>{t('dashboard.kpi.acw', { seconds: kpis.averageAfterCallWorkSeconds })}</li>}
          {kpis.incompleteWrapUps > 0 && <li>{t('dashboard.kpi.incomplete', { count: kpis.incompleteWrapUps })}</li>}
        </ul>
      )}
    </section>
  );
}
