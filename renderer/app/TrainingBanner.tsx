import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { TRAINING_BANNER_COLOURS } from '../theme/theme';

/** Always on screen in training mode, so nobody mistakes practice for a real resident. */
export function TrainingBanner({ highContrast }: { highContrast: boolean }) {
  const { t } = useTranslation();
  const colours = highContrast ? TRAINING_BANNER_COLOURS.highContrast : TRAINING_BANNER_COLOURS.standard;
  return (
    <Box data-testid="training-banner" sx={{ bgcolor: colours.background, color: colours.text, px: 2, py: 0.75 }}>
      <Typography component="p" sx={{ fontWeight: 700, fontSize: '1rem' }}>
        {t('training.banner')}
      </Typography>
    </Box>
  );
}
