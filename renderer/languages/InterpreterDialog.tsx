import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterpreterGender, InterpreterLine, InterpreterSession } from '../../shared/languages/interpreting';
import { useBridge } from '../bridge/bridge-context';
import { useContact, useContactIfAny } from '../contact/contact-context';
import { newId, nowIso } from '../storage/ids';
import { useLanguageTable } from './use-language-table';

const GENDERS: readonly InterpreterGender[] = ['no-preference', 'female', 'male'];

/** Sign languages need the video line; everything else the telephone line. */
export function isSignLanguage(code: string, region: string | null): boolean {
  return code.toLowerCase() === 'bfi' || region === 'sign-languages';
}

/** The line to call for a language: video for sign languages, telephone otherwise. */
export function lineFor(lines: readonly InterpreterLine[], signLanguage: boolean): InterpreterLine | null {
  const wanted = signLanguage ? 'video' : 'telephone';
  return lines.find((line) => line.kind === wanted) ?? null;
}

/**
 * "Get an interpreter": the supplier's number, the council's access code and department, and
 * the supplier's own name for the language; then the interpreter's ID, when they joined and
 * left, and any gender preference, recorded on the contact in hand (a face-to-face contact is
 * started for it when there is none).
 */
export function InterpreterDialog({ open, onClose, language, residentId }: { open: boolean; onClose: () => void; language: string; residentId: string | null }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const contact = useContact();
  const languages = useLanguageTable();
  const [lines, setLines] = useState<InterpreterLine[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState(newId);
  const [gender, setGender] = useState<InterpreterGender>('no-preference');
  const [interpreterId, setInterpreterId] = useState('');
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const [endedAt, setEndedAt] = useState<string | null>(null);
  const [idError, setIdError] = useState(false);

  useEffect(() => {
    if (!open || lines) return;
    let live = true;
    void bridge.languages.interpreterLines({}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setLines(outcome.value);
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [bridge, open, lines]);

  const entry = languages.entryOf(language);
  const signLanguage = isSignLanguage(language, entry?.region ?? null);
  const line = lines ? lineFor(lines, signLanguage) : null;
  const supplierName = line ? entry?.supplierNames[line.supplierId] : undefined;
  const languageName = supplierName ?? entry?.englishName ?? language;

  const save = async (changes: Partial<InterpreterSession>) => {
    if (!line) return;
    if (!contact.current) await contact.startVisit(residentId);
    const session: InterpreterSession = {
      id: sessionId,
      language,
      supplierLanguageName: languageName,
      supplierId: line.supplierId,
      genderPreference: gender,
      interpreterId: interpreterId.trim(),
      startedAt: startedAt ?? nowIso(),
      endedAt,
      ...changes,
    };
    await contact.recordInterpreter(session);
  };

  const joined = async () => {
    const at = nowIso();
    setStartedAt(at);
    await save({ startedAt: at });
  };

  const left = async () => {
    if (interpreterId.trim() === '') {
      setIdError(true);
      return;
    }
    const at = nowIso();
    setEndedAt(at);
    await save({ endedAt: at });
  };

  const close = () => {
    // The next interpreter is a new session; this one stays on the contact.
    if (endedAt) {
      setSessionId(newId());
      setStartedAt(null);
      setEndedAt(null);
      setInterpreterId('');
      setGender('no-preference');
    }
    onClose();
  };

  const minutes = startedAt && endedAt ? Math.max(1, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000)) : null;

  return (
    <Dialog open={open} onClose={close} aria-labelledby="interpreter-title" fullWidth maxWidth="sm">
      <DialogTitle id="interpreter-title">{t('interpreter.title')}</DialogTitle>
      <DialogContent>
        {problem && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        {lines && !line && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="interpreter-no-line">
            {t(signLanguage ? 'interpreter.noVideoLine' : 'interpreter.noLine')}
          </Alert>
        )}
        {line && (
          <Box component="dl" data-testid="interpreter-line" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, mb: 2 }}>
            <dt>{t('interpreter.supplier')}</dt>
            <dd style={{ margin: 0 }}>{line.supplierName}</dd>
            <dt>{t(line.kind === 'video' ? 'interpreter.videoNumber' : 'interpreter.number')}</dt>
            <dd style={{ margin: 0 }} data-testid="interpreter-number">
              {line.phone}
            </dd>
            <dt>{t('interpreter.accessCode')}</dt>
            <dd style={{ margin: 0 }} data-testid="interpreter-access-code">
              {line.accessCode}
            </dd>
            <dt>{t('interpreter.department')}</dt>
            <dd style={{ margin: 0 }}>{line.department}</dd>
            <dt>{t('interpreter.askFor')}</dt>
            <dd style={{ margin: 0 }} data-testid="interpreter-language">
              {languageName}
            </dd>
          </Box>
        )}
        {line && !supplierName && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="interpreter-name-note">
            {entry ? t('interpreter.noSupplierName', { code: language }) : t('interpreter.tableMissing', { code: language })}
          </Typography>
        )}
        {!contact.current && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('interpreter.noContact')}
          </Alert>
        )}
        <FormControl sx={{ mb: 2 }}>
          <FormLabel id="interpreter-gender">{t('interpreter.gender')}</FormLabel>
          <RadioGroup row aria-labelledby="interpreter-gender" value={gender} onChange={(event) => setGender(event.target.value as InterpreterGender)}>
            {GENDERS.map((each) => (
              <FormControlLabel key={each} value={each} control={<Radio />} label={t(`interpreter.genders.${each}`)} disabled={startedAt !== null} />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField
          fullWidth
          label={t('interpreter.interpreterId')}
          value={interpreterId}
          onChange={(event) => {
            setInterpreterId(event.target.value);
            setIdError(false);
          }}
          onBlur={() => void (startedAt && !endedAt && save({}))}
          error={idError}
          helperText={idError ? t('interpreter.idNeeded') : t('interpreter.idHint')}
          disabled={endedAt !== null}
          sx={{ mb: 2 }}
        />
        {startedAt && (
          <Typography role="status" data-testid="interpreter-status">
            {minutes === null ? t('interpreter.inProgress') : t('interpreter.recorded', { count: minutes })}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" disabled={!line || startedAt !== null} onClick={() => void joined()}>
          {t('interpreter.joined')}
        </Button>
        <Button variant="contained" disabled={!startedAt || endedAt !== null} onClick={() => void left()}>
          {t('interpreter.left')}
        </Button>
        <Button onClick={close}>{t('interpreter.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The button that opens the dialog, for the 360 view and the case form. */
export function GetInterpreterButton({ language, residentId }: { language: string; residentId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Recording needs a contact to record on: no button where the view is shown without one.
  if (!useContactIfAny()) return null;
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {t('interpreter.get')}
      </Button>
      <InterpreterDialog open={open} onClose={() => setOpen(false)} language={language} residentId={residentId} />
    </>
  );
}
