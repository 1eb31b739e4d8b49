import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateInLondon } from '../../shared/service-standards';
import type { IncomingCall } from '../app/Workstation';
import { useSession } from '../app/session-context';
import { useBridge } from '../bridge/bridge-context';
import { ResultList } from './ResultList';
import { useOpenResident } from './resident-context';
import { useResidentSearch, type DirectoryStatus } from './use-resident-search';

function DirectoryLine({ status }: { status: DirectoryStatus }) {
  const { t } = useTranslation();
  if (status.state === 'unavailable') return <Alert severity="error">{t('search.unavailable', { message: status.message })}</Alert>;
  if (status.state === 'ready')
    return status.offlineSince ? (
      <Alert severity="warning">{t('search.offline', { when: new Date(status.offlineSince).toLocaleString('en-GB') })}</Alert>
    ) : (
      <Typography variant="body2">{t('search.ready', { count: status.size, formatted: status.size.toLocaleString('en-GB') })}</Typography>
    );
  const percent = status.total > 0 ? Math.round((100 * status.done) / status.total) : 0;
  return (
    <Box>
      <Typography variant="body2">{t(status.state === 'syncing' ? 'search.syncing' : 'search.indexing', { percent })}</Typography>
      <LinearProgress variant={status.total > 0 ? 'determinate' : 'indeterminate'} value={percent} aria-label={t('search.progressLabel')} />
    </Box>
  );
}

/**
 * Find the resident as they say who they are: any mix of name, date of birth, postcode,
 * phone, email, reference or address. A screen-pop arrives here with the caller's number.
 */
export function SearchPlace({ incomingCall, onOpened, onScreenPopUsed }: { incomingCall: IncomingCall | null; onOpened: () => void; onScreenPopUsed: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useSession();
  const { directory, results, search } = useResidentSearch();
  const resident = useOpenResident();
  const [query, setQuery] = useState(incomingCall?.callerNumber ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const today = isoDateInLondon(new Date());

  // Run the box's query whenever the index becomes ready (the screen-pop's number included).
  useEffect(() => {
    if (directory.state === 'ready') search(query);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the index changes state
  }, [directory.state, search]);

  // A screen-pop whose number belongs to exactly one resident opens them straight away,
  // once: coming back to Search later must not open them again.
  useEffect(() => {
    const caller = incomingCall?.callerNumber;
    const only = results.hits.length === 1 ? results.hits[0] : undefined;
    if (!caller || !incomingCall.autoOpen || results.query !== caller || !only?.matched.includes('phone')) return;
    onScreenPopUsed();
    void resident.open(only.entry.residentId, 'call').then((opened) => opened && onOpened());
  }, [incomingCall, results, resident, onOpened, onScreenPopUsed]);

  const openResident = async (residentId: string) => {
    if (await resident.open(residentId, incomingCall ? 'call' : 'case-work')) onOpened();
  };
  const openLatest = useRef(openResident);
  useEffect(() => {
    openLatest.current = openResident;
  });
  // Stable, so the memoised result list does not redraw on every keystroke.
  const openResultById = useCallback((residentId: string) => void openLatest.current(residentId), []);
  const simulate = async () => {
    const outcome = await bridge.training.simulateCall({});
    setProblem(outcome.ok ? null : outcome.error.message);
  };

  return (
    <Box sx={{ maxWidth: '60rem' }}>
      {incomingCall && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="incoming-call">
          {incomingCall.callerNumber ? t('search.callerNumber', { number: incomingCall.callerNumber }) : t('search.withheld')}
          {incomingCall.queue && ` · ${t('search.queue', { queue: incomingCall.queue })}`}
          {incomingCall.waitedSeconds !== null && ` · ${t('search.waited', { seconds: incomingCall.waitedSeconds })}`}
        </Alert>
      )}
      <TextField
        label={t('search.label')}
        helperText={t('search.help')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          search(event.target.value);
        }}
        onKeyDown={(event) => {
          const first = results.hits[0];
          if (event.key === 'Enter' && first) void openResident(first.entry.residentId);
        }}
        fullWidth
        autoComplete="off"
        slotProps={{ htmlInput: { 'aria-controls': 'resident-results', spellCheck: false } }}
      />
      <Box sx={{ my: 1 }}>
        <DirectoryLine status={directory} />
      </Box>
      {results.problem && <Typography role="status">{results.problem}</Typography>}
      {resident.error && <Alert severity="error">{resident.error.message}</Alert>}
      <Typography role="status" variant="body2" sx={{ position: 'absolute', left: '-10000px' }}>
        {query.trim() ? t('search.found', { count: results.hits.length }) : ''}
      </Typography>
      <ResultList hits={results.hits} query={results.query} today={today} label={t('search.resultsLabel')} onOpen={openResultById} />
      {session.mode === 'training' && (
        <Box sx={{ mt: 3 }}>
          <Typography sx={{ mb: 1 }}>{t('search.simulateHelp')}</Typography>
          <Button variant="outlined" onClick={() => void simulate()}>
            {t('search.simulateCall')}
          </Button>
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {problem}
            </Alert>
          )}
        </Box>
      )}
    </Box>
  );
}
