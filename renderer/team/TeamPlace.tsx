import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamChoices } from '../../shared/contract/team';
import { TEAM_PERIOD_KINDS, type DrillDown, type OfficerNow, type TeamContact, type TeamPeriodKind, type TeamScope, type TeamView } from '../../shared/domain/team-measures';
import { isoDateInLondon } from '../../shared/service-standards';
import { useBridge } from '../bridge/bridge-context';
import { QualityReviewDialog } from '../quality/QualityReviewDialog';
import { useSession } from '../session/session-context';
import { DrillDownDialog, type ContactList } from './DrillDownDialog';
import { MeasureTiles } from './MeasureTiles';
import { OfficersNow } from './OfficersNow';
import { TeamCharts } from './TeamCharts';
import { measuresOf, periodName } from './team-figures';

/** Today's figures and the team now are read again this often, as the floor changes. */
const REFRESH_MS = 60_000;

/**
 * What each team leader last looked at, so the place opens where they left it (a month's view
 * stays a month's view while they take a call). Kept in memory only, and only what was chosen.
 */
const lastChosen = new Map<string, { scope: TeamScope; kind: TeamPeriodKind; day: string }>();

const scopeValue = (scope: TeamScope) => (scope.kind === 'centre' ? 'centre' : scope.kind === 'team' ? `team:${scope.team}` : scope.kind === 'queue' ? `queue:${scope.queue}` : `officer:${scope.staffId}`);
function scopeFrom(value: string): TeamScope {
  const [kind, ...rest] = value.split(':');
  const name = rest.join(':');
  if (kind === 'team') return { kind: 'team', team: name };
  if (kind === 'queue') return { kind: 'queue', queue: name };
  if (kind === 'officer') return { kind: 'officer', staffId: name };
  return { kind: 'centre' };
}

/**
 * The Team place, for team leaders: the council's measures for a team, a queue or an officer,
 * for today (read again every minute) or a chosen day, week or month, beside the period before;
 * charts with their tables; the team now; and the contacts behind any figure, to review.
 */
