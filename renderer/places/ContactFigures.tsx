import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { contactKpis } from '../../shared/domain/contact-kpis';
import { isoDateInLondon } from '../../shared/service-standards';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';

/**
 * My day: first-contact resolution and the other measures, from the contacts this officer
 * wrapped up today. Only theirs: another officer's on the same computer are not counted.
 */
export function ContactFigures() {
  const { t } = useTranslation();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const today = isoDateInLondon(new Date());
  const interactions = useLiveQuery(
    () =>
      staffId === null
        ? []
        : caseDatabase()
            .interactions.where('staffId')
            .equals(staffId)
            .filter((each) => each.status === 'done' && isoDateInLondon(new Date(each.answeredAt)) === today)
            .toArray(),
    [staffId, today],
  );
  const kpis = contactKpis(interactions ?? []);
  return (
    <section aria-labelledby="kpi-title">
      <Typography id="kpi-title" component="h2" variant="h6" sx={{ mt: 3 }} data-testid="my-day">
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
