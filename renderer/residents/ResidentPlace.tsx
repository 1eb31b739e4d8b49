import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { canListAccesses } from '../../shared/domain/flag-visibility';
import { isoDateInLondon } from '../../shared/service-standards';
import { useSession } from '../app/session-context';
import { useStandards } from '../scripts/use-standards';
import { useSyncStatus } from '../sync/sync-context';
import { AccessLog } from './AccessLog';
import { ContactTimeline } from './ContactTimeline';
import { FlagList } from './FlagList';
import { IdentityCheck } from './IdentityCheck';
import { LanguageBanner } from './LanguageBanner';
import { Resident360 } from './Resident360';
import { useOpenResident } from './resident-context';
import { SnapshotBanner, SnapshotTimeline } from './SnapshotBanner';

/**
 * The resident on the call: flags first, then the identity check, then the whole record. When
 * the record is this computer's copy, a banner says so, and what needs the back office (contact
 * history, the access log) waits for it.
 */
export function ResidentPlace() {
  const { t } = useTranslation();
  const session = useSession();
  const { view, update, fromSnapshot, refreshFromBackOffice } = useOpenResident();
  const { reachable } = useSyncStatus();
  const clock = useStandards();
  // The banner promises the copy updates when the council's system can be reached.
  const showingCopy = fromSnapshot !== null;
  useEffect(() => {
    if (showingCopy && reachable === true) void refreshFromBackOffice();
  }, [showingCopy, reachable, refreshFromBackOffice]);
  const today = isoDateInLondon(new Date());
  if (!view) return <Typography sx={{ maxWidth: '50rem' }}>{t('resident.empty')}</Typography>;
  return (
    <Box>
      {fromSnapshot && <SnapshotBanner savedAt={fromSnapshot.savedAt} />}
      <Typography component="p" variant="h5" sx={{ fontWeight: 700, mb: 1 }} data-testid="resident-name">
        {view.name}
      </Typography>
      <Typography sx={{ mb: 2 }} data-testid="identity-status">
        {t(`identity.status.${view.identity.status}`)}
      </Typography>
      <FlagList view={view} today={today} />
      {/* There before the identity check, empty, so it is announced when the record brings it. */}
      <LanguageBanner name={view.name} residentId={view.residentId} resident={view.communication} />
      {view.record === null ? (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('identity.masked')}
          </Alert>
          <IdentityCheck view={view} onChange={update} />
        </>
      ) : (
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Resident360 record={view.record} today={today} clock={clock} repeat={view.repeatContact} />
          {fromSnapshot ? <SnapshotTimeline /> : <ContactTimeline accessId={view.accessId} />}
          {canListAccesses(session.user?.role ?? null) &&
            (fromSnapshot ? (
              <Typography color="text.secondary" data-testid="snapshot-access-log">
                {t('resident.snapshot.accessLog')}
              </Typography>
            ) : (
              <AccessLog residentId={view.residentId} />
            ))}
        </Box>
      )}
    </Box>
  );
}
