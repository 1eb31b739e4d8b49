import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../account/account-context';
import { SignInButton } from '../account/SignInButton';
import { useContact } from '../contact/contact-context';
import { EmailInHand } from './EmailInHand';
import { EmailQueue } from './EmailQueue';

/**
 * The council's contact mailbox (Microsoft 365), worked as a queue: the email in hand while
 * the officer answers one, else the queue. Needs the officer's Microsoft 365 sign-in, as
 * Exchange decides who may read and send from the mailbox.
 */
export function EmailPlace() {
  const { t } = useTranslation();
  const account = useAccount();
  const { current } = useContact();
  if (account.status?.signedIn !== true) {
    return (
      <Box sx={{ maxWidth: '50rem' }}>
        <Typography sx={{ mb: 2 }}>{t('email.signedOut')}</Typography>
        <SignInButton />
      </Box>
    );
  }
  if (current?.channel === 'email' && current.status === 'in-progress' && current.emailId) return <EmailInHand key={current.id} interaction={{ ...current, emailId: current.emailId }} />;
  return <EmailQueue />;
}
