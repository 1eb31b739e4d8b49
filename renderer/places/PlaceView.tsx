import Typography from '@mui/material/Typography';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import type { IncomingCall } from '../app/Workstation';
import type { Place } from '../app/places';
import { DashboardPlace } from './DashboardPlace';
import { CasesPlace } from '../cases/CasesPlace';
import { ScriptsPlace } from '../scripts/ScriptsPlace';
import { ResidentPlace } from '../residents/ResidentPlace';
import { SearchPlace } from '../residents/SearchPlace';

/** One place at a time, each under its own h1 (which takes focus when staff move here). */
export function PlaceView({ place, session, headingRef, incomingCall, onResidentOpened, onScreenPopUsed }: { place: Place; session: SessionInfo; headingRef: RefObject<HTMLHeadingElement | null>; incomingCall: IncomingCall | null; onResidentOpened: () => void; onScreenPopUsed: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="place-heading">
      <Typography id="place-heading" ref={headingRef} component="h1" variant="h4" tabIndex={-1} gutterBottom sx={{ fontWeight: 700 }}>
        {t(`${place}.title`)}
      </Typography>
      {place === 'dashboard' && <DashboardPlace session={session} />}
      {place === 'search' && <SearchPlace key={incomingCall?.at ?? 'no-call'} incomingCall={incomingCall} onOpened={onResidentOpened} onScreenPopUsed={onScreenPopUsed} />}
      {place === 'resident' && <ResidentPlace />}
      {place === 'scripts' && <ScriptsPlace agentName={session.user?.displayName ?? ''} />}
      {place === 'cases' && <CasesPlace />}
      {!['dashboard', 'search', 'resident', 'scripts', 'cases'].includes(place) && <Typography sx={{ maxWidth: '50rem' }}>{t(`${place}.empty`)}</Typography>}
    </section>
  );
}
