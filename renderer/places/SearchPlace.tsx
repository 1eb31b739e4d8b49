import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import type { IncomingCall } from '../app/Workstation';
import { useBridge } from '../bridge/bridge-context';

/** A screen-pop lands here with the caller's details until resident search takes over. */
export function SearchPlace({ incomingCall }: { incomingCall: IncomingCall | null }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const simulate = async () => {
    const outcome = await bridge.training.simulateCall({});
    setProblem(outcome.ok ? null : outcome.error.message);
  };
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
      <Typography sx={{ maxWidth: '50rem', mb: 2 }}>{t('search.empty')}</Typography>
      {session.mode === 'training' && (
        <>
          <Typography sx={{ mb: 1 }}>{t('search.simulateHelp')}</Typography>
          <Button variant="outlined" onClick={() => void simulate()}>
            {t('search.simulateCall')}
          </Button>
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {problem}
            </Alert>
          )}
        </>
      )}
    </>
  );
}
