import Box from '@mui/material/Box';
import { memo } from 'react';
import { officerStorageIfOpen } from '../storage/officer-storage';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { AccountStatusItem } from '../account/AccountStatusItem';
import { AgentStateControl } from '../agent-state/AgentStateControl';
import { useCaseNavigation } from '../cases/case-navigation';
import { useSyncStatus } from '../sync/sync-context';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Mode, who is signed in, whether the council's system answers, and what is waiting to send.
 * Kept in view below the work area on a normal screen, never over it (see Workstation); when
 * zoomed (a short window) it scrolls with the page. Changes are announced politely: they
 * matter, but never mid-sentence.
 */
export const StatusBar = memo(function StatusBar({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const sync = useSyncStatus();
  const navigation = useCaseNavigation();
  // Live mode only: in training every resident is synthetic, and the training banner says so.
  const savedForThisRunOnly = session.mode === 'live' && session.user !== null && officerStorageIfOpen()?.kept === 'this-session-only';
  const network = sync.reachable === null ? t('status.checking') : sync.reachable ? t('status.online') : t('status.offline');
  const waiting = sync.waiting === null ? t('status.counting') : sync.waiting > 0 ? t('status.waiting', { count: sync.waiting }) : t('status.allSent');
  return (
    <Box component="footer" aria-label={t('status.label')} sx={{ bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider', px: 2, py: 0.5 }}>
      {/* One line at 1366 pixels with a call's contact still waiting to send: at 12 pixels apart, "1 contact waiting to be recorded" wrapped it. */}
      <Box component="ul" aria-live="polite" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5, m: 0, p: 0, listStyle: 'none' }}>
        <li data-testid="status-mode">
          <Typography variant="body2">{t(`status.mode.${session.mode}`)}</Typography>
        </li>
        <li data-testid="status-user">
          <Typography variant="body2">{session.user ? t('status.signedInAs', { name: session.user.displayName }) : t('status.notSignedIn')}</Typography>
        </li>
        {session.user && (
          <li data-testid="status-agent-state">
            <AgentStateControl />
          </li>
        )}
        {(session.features.teams || session.features.bookings) && (
          <li data-testid="status-account">
            <AccountStatusItem />
          </li>
        )}
        <li data-testid="status-network">
          <Typography variant="body2">{network}</Typography>
        </li>
        <li data-testid="status-sync">
          <Typography variant="body2">{waiting}</Typography>
        </li>
        {/* No real keychain here: what is saved is sealed with a key that ends with this run. Short, with the reason read out and on hover. */}
        {savedForThisRunOnly && (
          <li data-testid="status-storage-kept">
            <Typography variant="body2" title={t('storage.keptReason')}>
              {t('storage.keptShort')}
              <span style={{ position: 'absolute', left: '-10000px' }}>{` ${t('storage.keptReason')}`}</span>
            </Typography>
          </li>
        )}
        {sync.contactsWaiting > 0 && (
          <li data-testid="status-contacts">
            <Typography variant="body2">{t('status.contactsWaiting', { count: sync.contactsWaiting })}</Typography>
          </li>
        )}
        {sync.lastSuccessfulSync && (
          <li data-testid="status-last-sync">
            <Typography variant="body2">{t('status.lastSent', { time: clockTime(sync.lastSuccessfulSync) })}</Typography>
          </li>
        )}
        {sync.needsAttention > 0 && (
          <li data-testid="status-attention">
            <Button size="small" variant="outlined" color="warning" onClick={() => navigation?.showSection('attention')} sx={{ py: 0, fontWeight: 700 }}>
              {t('status.attention', { count: sync.needsAttention })}
            </Button>
          </li>
        )}
      </Box>
    </Box>
  );
});
