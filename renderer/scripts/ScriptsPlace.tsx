import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallScript } from '../../shared/call-scripts/schema';
import type { CallError } from '../../shared/contract/outcome';
import { useBridge } from '../bridge/bridge-context';
import { BesideResident } from '../contact/BesideResident';
import { useContact } from '../contact/contact-context';
import { useSession } from '../session/session-context';
import { findScripts } from './find-scripts';
import { ScriptRunner } from './ScriptRunner';
import { useStandards } from './use-standards';

/**
 * Find a script by what the resident says ("missed bin", "no heating"), then run it, beside
 * the resident's summary. A call from a queue offers that queue's services' scripts first, and
 * a script part-way through on this contact is picked up where it was left.
 */
export function ScriptsPlace({ agentName }: { agentName: string }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const clock = useStandards();
  const contact = useContact();
  const { queueServices } = useSession();
  const [scripts, setScripts] = useState<CallScript[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [query, setQuery] = useState('');
  const [resume] = useState(() => contact.scriptInProgress());
  const [chosen, setChosen] = useState<CallScript | null>(null);
  // Enter pressed before the scripts arrived: start the best match as soon as they do.
  const [startWhenLoaded, setStartWhenLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge.scripts.list({}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setScripts(outcome.value.scripts);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const queue = contact.current?.queue ?? null;
  const suggestedServices = useMemo(() => (queue ? (queueServices[queue] ?? []) : []), [queue, queueServices]);
  const found = useMemo(() => findScripts(scripts ?? [], query, suggestedServices), [scripts, query, suggestedServices]);
  const resumed = resume && !chosen ? (scripts?.find((each) => each.id === resume.scriptId && each.version === resume.state.version) ?? null) : null;
  const running = chosen ?? resumed ?? (startWhenLoaded && scripts ? (found[0] ?? null) : null);
  const close = () => {
    contact.rememberScript(null);
    setChosen(null);
    setStartWhenLoaded(false);
  };

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (running && clock) {
    return (
      <BesideResident>
        <ScriptRunner key={running.id} script={running} clock={clock} agentName={agentName} resume={running === resumed ? resume : null} onClose={close} />
      </BesideResident>
    );
  }
  const suggested = found.filter((script) => suggestedServices.includes(script.service));
  const others = found.filter((script) => !suggestedServices.includes(script.service));
  const item = (script: CallScript) => (
    <li key={script.id}>
      <ListItemButton onClick={() => setChosen(script)} disabled={!clock}>
        <ListItemText primary={script.title} secondary={script.triggers.slice(0, 4).join(', ')} />
      </ListItemButton>
    </li>
  );
  return (
    <BesideResident>
      <Box sx={{ maxWidth: '50rem' }}>
        <Typography sx={{ mb: 2 }}>{t('scripts.intro')}</Typography>
        <TextField
          label={t('scripts.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            if (scripts === null) setStartWhenLoaded(true);
            else if (found[0]) setChosen(found[0]);
          }}
          helperText={suggested.length > 0 ? t('scripts.enterStartsSuggested', { title: suggested[0]?.title }) : ' '}
          fullWidth
          slotProps={{ htmlInput: { 'aria-controls': 'script-results', autoComplete: 'off' } }}
        />
        <Typography role="status" variant="body2" sx={{ mt: 1 }}>
          {scripts === null ? t('scripts.loading') : t('scripts.found', { count: found.length })}
        </Typography>
        <Box id="script-results">
          {suggested.length > 0 && (
            <>
              <Typography component="h2" variant="h6" sx={{ mt: 2 }} id="scripts-suggested">
                {t('scripts.suggestedFor', { queue })}
              </Typography>
              <List aria-labelledby="scripts-suggested" data-testid="scripts-suggested">
                {suggested.map(item)}
              </List>
            </>
          )}
          {suggested.length > 0 && others.length > 0 && (
            <Typography component="h2" variant="h6" sx={{ mt: 2 }} id="scripts-others">
              {t('scripts.otherScripts')}
            </Typography>
          )}
          <List aria-labelledby={suggested.length > 0 ? 'scripts-others' : undefined} aria-label={suggested.length > 0 ? undefined : t('scripts.resultsLabel')}>
            {others.map(item)}
          </List>
        </Box>
      </Box>
    </BesideResident>
  );
}
