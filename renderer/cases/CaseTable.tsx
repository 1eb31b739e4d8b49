import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { StandardsClock } from '../scripts/use-standards';

/** What every list of cases shows, whether it is a draft or on its way to the back office. */
export interface CaseRow {
  id: string;
  summary: string;
  residentId: string | null;
  residentName: string | null;
  anonymous: boolean;
  serviceStandard: string;
  dueOn: string;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** On track, due soon or overdue, from the one working-day clock. */
export function statusText(clock: StandardsClock, dueOn: string, t: Translate): string {
  const status = clock.status(dueOn);
  return t(`cases.status.${status.status}`, { count: status.workingDaysLeft ?? status.daysOverdue });
}

/**
 * One section's cases as a table, with a column of its own (actions, the reference, the
 * problem). It scrolls sideways inside its own box when zoomed, and that box can be scrolled
 * by keyboard.
 */
export function CaseTable({ rows, clock, extraHeading, extra, empty, testId }: { rows: CaseRow[]; clock: StandardsClock; extraHeading: string; extra: (row: CaseRow) => ReactNode; empty: string; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography sx={{ maxWidth: '50rem', py: 2 }}>{empty}</Typography>;
  return (
    // A focusable scroll box, so people who cannot use a mouse can still scroll a wide table.
    <Box tabIndex={0} role="group" aria-label={t('cases.scrollLabel')} sx={{ overflowX: 'auto', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}>
      <Table size="small" aria-label={t('cases.tableLabel')} data-testid={testId} sx={{ minWidth: '40rem', '& td, & th': { verticalAlign: 'top' } }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('cases.summary')}</TableCell>
            <TableCell component="th" scope="col">{t('cases.resident')}</TableCell>
            <TableCell component="th" scope="col">{t('cases.standard')}</TableCell>
            <TableCell component="th" scope="col">{t('cases.due')}</TableCell>
            <TableCell component="th" scope="col">{t('cases.state')}</TableCell>
            <TableCell component="th" scope="col">{extraHeading}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid={`case-${row.id}`}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.summary || t('cases.noSummary')}</TableCell>
              <TableCell>{row.anonymous ? t('cases.anonymous') : (row.residentName ?? (row.residentId ? t('cases.residentNotNamed') : t('cases.noResidentYet')))}</TableCell>
              <TableCell>{row.serviceStandard ? (clock.find(row.serviceStandard)?.name ?? row.serviceStandard) : t('cases.noStandardYet')}</TableCell>
              <TableCell>{row.serviceStandard ? longDate(row.dueOn) : t('cases.noDueDateYet')}</TableCell>
              <TableCell>{row.serviceStandard ? statusText(clock, row.dueOn, t) : t('cases.noDueDateYet')}</TableCell>
              <TableCell>{extra(row)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
