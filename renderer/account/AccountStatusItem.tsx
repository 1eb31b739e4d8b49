import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceDot, usePresenceWords } from '../colleagues/PresenceDot';
import { useAccount } from './account-context';
import { SetPresenceDialog } from './SetPresenceDialog';
import { SignInButton } from './SignInButton';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The status bar's Microsoft 365 part: sign in, or my presence (to change it) and Sign out. */
export function AccountStatusItem() {
  const { t } = useTranslation();
  const account = useAccount();
  const describe = usePresenceWords();
  const [choosing, setChoosing] = useState(false);
  const { status, me } = account;
  if (!status) return null;
  if (!status.signedIn) return <SignInButton compact />;
  const presence = me?.presence ?? null;
  const words = presence ? (presence.preferredUntil ? t('account.presence.until', { presence: describe(presence.availability), time: clockTime(presence.preferredUntil) }) : describe(presence.availability, presence.activity)) : t('account.presence.unknownYet');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2">{t('account.signedInAs', { name: me?.profile.displayName ?? status.name })}</Typography>
      <Button size="small" variant="outlined" onClick={() => setChoosing(true)} aria-haspopup="dialog" aria-label={t('account.presence.button', { presence: words })} sx={{ py: 0, textTransform: 'none' }}>
        <PresenceDot availability={presence?.availability ?? 'PresenceUnknown'} words={words} />
      </Button>
      <Button size="small" onClick={() => void account.signOut()} sx={{ py: 0 }}>
        {t('account.signOut')}
      </Button>
      {status.kept === 'this-session-only' && (
        <Typography variant="body2" data-testid="account-kept">
          {t('account.keptThisSession')}
          {status.keptReason ? ` ${status.keptReason}` : ''}
        </Typography>
      )}
      {choosing && <SetPresenceDialog onClose={() => setChoosing(false)} />}
    </Box>
  );
}
