import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, type ComponentType, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { placesFor, type Place } from '../navigation/places';
import { DashboardPlace } from './DashboardPlace';
import { ResidentPlace } from '../residents/ResidentPlace';
import { SearchPlace } from '../residents/SearchPlace';

// The first screen (Dashboard), Search and the resident's 360 view (a call pops straight into
// it) come with the workstation; every other place is loaded when first visited, so a start
// parses and holds only what the first screen needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: each place has its own props.
const named = <K extends string, T extends ComponentType<any>>(load: () => Promise<Record<K, T>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const ScriptsPlace = named(() => import('../scripts/ScriptsPlace'), 'ScriptsPlace');
const CasesPlace = named(() => import('../cases/CasesPlace'), 'CasesPlace');
const ColleaguesPlace = named(() => import('../colleagues/ColleaguesPlace'), 'ColleaguesPlace');
const AppointmentsPlace = named(() => import('../appointments/AppointmentsPlace'), 'AppointmentsPlace');
const TeamPlace = named(() => import('../team/TeamPlace'), 'TeamPlace');
const CallbacksPlace = named(() => import('../callbacks/CallbacksPlace'), 'CallbacksPlace');
const EmailPlace = named(() => import('../email/EmailPlace'), 'EmailPlace');
const TenantReadinessPlace = named(() => import('../readiness/TenantReadinessPlace'), 'TenantReadinessPlace');
// It brings the fonts for residents' scripts with it.
const LanguagesPlace = named(() => import('../languages/LanguagesPlace'), 'LanguagesPlace');

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
      {/* The heading above is drawn at once and takes the focus; the place comes under it when loaded. */}
      <Suspense fallback={<CircularProgress size="1.5rem" aria-label={place === 'languages' ? t('languages.loading') : t('places.loading', { place: t(`${place}.title`) })} />}>
        {place === 'scripts' && <ScriptsPlace agentName={session.user?.displayName ?? ''} />}
        {place === 'cases' && <CasesPlace />}
        {place === 'colleagues' && <ColleaguesPlace />}
        {place === 'appointments' && <AppointmentsPlace />}
        {place === 'team' && <TeamPlace />}
        {place === 'readiness' && <TenantReadinessPlace />}
        {place === 'callbacks' && <CallbacksPlace />}
        {place === 'email' && <EmailPlace />}
        {place === 'languages' && <LanguagesPlace session={session} />}
      </Suspense>
    </section>
  );
}
