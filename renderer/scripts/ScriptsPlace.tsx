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
import { findScripts } from './find-scripts';
import { ScriptRunner } from './ScriptRunner';
import { useStandards } from './use-standards';

/** Find a script by what the resident says ("missed bin", "no heating"), then run it. */
export function ScriptsPlace({ agentName }: { agentName: string }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const clock = useStandards();
  const [scripts, setScripts] = useState<CallScript[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [query, setQuery] = useState('');
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

  const found = useMemo(() => findScripts(scripts ?? [], query), [scripts, query]);
  const running = chosen ?? (startWhenLoaded && scripts ? (found[0] ?? null) : null);
  const close = () => {
    setChosen(null);
    setStartWhenLoaded(false);
  };

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (running && clock) return <ScriptRunner key={running.id} script={running} clock={clock} agentName={agentName} onClose={close} />;
  return (
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
        fullWidth
        slotProps={{ htmlInput: { 'aria-controls': 'script-results', autoComplete: 'off' } }}
      />
      <Typography role="status" variant="body2" sx={{ mt: 1 }}>
        {scripts === null ? t('scripts.loading') : t('scripts.found', { count: found.length })}
      </Typography>
      <List id="script-results" aria-label={t('scripts.resultsLabel')}>
        {found.map((script) => (
          <li key={script.id}>
            <ListItemButton onClick={() => setChosen(script)} disabled={!clock}>
              <ListItemText primary={script.title} secondary={script.triggers.slice(0, 4).join(', ')} />
            </ListItemButton>
          </li>
        ))}
      </List>
    </Box>
  );
}