export function TeamPlace() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useSession();
  const me = session.user?.id ?? null;
  const [choices, setChoices] = useState<TeamChoices | null>(null);
  const remembered = me ? lastChosen.get(me) : undefined;
  const [scope, setScope] = useState<TeamScope | null>(remembered?.scope ?? null);
  const [kind, setKind] = useState<TeamPeriodKind>(remembered?.kind ?? 'today');
  // Today is always today, whenever the place was last open.
  const [day, setDay] = useState(() => (remembered && remembered.kind !== 'today' ? remembered.day : isoDateInLondon(new Date())));
  useEffect(() => {
    if (me && scope) lastChosen.set(me, { scope, kind, day });
  }, [me, scope, kind, day]);
  const [view, setView] = useState<TeamView | null>(null);
  const [officers, setOfficers] = useState<OfficerNow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [officersProblem, setOfficersProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [list, setList] = useState<ContactList | null>(null);
  const [reviewing, setReviewing] = useState<TeamContact | null>(null);

  useEffect(() => {
    let live = true;
    void bridge.team.choices({}).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setProblem(outcome.error.message);
      setChoices(outcome.value);
      // A team leader starts on their own team.
      setScope((chosen) => chosen ?? (outcome.value.myTeam ? { kind: 'team', team: outcome.value.myTeam } : { kind: 'centre' }));
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const period = useMemo(() => ({ kind, day }), [kind, day]);
  const load = useCallback(async () => {
    if (!scope) return;
    setLoading(true);
    const [figures, now] = await Promise.all([bridge.team.view({ scope, period }), scope.kind === 'team' ? bridge.team.officersNow({ team: scope.team }) : Promise.resolve(null)]);
    setLoading(false);
    if (figures.ok) {
      setView(figures.value);
      setProblem(null);
    } else setProblem(figures.error.message);
    if (now === null) setOfficers(null);
    else if (now.ok) {
      setOfficers(now.value);
      setOfficersProblem(null);
    } else setOfficersProblem(now.error.message);
  }, [bridge, scope, period]);

  // Read now (from a task, so the effect itself changes no state) and, while today or the team now is shown, every minute.
  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const timer = kind === 'today' || scope?.kind === 'team' ? setInterval(() => void load(), REFRESH_MS) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load, kind, scope]);

  const names = view && { now: periodName(view.kind, view.current, t, true), before: periodName(view.kind === 'today' ? 'day' : view.kind, view.previous, t, false) };
  const drillDown = (what: DrillDown, service: string | null, label: string) => {
    if (!scope || !names) return;
    setList({ title: t('team.drillTitle', { what: label, period: names.now }), empty: t('team.noContacts'), load: () => bridge.team.contacts({ scope, period, drillDown: what, service }) });
  };
  const sample = (officer: OfficerNow) => {
    const month = day.slice(0, 7);
    setList({ title: t('quality.sampleTitle', { name: officer.name, month: periodName('month', { from: `${month}-01`, to: `${month}-01` }, t, false) }), empty: t('quality.sampleEmpty'), load: () => bridge.quality.sample({ staffId: officer.staffId, month }) });
  };

  if (!choices && problem) return <Alert severity="error">{problem}</Alert>;
  if (!choices || !scope) return <CircularProgress size="1.5rem" aria-label={t('team.loading')} />;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box component="form" aria-label={t('team.controls')} onSubmit={(event) => (event.preventDefault(), void load())} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <TextField
          select
          label={t('team.scope')}
          value={scopeValue(scope)}
          onChange={(event) => setScope(scopeFrom(event.target.value))}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: '16rem' }}
          data-testid="team-scope"
        >
          <option value="centre">{t('team.allTeams')}</option>
          <optgroup label={t('team.teams')}>
            {choices.teams.map((team) => (
              <option key={team} value={`team:${team}`}>
                {team}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('team.queues')}>
            {choices.queues.map((queue) => (
              <option key={queue} value={`queue:${queue}`}>
                {queue}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('team.officers')}>
            {choices.officers.map((officer) => (
              <option key={officer.staffId} value={`officer:${officer.staffId}`}>
                {t('team.officerOption', { name: officer.name, team: officer.team })}
              </option>
            ))}
          </optgroup>
        </TextField>
        <ToggleButtonGroup exclusive value={kind} onChange={(_event, next: TeamPeriodKind | null) => next && setKind(next)} aria-label={t('team.periodLabel')} size="small">
          {TEAM_PERIOD_KINDS.map((each) => (
            <ToggleButton key={each} value={each}>
              {t(`team.period.${each}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {kind !== 'today' && (
          <TextField type="date" label={t('team.dayInPeriod')} value={day} onChange={(event) => event.target.value && setDay(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        )}
        <Button type="submit" variant="outlined" disabled={loading}>
          {t('team.refresh')}
        </Button>
        {view && (
          <Typography variant="body2" data-testid="team-refreshed">
            {t('team.refreshedAt', { time: new Date(view.refreshedAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' }) })}
          </Typography>
        )}
      </Box>
      {problem && <Alert severity="error">{problem}</Alert>}
      {loading && !view && <CircularProgress size="1.5rem" aria-label={t('team.loading')} />}
      {view && names && (
        <>
          <section aria-labelledby="team-measures-title">
            <Typography id="team-measures-title" component="h2" variant="h5" gutterBottom>
              {t('team.measuresTitle', { period: names.now })}
            </Typography>
            <Typography sx={{ mb: 1 }}>{t('team.trueResolutionNote', { days: view.trueResolutionDays })}</Typography>
            <MeasureTiles measures={measuresOf(view, t)} beforeName={names.before} onDrillDown={drillDown} />
          </section>
          {scope.kind === 'team' && <OfficersNow team={scope.team} officers={officers} problem={officersProblem} me={me} onSample={sample} />}
          <section aria-labelledby="team-charts-title">
            <Typography id="team-charts-title" component="h2" variant="h5" gutterBottom>
              {t('team.chartsTitle')}
            </Typography>
            <TeamCharts view={view} names={names} onDrillDown={drillDown} />
          </section>
        </>
      )}
      {list && <DrillDownDialog list={list} canReview={(contact) => contact.staffId !== me} onReview={setReviewing} onClose={() => setList(null)} />}
      {reviewing && <QualityReviewDialog contact={reviewing} onClose={() => setReviewing(null)} />}
    </Box>
  );
}
