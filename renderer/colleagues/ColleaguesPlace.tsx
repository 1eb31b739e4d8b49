import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Colleague, ColleagueWithPresence, Presence, ServiceTeam } from '../../shared/contract/microsoft365';
import { useAccount } from '../account/account-context';
import { SignInButton } from '../account/SignInButton';
import { useBridge } from '../bridge/bridge-context';
import { PresenceDot } from './PresenceDot';
import { useEvery } from './use-every';

/** How often a team's presence is asked for again while the place is open. */
export const TEAM_PRESENCE_INTERVAL_MS = 30_000;

const clockTime = (date: Date) => date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * One person: name, job, and presence in a dot and words when it is known. A tenant that gives
 * CivicDesk only the basic profile (User.ReadBasic.All) gives no job titles: that is said
 * plainly, not as a fault.
 */
export function ColleagueLine({ colleague, presence }: { colleague: Colleague; presence: Presence | null }) {
  const { t } = useTranslation();
  return (
    <Box component="li" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'baseline', py: 0.5 }}>
      <Typography component="span" sx={{ fontWeight: 700 }}>
        {colleague.displayName}
      </Typography>
      <Typography component="span" variant="body2" sx={colleague.jobTitle ? undefined : { fontStyle: 'italic' }}>
        {colleague.jobTitle ? colleague.jobTitle : t('colleagues.jobTitleNotShared')}
      </Typography>
      {presence && <PresenceDot availability={presence.availability} activity={presence.activity} />}
    </Box>
  );
}

/** The service teams: choose one to see who is in it and who is free now. */
function ServiceTeams() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [teams, setTeams] = useState<ServiceTeam[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [teamId, setTeamId] = useState('');
  const [members, setMembers] = useState<ColleagueWithPresence[] | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  useEffect(() => {
    let live = true;
    void bridge.teams.serviceTeams({}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setTeams(outcome.value);
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const load = useCallback(
    (id: string) =>
      bridge.teams.teamPresence({ teamId: id }).then((outcome) => {
        if (outcome.ok) {
          setMembers(outcome.value);
          setUpdatedAt(new Date());
          setProblem(null);
        } else setProblem(outcome.error.message);
      }),
    [bridge],
  );

  useEffect(() => {
    if (teamId) void load(teamId);
  }, [teamId, load]);
  useEvery(() => load(teamId), TEAM_PRESENCE_INTERVAL_MS, teamId !== '');

  const team = teams?.find((each) => each.teamId === teamId) ?? null;
  return (
    <Box component="section" aria-labelledby="service-teams-heading" sx={{ mb: 4 }}>
      <Typography id="service-teams-heading" component="h2" variant="h6" gutterBottom>
        {t('colleagues.teams.heading')}
      </Typography>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {teams && teams.length === 0 && <Typography>{t('colleagues.teams.none')}</Typography>}
      {teams && teams.length > 0 && (
        <TextField select label={t('colleagues.teams.choose')} value={teamId} onChange={(event) => {
            // Another team's members are not shown under this one's name, even for a moment.
            setMembers(null);
            setTeamId(event.target.value);
          }} slotProps={{ select: { native: true } }} sx={{ minWidth: '18rem', mb: 2 }}>
          <option value="">{t('colleagues.teams.chooseOne')}</option>
          {teams.map((each) => (
            <option key={each.teamId} value={each.teamId}>
              {each.name}
            </option>
          ))}
        </TextField>
      )}
      {team && members && (
        <>
          {members.length === 0 ? (
            <Typography>{t('colleagues.teams.noMembers')}</Typography>
          ) : (
            <Box component="ul" aria-label={t('colleagues.teams.membersOf', { team: team.name })} sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {members.map((member) => (
                <ColleagueLine key={member.id} colleague={member} presence={member.presence} />
              ))}
            </Box>
          )}
          {updatedAt && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {t('colleagues.teams.updated', { time: clockTime(updatedAt) })}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

/** Find anyone in the council's directory, with their presence. */
function PeopleSearch() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [results, setResults] = useState<ColleagueWithPresence[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length < 2) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    const outcome = await bridge.teams.searchPeople({ query: query.trim() });
    if (outcome.ok) {
      setResults(outcome.value);
      setProblem(null);
    } else setProblem(outcome.error.message);
  };

  return (
    <Box component="section" aria-labelledby="people-search-heading" sx={{ mb: 4 }}>
      <Typography id="people-search-heading" component="h2" variant="h6" gutterBottom>
        {t('colleagues.search.heading')}
      </Typography>
      <Box component="form" role="search" onSubmit={(event) => void search(event)} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', mb: 2 }}>
        <TextField id="colleague-search" label={t('colleagues.search.label')} value={query} onChange={(event) => setQuery(event.target.value)} error={tooShort} helperText={tooShort ? t('colleagues.search.tooShort') : t('colleagues.search.hint')} autoComplete="off" />
        <Button type="submit" variant="contained" sx={{ mt: 1 }}>
          {t('colleagues.search.button')}
        </Button>
      </Box>
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      <div role="status">{results && results.length === 0 && <Typography>{t('colleagues.search.noResults')}</Typography>}</div>
      {results && results.length > 0 && (
        <Box component="ul" aria-label={t('colleagues.search.results')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {results.map((colleague) => (
            <ColleagueLine key={colleague.id} colleague={colleague} presence={colleague.presence} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Colleagues in Microsoft Teams: who is free to help now, by service team or by name. */
export function ColleaguesPlace() {
  const { t } = useTranslation();
  const account = useAccount();
  if (account.status?.signedIn !== true) {
    return (
      <Box sx={{ maxWidth: '50rem' }}>
        <Typography sx={{ mb: 2 }}>{t('colleagues.signedOut')}</Typography>
        <SignInButton />
      </Box>
    );
  }
  return (
    <Box sx={{ maxWidth: '60rem' }}>
      <PeopleSearch />
      <ServiceTeams />
    </Box>
  );
}
