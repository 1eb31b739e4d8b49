import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { IncomingCall } from '../app/Workstation';

/** A screen-pop lands here with the caller's details until resident search takes over. */
export function SearchPlace({ incomingCall }: { incomingCall: IncomingCall | null }) {
  const { t } = useTranslation();
  return (
    <>
      {incomingCall && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="incoming-call">
          <AlertTitle>{t('search.incomingCall')}</AlertTitle>
          <Typography>{incomingCall.callerNumber ? t('search.callerNumber', { number: incomingCall.callerNumber }) : t('search.withheld')}</Typography>
          {incomingCall.queue && <Typography>{t('search.queue', { queue: incomingCall.queue })}</Typography>}
          {incomingCall.waitedSeconds !== null && <Typography>{t('search.waited', { seconds: incomingCall.waitedSeconds })}</Typography>}
        </Alert>
      )}
      <Typography sx={{ maxWidth: '50rem' }}>{t('search.empty')}</Typography>
    </>
  );
}
