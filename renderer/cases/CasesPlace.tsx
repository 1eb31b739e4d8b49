import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import { caseDatabase } from '../storage/case-database';
import type { StandardsClock } from '../scripts/use-standards';
import { useStandards } from '../scripts/use-standards';

/**
 * Cases raised on this computer, soonest due first, each against its service standard from
 * the one working-day clock. (Sending them on to Dataverse comes with the sync service.)
 */
export function CasesPlace() {
  const { t } = useTranslation();
  const clock = useStandards();
  const drafts = useLiveQuery(() => caseDatabase().caseDrafts.orderBy('dueOn').toArray(), []);
  if (!drafts || !clock) return <Typography>{t('cases.loading')}</Typography>;
  if (drafts.length === 0) return <Typography sx={{ maxWidth: '50rem' }}>{t('cases.empty')}</Typography>;
  return (
    <Table size="small" aria-label={t('cases.tableLabel')}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">{t('cases.summary')}</TableCell>
          <TableCell component="th" scope="col">{t('cases.standard')}</TableCell>
          <TableCell component="th" scope="col">{t('cases.due')}</TableCell>
          <TableCell component="th" scope="col">{t('cases.state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {drafts.map((draft) => (
          <TableRow key={draft.id}>
            <TableCell>{draft.summary}</TableCell>
            <TableCell>{clock.find(draft.serviceStandard)?.name ?? draft.serviceStandard}</TableCell>
            <TableCell>{longDate(draft.dueOn)}</TableCell>
            <TableCell>{statusText(clock, draft.dueOn, t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function statusText(clock: StandardsClock, dueOn: string, t: (key: string, values?: Record<string, unknown>) => string): string {
  const status = clock.status(dueOn);
  return t(`cases.status.${status.status}`, { count: status.workingDaysLeft ?? status.daysOverdue });
}
