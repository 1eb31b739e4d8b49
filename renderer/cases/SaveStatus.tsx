import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-draft-autosave';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * "Saving…" then "Saved at 14:02": in words, not only an icon or a colour, and polite so a
 * screen reader mentions it between other things rather than cutting in.
 */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text = state.failed ? t('caseForm.saveFailed', { problem: state.failed }) : state.saving ? t('caseForm.saving') : state.savedAt ? t('caseForm.savedAt', { time: clockTime(state.savedAt) }) : t('caseForm.notSavedYet');
  return (
    <Typography role="status" aria-live="polite" variant="body2" data-testid="save-status" sx={{ fontWeight: 600, color: state.failed ? 'error.main' : 'text.secondary' }}>
      {text}
    </Typography>
  );
}
