import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerCard } from '../../shared/contract/session';
import { Facts } from '../residents/Section';

/**
 * Training only: the simulated caller's card, what they will say to each identity question and
 * why they are calling, so a trainee can practise the check and the scripts as on a real call.
 */
export function CallerCardButton({ card }: { card: CallerCard }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} data-testid="caller-card-button">
        {t('callerCard.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="caller-card-title" maxWidth="sm" fullWidth>
        <DialogTitle id="caller-card-title" component="h2">
          {t('callerCard.title')}
        </DialogTitle>
        <DialogContent data-testid="caller-card" tabIndex={0} role="region" aria-labelledby="caller-card-title">
          <Typography sx={{ mb: 2 }}>{t('callerCard.intro', { name: card.name })}</Typography>
          <Facts
            items={[
              [t('identity.questions.name'), card.says.name],
              [t('callerCard.dateOfBirth'), card.says.dateOfBirth],
              [t('identity.questions.addressLine1'), card.says.addressLine1],
              [t('identity.questions.postcode'), card.says.postcode],
              [t('callerCard.reason'), card.reason],
              [t('callerCard.script'), card.scriptWords],
            ]}
          />
          {card.sharedNumber && <Typography sx={{ mt: 2 }}>{t('callerCard.shared')}</Typography>}
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setOpen(false)}>
            {t('callerCard.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
