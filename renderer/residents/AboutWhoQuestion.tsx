import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A second resident opened during a call (a household member, say): is the call now about
 * them? Both are recorded on the contact either way; the answer decides whose cases it raises.
 * The question takes the focus, so it is read out and answered before anything else.
 */
export function AboutWhoQuestion({ opened, about, onAnswer }: { opened: string; about: string; onAnswer: (nowAboutThem: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} severity="warning" sx={{ mb: 2 }} data-testid="about-who" aria-labelledby="about-who-text">
      <Typography id="about-who-text" sx={{ fontWeight: 600, mb: 1 }}>
        {t('contact.aboutWho', { opened, about })}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" onClick={() => onAnswer(true)}>
          {t('contact.nowAbout', { name: opened })}
        </Button>
        <Button variant="outlined" onClick={() => onAnswer(false)}>
          {t('contact.stillAbout', { name: about })}
        </Button>
      </Box>
    </Alert>
  );
}
