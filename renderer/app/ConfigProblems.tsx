import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';

/** A wrong deployment file stops CivicDesk with every bad field named, for IT to fix. */
export function ConfigProblems({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4, maxWidth: '60rem' }}>
      <Typography component="h1" variant="h4" gutterBottom>
        {t('config.title')}
      </Typography>
      <Alert severity="error" sx={{ mb: 2 }}>
        {t('config.intro', { source: session.configSource ?? '' })}
      </Alert>
      <ul>
        {session.configProblems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            <Typography>{t('config.field', { field: problem.field || t('config.wholeFile'), message: problem.message })}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}
