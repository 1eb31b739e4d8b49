import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineTranslation } from '../../shared/languages/interpreting';
import { useBridge } from '../bridge/bridge-context';
import { useLanguageTable } from './use-language-table';

const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * "Translate a message (machine translation)": English text in, the chosen language out,
 * for everyday enquiries only. The result carries its lang and dir, and the label saying it
 * is machine translation and may be wrong is always on screen with it.
 */
export function MachineTranslationPanel({ enabled = true }: { enabled?: boolean }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const languages = useLanguageTable();
  const ids = useId();
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<MachineTranslation | null>(null);

  const options = useMemo(
    () => (languages.table ? [...languages.table.languages].filter((entry) => entry.code !== 'en' && entry.region !== 'sign-languages').sort((a, b) => a.englishName.localeCompare(b.englishName, 'en-GB')) : null),
    [languages.table],
  );
  const codeOk = LANGUAGE_CODE.test(to);

  const translate = async () => {
    if (!codeOk || text.trim() === '') return;
    setBusy(true);
    setProblem(null);
    const outcome = await bridge.translation.translate({ text, from: 'en', to, purpose: 'enquiry' });
    setBusy(false);
    if (outcome.ok) setResult(outcome.value);
    else {
      setResult(null);
      setProblem(outcome.error.message);
    }
  };

  const direction = result ? languages.nameOf(result.to).direction : 'ltr';

  return (
    <Paper component="section" aria-labelledby={`${ids}-title`} variant="outlined" sx={{ p: 2 }} data-testid="machine-translation">
      <Typography id={`${ids}-title`} variant="h6" component="h2" gutterBottom>
        {t('translation.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('translation.intro')}
      </Typography>
      {!enabled && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('translation.off')}
        </Alert>
      )}
      <TextField fullWidth multiline minRows={3} label={t('translation.text')} value={text} onChange={(event) => setText(event.target.value)} disabled={!enabled} slotProps={{ htmlInput: { maxLength: 5000, lang: 'en' } }} sx={{ mb: 2 }} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mb: 2 }}>
        {options ? (
          <TextField select label={t('translation.to')} value={to} onChange={(event) => setTo(event.target.value)} disabled={!enabled} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 240 }}>
            <option value="">{t('translation.choose')}</option>
            {options.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.englishName}
              </option>
            ))}
          </TextField>
        ) : (
          <TextField
            label={t('translation.toCode')}
            value={to}
            onChange={(event) => setTo(event.target.value.trim())}
            disabled={!enabled}
            error={to !== '' && !codeOk}
            helperText={to !== '' && !codeOk ? t('translation.codeProblem') : t('translation.codeHint')}
          />
        )}
        <Button variant="contained" onClick={() => void translate()} disabled={!enabled || busy || !codeOk || text.trim() === ''}>
          {t('translation.translate')}
        </Button>
      </Box>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {result && (
        <Box data-testid="translation-result">
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="translation-label">
            {t('translation.label')}
          </Alert>
          <Typography component="p" lang={result.to} dir={direction} sx={{ whiteSpace: 'pre-wrap', fontSize: '1.25rem' }} data-testid="translation-text">
            {result.text}
          </Typography>
        </Box>
      )}
    </Paper>
  );
}
