import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { ResidentView } from '../../shared/contract/residents';

/**
 * Flags come first and are shown even before the identity check: they change how the agent
 * handles the call. Words, not colour alone, say what each is.
 */
export function FlagList({ view, today }: { view: ResidentView; today: string }) {
  const { t } = useTranslation();
  if (view.flags.length === 0 && view.hiddenStaffSafety === 0) return null;
  return (
    <Box component="section" aria-labelledby="flags-title" sx={{ mb: 3 }} data-testid="flags">
      <Typography id="flags-title" component="h2" variant="h6">
        {t('resident.flags')}
      </Typography>
      {view.flags.map((flag) => (
        <Alert key={flag.id} severity={flag.kind === 'staff-safety' ? 'error' : 'warning'} sx={{ mb: 1 }} data-testid={`flag-${flag.kind}`}>
          <strong>{flag.kind === 'staff-safety' ? t(`flags.markers.${flag.marker}`) : t(`flags.types.${flag.type}`)}</strong>
          {': '}
          {flag.note}{' '}
          {flag.reviewOn < today ? t('resident.reviewOverdue', { date: longDate(flag.reviewOn) }) : t('resident.reviewOn', { date: longDate(flag.reviewOn) })}
        </Alert>
      ))}
      {view.hiddenStaffSafety > 0 && (
        <Alert severity="info" data-testid="hidden-for-role">
          {t('resident.hiddenForRole', { count: view.hiddenStaffSafety })}
        </Alert>
      )}
    </Box>
  );
}
