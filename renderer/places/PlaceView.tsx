import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { placesFor, type Place } from '../navigation/places';
import { TeamPlace } from '../team/TeamPlace';
import { TenantReadinessPlace } from '../readiness/TenantReadinessPlace';
import { DashboardPlace } from './DashboardPlace';
import { AppointmentsPlace } from '../appointments/AppointmentsPlace';
import { CasesPlace } from '../cases/CasesPlace';
import { ColleaguesPlace } from '../colleagues/ColleaguesPlace';
import { ScriptsPlace } from '../scripts/ScriptsPlace';
import { ResidentPlace } from '../residents/ResidentPlace';
import { SearchPlace } from '../residents/SearchPlace';

// Loaded when first visited: it brings the fonts for residents' scripts with it.
const LanguagesPlace = lazy(() => import('../languages/LanguagesPlace').then((module) => ({ default: module.LanguagesPlace })));

/** One place at a time, each under its own h1 (which takes focus when staff move here). */
export function PlaceView({ place: chosen, session, headingRef }: { place: Place; session: SessionInfo; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  // A place the officer's role does not work in (the Team place, after a team leader hands over) shows the dashboard.
  const place = placesFor(session.user?.role ?? null).includes(chosen) ? chosen : 'dashboard';
  return (
    <section aria-labelledby="place-heading">
      <Typography id="place-heading" ref={headingRef} component="h1" variant="h4" tabIndex={-1} gutterBottom sx={{ fontWeight: 700 }}>
        {t(`${place}.title`)}
      </Typography>
      {place === 'dashboard' && <DashboardPlace session={session} />}
      {place === 'search' && <SearchPlace />}
      {place === 'resident' && <ResidentPlace />}
      {place === 'scripts' && <ScriptsPlace agentName={session.user?.displayName ?? ''} />}
      {place === 'cases' && <CasesPlace />}
      {place === 'colleagues' && <ColleaguesPlace />}
      {place === 'appointments' && <AppointmentsPlace />}
      {place === 'team' && <TeamPlace />}
      {place === 'readiness' && <TenantReadinessPlace />}
      {place === 'languages' && (
        <Suspense fallback={<CircularProgress size="1.5rem" aria-label={t('languages.loading')} />}>
          <LanguagesPlace session={session} />
        </Suspense>
      )}
    </section>
  );
}
