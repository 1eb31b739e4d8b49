import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateInLondon } from '../../shared/service-standards';
import { useBridge } from '../bridge/bridge-context';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { useSession } from '../session/session-context';
import { ResultList } from './ResultList';
import { useOnlineHits } from './use-online-search';
import { ROWS_SHOWN, useResidentSearch, type DirectoryStatus } from './use-resident-search';

// The parts of the place a keystroke does not change are memoised: each keystroke draws only
// the box, the count and the results, so its results reach the screen in the frame it was typed in.
const DirectoryLine = memo(function DirectoryLine({ status }: { status: DirectoryStatus }) {
  const { t } = useTranslation();
  if (status.state === 'unavailable') return <Alert severity="error">{t('search.unavailable', { message: status.message })}</Alert>;
  if (status.state === 'ready')
    return status.offlineSince ? (
      <Alert severity="warning">{t('search.offline', { when: new Date(status.offlineSince).toLocaleString('en-GB') })}</Alert>
    ) : (
      <Typography variant="body2">{t('search.ready', { count: status.size, formatted: status.size.toLocaleString('en-GB') })}</Typography>
    );
  // Part of the directory is searchable already: say how much, and how long the rest will be.
  if (status.state === 'partial') {
    const percent = status.total > 0 ? Math.min(100, Math.round((100 * status.searchable) / status.total)) : 0;
    const counts = { searchable: status.searchable.toLocaleString('en-GB'), total: status.total.toLocaleString('en-GB'), seconds: status.secondsLeft ?? 0 };
    return (
      <Box>
        <Typography variant="body2">{t(status.secondsLeft === null ? 'search.partialFinishing' : 'search.partial', counts)}</Typography>
        <LinearProgress variant="determinate" value={percent} aria-label={t('search.partialLabel')} />
      </Box>
    );
  }
  const percent = status.total > 0 ? Math.round((100 * status.done) / status.total) : 0;
  return (
    <Box>
      <Typography variant="body2">{t(status.state === 'syncing' ? 'search.syncing' : 'search.indexing', { percent })}</Typography>
      <LinearProgress variant={status.total > 0 ? 'determinate' : 'indeterminate'} value={percent} aria-label={t('search.progressLabel')} />
    </Box>
  );
});

/** Read by screen readers, not shown. */
const OFF_SCREEN = { position: 'absolute', left: '-10000px' } as const;
const PLACE_WIDTH = { maxWidth: '60rem' } as const;
const LINE_GAP = { margin: '0.5rem 0' } as const;
/**
 * While there is text in the box, the results keep room for a full page of rows (a row is about
 * 5.4rem; 6 leaves some over for a line that wraps), whether they show "Type at least 2", a few rows
 * or none. A keystroke then leaves the work area's content the same height: nothing beside or
 * under the results moves, and the work area does not switch between scrolling and not. In a
 * trace of bench:search, each such switch had Chromium draw the whole work area again (1366 x 813
 * CSS pixels, 6-10 ms in software) rather than the rows (972 x 640, 3-5 ms).
 */
const KEEPS_ROOM = { minHeight: `${ROWS_SHOWN * 6}rem` } as const;

/**
 * The search box, drawn when the place opens and when a call fills it, not at every keystroke:
 * it keeps what is typed itself and tells the place. A keystroke that missed the first frame
 * spent most of its time in script (the trace of bench:search: 9.8 ms of about 20), and MUI's
 * text field, redrawn for each key, was the biggest part of it. Its label always sits on the
 * outline, as a box filled by a call must never have its label over the number.
 */
const SearchBox = memo(function SearchBox({ fill, onText, onEnter }: { fill: { text: string }; onText: (text: string) => void; onEnter: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // What the place puts in the box (its text on coming back, a caller's number) goes in as it is.
  useLayoutEffect(() => {
    if (input.current && input.current.value !== fill.text) input.current.value = fill.text;
  }, [fill]);
  return (
    <TextField
      label={t('search.label')}
      helperText={t('search.help')}
      defaultValue={fill.text}
      inputRef={input}
      onChange={(event) => onText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onEnter();
      }}
      fullWidth
      autoComplete="off"
      slotProps={{ inputLabel: { shrink: true }, input: { notched: true }, htmlInput: { 'aria-controls': 'resident-results', spellCheck: false } }}
    />
  );
});

/** Training only: a call from a synthetic resident, to practise a screen-pop. */
const SimulateCall = memo(function SimulateCall() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { setCallerCard } = useContact();
  const [problem, setProblem] = useState<string | null>(null);
  const simulate = async () => {
    const outcome = await bridge.training.simulateCall({});
    setProblem(outcome.ok ? null : outcome.error.message);
    if (outcome.ok) setCallerCard(outcome.value.card);
  };
  return (
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
  );
});

/**
 * Find the resident as they say who they are: any mix of name, date of birth, postcode,
 * phone, email, reference or address. A screen-pop arrives here with the caller's number.
 * What is typed belongs to the contact in hand: it is there again on coming back, and gone
 * when the contact ends.
 */
