import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseForColleagues, ColleagueWithPresence } from '../../shared/contract/microsoft365';
import { useBridge } from '../bridge/bridge-context';
import { PresenceDot } from '../colleagues/PresenceDot';
import { caseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';
import { useSendTeamsNow } from './teams-sender-context';
import { writeTeamsMessage } from './teams-outbox';

/**
 * Ask one or more colleagues about a case: the service's own team first, anyone else by name.
 * The question is written to this computer before it is sent, so it is never lost.
 */
export function AskExpertDialog({ about, onClose }: { about: CaseForColleagues; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const sendNow = useSendTeamsNow();
  const [candidates, setCandidates] = useState<ColleagueWithPresence[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [query, setQuery] = useState('');
  const [problems, setProblems] = useState<{ colleagues?: string; note?: string; search?: string; save?: string }>({});

  // The experts of the case's service, with who is free now, when the service has a team.
  useEffect(() => {
    let live = true;
    void (async () => {
      const teams = await bridge.teams.serviceTeams({});
      const team = teams.ok ? teams.value.find((each) => each.service === about.service) : undefined;
      if (!team) return;
      const members = await bridge.teams.teamPresence({ teamId: team.teamId });
      if (live && members.ok) setCandidates((current) => merge(current, members.value));
    })();
    return () => {
      live = false;
    };
  }, [bridge, about.service]);

  const search = async () => {
    if (query.trim().length < 2) {
      setProblems((current) => ({ ...current, search: t('colleagues.search.tooShort') }));
      return;
    }
    const outcome = await bridge.teams.searchPeople({ query: query.trim() });
    if (outcome.ok) {
      setCandidates((current) => merge(current, outcome.value));
      setProblems((current) => ({ ...current, search: outcome.value.length === 0 ? t('colleagues.search.noResults') : undefined }));
    } else setProblems((current) => ({ ...current, search: outcome.error.message }));
  };

  const send = async () => {
    const found = { colleagues: chosen.length === 0 ? t('teams.ask.chooseSomeone') : undefined, note: note.trim() === '' ? t('teams.ask.noteMissing') : undefined };
    setProblems(found);
    if (found.colleagues || found.note) return;
    try {
      await writeTeamsMessage(caseDatabase(), { kind: 'ask', input: { messageId: newId(), writtenAt: nowIso(), case: about, note: note.trim(), colleagueIds: chosen.slice(0, 10) } });
    } catch (error) {
      setProblems({ save: error instanceof Error ? error.message : String(error) });
      return;
    }
    onClose();
    sendNow();
  };

  const toggle = (id: string, on: boolean) => setChosen((current) => (on ? [...current, id] : current.filter((each) => each !== id)));

  return (
    <Dialog open onClose={onClose} aria-labelledby="ask-expert-title" maxWidth="sm" fullWidth>
      <DialogTitle id="ask-expert-title" component="h2">
        {t('teams.ask.title')}
      </DialogTitle>
      <DialogContent>
        {problems.save && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problems.save}
          </Alert>
        )}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', mt: 1, mb: 2 }}>
          <TextField
            id="ask-expert-search"
            label={t('colleagues.search.label')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
            helperText={problems.search ?? t('colleagues.search.hint')}
            autoComplete="off"
            size="small"
          />
          <Button variant="outlined" onClick={() => void search()}>
            {t('colleagues.search.button')}
          </Button>
        </Box>
        <FormControl component="fieldset" error={problems.colleagues !== undefined} sx={{ mb: 2, display: 'block' }}>
          <FormLabel component="legend">{t('teams.ask.colleagues')}</FormLabel>
          {candidates.length === 0 && <Typography variant="body2">{t('teams.ask.noCandidates')}</Typography>}
          <FormGroup>
            {candidates.map((colleague) => (
              <FormControlLabel
                key={colleague.id}
                control={<Checkbox checked={chosen.includes(colleague.id)} onChange={(event) => toggle(colleague.id, event.target.checked)} />}
                label={
                  <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 1 }}>
                    <span data-testid="colleague-name">{colleague.displayName}</span>
                    <PresenceDot availability={colleague.presence.availability} activity={colleague.presence.activity} />
                  </Box>
                }
              />
            ))}
          </FormGroup>
          {problems.colleagues && <FormHelperText>{problems.colleagues}</FormHelperText>}
        </FormControl>
        <TextField id="ask-expert-note" label={t('teams.ask.note')} value={note} onChange={(event) => setNote(event.target.value)} required multiline minRows={3} fullWidth error={problems.note !== undefined} helperText={problems.note ?? t('teams.ask.noteHint')} slotProps={{ htmlInput: { maxLength: 2000 } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('teams.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()}>
          {t('teams.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Adds the people not listed yet, keeping the order they were found in. */
function merge(current: ColleagueWithPresence[], more: ColleagueWithPresence[]): ColleagueWithPresence[] {
  const known = new Set(current.map((each) => each.id));
  return [...current, ...more.filter((each) => !known.has(each.id))];
}
