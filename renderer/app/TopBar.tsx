import ContrastIcon from '@mui/icons-material/Contrast';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { TrainingUserPicker } from '../session/TrainingUserPicker';

export const TopBar = memo(function TopBar(props: { session: SessionInfo; highContrast: boolean; onToggleContrast: () => void; onOpenHelp: () => void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, px: 2, py: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Typography component="p" variant="h6" sx={{ fontWeight: 700, mr: 'auto' }}>
        {t('app.name')}
      </Typography>
      {props.session.mode === 'training' && <TrainingUserPicker session={props.session} />}
      <Button variant="outlined" startIcon={<ContrastIcon aria-hidden="true" />} aria-pressed={props.highContrast} onClick={props.onToggleContrast}>
        {props.highContrast ? t('contrast.on') : t('contrast.off')}
      </Button>
      <Button variant="outlined" startIcon={<KeyboardIcon aria-hidden="true" />} onClick={props.onOpenHelp}>
        {t('help.open')}
      </Button>
    </Box>
  );
});
