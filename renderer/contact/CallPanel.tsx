import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useContact } from './contact-context';
import { WrapUpDialog } from './WrapUpDialog';

/**
 * The call in hand, above whatever place the agent is in: who is calling, from which queue,
 * how long they waited, and the button that ends the call and opens wrap-up.
 */
export function CallPanel() {
  const { t } = useTranslation();
  const { current, endCall } = useContact();
  if (!current) return null;
  return (
    <Box component="section" aria-label={t('call.label')} data-testid="call-panel" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, px: 2, py: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Typography sx={{ fontWeight: 700 }}>{current.callerNumber ? t('call.onCallWith', { number: current.callerNumber }) : t('call.onCallWithheld')}</Typography>
      {current.queue && <Typography>{t('search.queue', { queue: current.queue })}</Typography>}
      {current.waitedSeconds !== null && <Typography>{t('search.waited', { seconds: current.waitedSeconds })}</Typography>}
      {current.status === 'in-progress' && (
        <Button variant="contained" color="secondary" onClick={() => void endCall()} sx={{ ml: 'auto' }}>
          {t('call.end')}
        </Button>
      )}
      {current.status === 'wrap-up' && <WrapUpDialog interaction={current} />}
    </Box>
  );
}
