import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { useOnline } from './use-online';

/**
 * Mode, who is signed in, the network, and what is waiting to send. Kept in view on a
 * normal screen; when zoomed (short viewport) it scrolls with the page so it never covers it.
 */
export function StatusBar({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const online = useOnline();
  const items = [
    { id: 'mode', text: t(`status.mode.${session.mode}`) },
    { id: 'user', text: session.user ? t('status.signedInAs', { name: session.user.displayName }) : t('status.notSignedIn') },
    { id: 'network', text: online ? t('status.online') : t('status.offline') },
    // The offline outbox arrives with case capture; until then there is never anything to send.
    { id: 'sync', text: t('status.syncIdle') },
  ];
  return (
    <Box component="footer" aria-label={t('status.label')} sx={{ '@media (min-height: 37.5em)': { position: 'sticky', bottom: 0 }, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider', px: 2, py: 0.5 }}>
      <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: { xs: 1, md: 3 }, m: 0, p: 0, listStyle: 'none' }}>
        {items.map((item) => (
          <li key={item.id} data-testid={`status-${item.id}`} aria-live={item.id === 'network' ? 'polite' : undefined}>
            <Typography variant="body2">{item.text}</Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
