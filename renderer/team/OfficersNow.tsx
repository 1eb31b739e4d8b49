import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { OfficerNow } from '../../shared/domain/team-measures';
import { FigureTable } from './FigurePanel';
import type { FigureTableData } from './figure-table';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * The team now: each officer's open contact (from the contacts they have in progress), the state
 * they last recorded ("On a break since 10:42"), and their Teams presence where this computer is signed in to Microsoft 365. Refreshed with the figures.
 */
export function OfficersNow({ team, officers, problem, me, onSample }: { team: string; officers: OfficerNow[] | null; problem: string | null; me: string | null; onSample: (officer: OfficerNow) => void }) {
  const { t } = useTranslation();
  const table: FigureTableData | null = officers && {
    title: t('team.now.title', { team }),
    columns: [t('team.column.officer'), t('team.column.doingNow'), t('team.column.state'), t('team.column.presence'), t('team.column.contactsToday')],
    rows: officers.map((officer) => [
      officer.name,
      officer.since ? t(`team.now.${officer.activity}`, { since: clock.format(new Date(officer.since)) }) : t(`team.now.${officer.activity}`),
      officer.recordedState ? t('team.now.stateSince', { state: t(`agentState.state.${officer.recordedState.state}`), since: clock.format(new Date(officer.recordedState.since)) }) : t('team.now.stateNotRecorded'),
      officer.presence ? t(`presence.availability.${officer.presence}`) : t('team.now.presenceNotSignedIn'),
      officer.contactsToday,
    ]),
  };
  const counts = officers && {
    call: officers.filter((officer) => officer.activity === 'on-a-call' || officer.activity === 'with-a-visitor' || officer.activity === 'handling-an-email').length,
    wrap: officers.filter((officer) => officer.activity === 'wrapping-up').length,
    free: officers.filter((officer) => officer.activity === 'no-open-contact').length,
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="officers-now-title" sx={{ p: 2 }} data-testid="officers-now">
      <Typography id="officers-now-title" component="h2" variant="h5" gutterBottom>
        {t('team.now.title', { team })}
      </Typography>
      {problem && <Alert severity="error">{problem}</Alert>}
      {counts && <Typography sx={{ mb: 1 }}>{t('team.now.summary', counts)}</Typography>}
      {table && officers && officers.length === 0 && <Typography>{t('team.now.nobody')}</Typography>}
      {table && officers && officers.length > 0 && (
        <FigureTable
          table={table}
          testId="officers-now-table"
          action={{
            heading: t('team.column.quality'),
            cell: (index) => {
              const officer = officers[index];
              // Nobody reviews their own contacts (main refuses it too).
              return officer && officer.staffId !== me ? (
                <Button size="small" onClick={() => onSample(officer)}>
                  {t('quality.sampleFor', { name: officer.name })}
                </Button>
              ) : null;
            },
          }}
        />
      )}
    </Paper>
  );
}
