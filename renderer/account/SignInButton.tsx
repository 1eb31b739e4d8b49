import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_ID, useAccount } from './account-context';

/** "Sign in to Microsoft 365": the same button in the status bar and in the places that need it. */
export function SignInButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      {/* Not disabled while signing in (a disabled button drops the focus to the page): it just waits. */}
      <Button
        id={compact ? SIGN_IN_ID : undefined}
        size={compact ? 'small' : 'medium'}
        variant={compact ? 'outlined' : 'contained'}
        aria-disabled={account.signingIn}
        onClick={() => {
          if (account.signingIn) return;
          // Signed in, this button goes: the status bar moves the focus to the officer's presence.
          void account.signIn();
        }}
        sx={compact ? { py: 0 } : undefined}
      >
        {t('account.signIn')}
      </Button>
      {account.signingIn && (
        <Typography variant="body2" role="status" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
          <CircularProgress size="1rem" aria-hidden="true" />
          {t('account.signingIn')}
        </Typography>
      )}
      {account.problem && !account.signingIn && (
        <Alert severity="error" role="alert" sx={{ py: 0 }}>
          {account.problem}
        </Alert>
      )}
    </Box>
  );
}
