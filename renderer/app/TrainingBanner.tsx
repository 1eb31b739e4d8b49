import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_BANNER_COLOURS } from '../theme/theme';

/** Always on screen in training mode, so nobody mistakes practice for a real resident. */
export const TrainingBanner = memo(function TrainingBanner({ highContrast }: { highContrast: boolean }) {
  const { t } = useTranslation();
  const colours = highContrast ? TRAINING_BANNER_COLOURS.highContrast : TRAINING_BANNER_COLOURS.standard;
  return (
    // Above the work area, which scrolls beneath it (see Workstation); when zoomed (a short
    // window) it scrolls away with the page, so it takes no room from "End call" or a script.
    <Box component="aside" aria-label={t('training.bannerLabel')} data-testid="training-banner" sx={{ bgcolor: colours.background, color: colours.text, px: 2, py: 0.75 }}>
      <Typography component="p" sx={{ fontWeight: 700, fontSize: '1rem' }}>
        {t('training.banner')}
      </Typography>
    </Box>
  );
});
