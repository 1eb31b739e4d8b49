import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceDot, usePresenceWords, useShortPresenceWords } from '../colleagues/PresenceDot';
import { useSessionIfAny } from '../session/session-context';
import { MY_PRESENCE_ID, SIGN_IN_ID, useAccount } from './account-context';
import { SetPresenceDialog } from './SetPresenceDialog';
import { SignInButton } from './SignInButton';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The status bar's Microsoft 365 part: sign in, or my presence (to change it) and Sign out. */
export function AccountStatusItem() {
  const { t } = useTranslation();
  const account = useAccount();
  const describe = usePresenceWords();
  const describeShort = useShortPresenceWords();
  const [choosing, setChoosing] = useState(false);
  const session = useSessionIfAny();
  const sessionName = session?.user?.displayName ?? null;
  const { status, me } = account;
  // After Sign out, the focus goes to Sign in once it is on screen: not before (the answer to
  // sign-out can come before the status that replaces the buttons), and not to the page.
  const signingOut = useRef(false);
  useEffect(() => {
    if (!signingOut.current || !status || status.signedIn) return;
    signingOut.current = false;
    requestAnimationFrame(() => document.getElementById(SIGN_IN_ID)?.focus());
  }, [status]);
  // After Sign in (here or in a place), the focus goes to my presence once it is rendered: an effect
  // runs after the commit, so the button is there (a frame timer after the answer could run before
  // React had drawn it, and the focus fell to the page).
  const signingIn = useRef(false);
  useEffect(() => {
    if (account.signingIn) {
      signingIn.current = true;
      return;
    }
    if (!signingIn.current) return;
    signingIn.current = false;
    if (status?.signedIn) document.getElementById(MY_PRESENCE_ID)?.focus();
  }, [account.signingIn, status]);
  if (!status) return null;
  if (!status.signedIn) return <SignInButton compact />;
  const presence = me?.presence ?? null;
  const words = presence ? (presence.preferredUntil ? t('account.presence.until', { presence: describe(presence.availability), time: clockTime(presence.preferredUntil) }) : describe(presence.availability, presence.activity)) : t('account.presence.unknownYet');
  // Shown as Teams shows it, so the bar stays one line with "Do not disturb, presenting"; read out whole.
  const shown = presence && !presence.preferredUntil ? describeShort(presence.availability, presence.activity) : words;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      {/* The Microsoft 365 account's name only where it is not the officer the status bar already names. */}
      <Typography variant="body2">{(me?.profile.displayName ?? status.name) === sessionName ? t('account.microsoft365') : t('account.signedInAs', { name: me?.profile.displayName ?? status.name })}</Typography>
      <Button id={MY_PRESENCE_ID} size="small" variant="outlined" onClick={() => setChoosing(true)} aria-haspopup="dialog" aria-label={t('account.presence.button', { presence: words })} sx={{ py: 0, textTransform: 'none' }}>
        <PresenceDot availability={presence?.availability ?? 'PresenceUnknown'} words={shown} />
      </Button>
      <Button
        size="small"
        onClick={() => {
          signingOut.current = true;
          void account.signOut();
        }}
        sx={{ py: 0 }}
      >
        {t('account.signOut')}
      </Button>
      {/* Short, so the status bar stays one line; the reason is read out with it and shown on hover.
          Live mode only, as the status bar's own note on saved work: in training nothing is kept
          past the run anyway, and the training banner says so. */}
      {status.kept === 'this-session-only' && session?.mode === 'live' && (
        <Typography variant="body2" data-testid="account-kept" title={status.keptReason ?? undefined}>
          {t('account.keptShort')}
          {status.keptReason && <span style={{ position: 'absolute', left: '-10000px' }}>{` ${status.keptReason}`}</span>}
        </Typography>
      )}
      {choosing && <SetPresenceDialog onClose={() => setChoosing(false)} />}
    </Box>
  );
}
