import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canListAccesses } from '../../shared/domain/flag-visibility';
import { isoDateInLondon } from '../../shared/service-standards';
import { useContact } from '../contact/contact-context';
import { useStandards } from '../scripts/use-standards';
import { useSession } from '../session/session-context';
import { useSyncStatus } from '../sync/sync-context';
import { AboutWhoQuestion } from './AboutWhoQuestion';
import { AccessLog } from './AccessLog';
import { ContactTimeline } from './ContactTimeline';
import { FlagList } from './FlagList';
import { IdentityCheck } from './IdentityCheck';
import { LanguageBanner } from './LanguageBanner';
import { Resident360 } from './Resident360';
import { SnapshotBanner, SnapshotTimeline } from './SnapshotBanner';

/**
 * The resident on the contact: flags first, then the identity check, then the whole record.
 * When the record is this computer's copy, a banner says so, and what needs the back office
 * (contact history, the access log) waits for it.
 */
export function ResidentPlace() {
  const { t } = useTranslation();
  const session = useSession();
  const contact = useContact();
  const { resident: shown, about, updateResident, refreshFromBackOffice } = contact;
  const { reachable } = useSyncStatus();
  const clock = useStandards();
  const nameRef = useRef<HTMLParagraphElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The check passed or was gone past: its form goes, so the focus goes to what it now says.
  const status = shown?.view.identity.status;
  const checkedBefore = useRef(status);
  useEffect(() => {
    if (checkedBefore.current === 'not-done' && status !== 'not-done') statusRef.current?.focus();
    checkedBefore.current = status;
  }, [status]);
  // The question is answered and goes: the focus goes to whose record is on screen.
  const asking = contact.askingAbout !== null;
  const askedBefore = useRef(asking);
  useLayoutEffect(() => {
    if (askedBefore.current && !asking) nameRef.current?.focus();
    askedBefore.current = asking;
  }, [asking]);
  // The banner promises the copy updates when the council's system can be reached.
  const showingCopy = shown?.fromSnapshot != null;
  useEffect(() => {
    if (showingCopy && reachable === true) void refreshFromBackOffice();
  }, [showingCopy, reachable, refreshFromBackOffice]);
  const today = isoDateInLondon(new Date());
  if (!shown) return <Typography sx={{ maxWidth: '50rem' }}>{t('resident.empty')}</Typography>;
  const { view, fromSnapshot } = shown;
  return (
    <Box>
      {contact.askingAbout && about && <AboutWhoQuestion opened={contact.askingAbout.view.name} about={about.view.name} onAnswer={(nowAboutThem) => void contact.answerAbout(nowAboutThem)} />}
      {about && about.view.residentId !== view.residentId && !contact.askingAbout && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="looking-at-other" action={<Button onClick={() => contact.showResident(about.view.residentId)}>{t('contact.backTo', { name: about.view.name })}</Button>}>
          {t('contact.lookingAtOther', { name: view.name, about: about.view.name })}
        </Alert>
      )}
      {fromSnapshot && <SnapshotBanner savedAt={fromSnapshot.savedAt} />}
      <Typography ref={nameRef} tabIndex={-1} component="p" variant="h5" sx={{ fontWeight: 700, mb: 1 }} data-testid="resident-name">
        {view.name}
      </Typography>
      <Typography ref={statusRef} tabIndex={-1} sx={{ mb: 2 }} data-testid="identity-status">
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
          <IdentityCheck view={view} onChange={updateResident} />
        </>
      ) : (
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Resident360 record={view.record} accessId={view.accessId} today={today} clock={clock} repeat={view.repeatContact} />
          {fromSnapshot ? <SnapshotTimeline /> : <ContactTimeline accessId={view.accessId} residentId={view.residentId} />}
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
