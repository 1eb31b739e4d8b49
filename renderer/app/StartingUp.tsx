import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** The whole page while CivicDesk gets ready: asking main who is signed in, opening their storage. */
export function StartingUp() {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }} aria-busy="true">
      <CircularProgress size="1.5rem" aria-hidden="true" />
      <Typography component="h1" variant="h6">
        {t('app.loading')}
      </Typography>
    </Box>
  );
}

/** The whole page when CivicDesk cannot start: a title and main's own words about why. */
export function CannotStart({ title, message }: { title: string; message: string }) {
  return (
    <Box component="main" sx={{ p: 4 }}>
      <Typography component="h1" variant="h4" gutterBottom>
        {title}
      </Typography>
      <Alert severity="error">{message}</Alert>
    </Box>
  );
}