export function SearchPlace() {
  const { t } = useTranslation();
  const session = useSession();
  const navigation = useNavigation();
  const { directory, version, results, search } = useResidentSearch();
  const contact = useContact();
  const { screenPop, current: call, screenPopUsed } = contact;
  const popNumber = screenPop?.autoOpen ? screenPop.callerNumber : null;
  const [query, setQuery] = useState(() => contact.searchText() || (popNumber ?? ''));
  // The text the box is given from here (not what is typed into it): a new object each time, so the same number twice fills it twice.
  const [fill, setFill] = useState(() => ({ text: query }));
  // H3: while this computer's copy of the directory is incomplete, the council's system is asked
  // too, and the residents it finds that the copy lacks are shown after the local ones, marked;
  // until the text is searched again in the whole copy (Results.fromWholeCopy).
  const shown = useOnlineHits(results, query, !results.fromWholeCopy && directory.state !== 'unavailable');
  // A call that arrives while this place is open fills the box with its number.
  const [seenPop, setSeenPop] = useState(popNumber);
  if (popNumber !== seenPop) {
    setSeenPop(popNumber);
    if (popNumber) {
      setQuery(popNumber);
      setFill({ text: popNumber });
    }
  }
  // Ages are worked out against today; once per visit to the place, not on every keystroke.
  const [today] = useState(() => isoDateInLondon(new Date()));
  // The resident's record opens in the Resident place, unless the officer has moved on
  // elsewhere while it was opening (a screen-pop must not pull them back).
  const here = useRef(false);
  useEffect(() => {
    here.current = true;
    return () => {
      here.current = false;
    };
  }, []);
  const onOpened = useCallback(() => {
    if (here.current) navigation?.goTo('resident');
  }, [navigation]);

  // Run the box's query again whenever more becomes searchable, when the whole copy is, and when a screen-pop fills it.
  const copyWhole = directory.state === 'ready';
  useEffect(() => {
    if (version > 0) search(query);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the index changes or a call fills the box
  }, [version, copyWhole, search, seenPop]);

  // A screen-pop whose number belongs to exactly one resident opens them straight away,
  // once: coming back to Search later must not open them again.
  const { openResident: open } = contact;
  useEffect(() => {
    const caller = screenPop?.callerNumber;
    const only = results.hits.length === 1 ? results.hits[0] : undefined;
    if (!caller || !screenPop.autoOpen || results.query !== caller || !only?.matched.includes('phone')) return;
    screenPopUsed();
    void open(only.entry.residentId, 'call').then((opened) => opened && onOpened());
  }, [screenPop, results, open, onOpened, screenPopUsed]);

  const openResident = async (residentId: string) => {
    if (await open(residentId, call?.channel === 'phone' ? 'call' : 'case-work')) onOpened();
  };
  const openLatest = useRef(openResident);
  useEffect(() => {
    openLatest.current = openResident;
  });
  // Stable, so the memoised result list does not redraw on every keystroke.
  const openResultById = useCallback((residentId: string) => void openLatest.current(residentId), []);
  // Stable too, for the memoised box: Enter opens the first resident shown as the key is pressed.
  const firstShown = useRef<string | null>(null);
  useEffect(() => {
    firstShown.current = shown[0]?.entry.residentId ?? null;
  });
  const { rememberSearchText } = contact;
  const onText = useCallback(
    (text: string) => {
      setQuery(text);
      rememberSearchText(text);
      search(text);
    },
    [rememberSearchText, search],
  );
  const onEnter = useCallback(() => {
    if (firstShown.current) void openLatest.current(firstShown.current);
  }, []);
  return (
    <div style={PLACE_WIDTH}>
      {call?.channel === 'phone' && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="incoming-call">
          {call.callerNumber ? t('search.callerNumber', { number: call.callerNumber }) : t('search.withheld')}
          {call.queue && ` · ${t('search.queue', { queue: call.queue })}`}
          {call.waitedSeconds !== null && ` · ${t('search.waited', { seconds: call.waitedSeconds })}`}
        </Alert>
      )}
      <SearchBox fill={fill} onText={onText} onEnter={onEnter} />
      <div style={LINE_GAP}>
        <DirectoryLine status={directory} />
      </div>
      {contact.error && <Alert severity="error">{contact.error.message}</Alert>}
      {/* Redrawn at every keystroke, so a plain element: a styled one costs its styles each time. */}
      <p role="status" style={OFF_SCREEN}>
        {query.trim() ? (results.matching > results.hits.length ? t(results.atLeast ? 'search.shownOfMore' : 'search.shownOf', { count: results.hits.length, total: results.matching.toLocaleString('en-GB') }) : t('search.found', { count: shown.length })) : ''}
      </p>
      <div style={query.trim() === '' ? undefined : KEEPS_ROOM}>
        {results.problem && <Typography role="status">{results.problem}</Typography>}
        <ResultList hits={shown} query={results.query} today={today} label={t('search.resultsLabel')} shows={session.identityPolicy.results} onOpen={openResultById} />
      </div>
      {session.mode === 'training' && <SimulateCall />}
    </div>
  );
}
