import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageEntry } from '../../shared/languages/language-table';
import { useBridge } from '../bridge/bridge-context';
import { useContact } from '../contact/contact-context';

/** Recorded with the resident's choice: how they agreed to it. */
const POINTED_NOTE = 'Pointed to their language on the customer-facing screen.';

/**
 * The resident pointed to a language on their screen: the officer confirms it becomes the
 * open resident's preferred language, and says whether they need an interpreter.
 */
export function SetLanguageDialog({ language, onClose }: { language: LanguageEntry; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const contact = useContact();
  const view = contact.resident?.view ?? null;
  const [interpreterNeeded, setInterpreterNeeded] = useState(true);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    if (!view) return;
    setSaving(true);
    setProblem(null);
    const outcome = await bridge.residents.setLanguage({ accessId: view.accessId, language: language.code, interpreterNeeded, consent: { how: 'pointed-to-language', note: POINTED_NOTE } });
    setSaving(false);
    if (!outcome.ok) {
      setProblem(outcome.error.message);
      return;
    }
    contact.updateResident(outcome.value);
    onClose(true);
  };

  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="set-language-title" maxWidth="sm" fullWidth>
      <DialogTitle id="set-language-title">{view ? t('languages.setLanguage.title', { language: language.englishName, resident: view.name }) : t('languages.setLanguage.chosenTitle', { language: language.englishName })}</DialogTitle>
      <DialogContent>
        {view ? (
          <FormControlLabel control={<Checkbox checked={interpreterNeeded} onChange={(event) => setInterpreterNeeded(event.target.checked)} />} label={t('languages.setLanguage.interpreterNeeded')} />
        ) : (
          <Typography>{t('languages.setLanguage.noResident')}</Typography>
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{view ? t('languages.setLanguage.cancel') : t('languages.setLanguage.close')}</Button>
        {view && (
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {t('languages.setLanguage.confirm')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
