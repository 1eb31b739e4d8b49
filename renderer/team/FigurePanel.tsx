import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, type FigureTableData } from './figure-table';

/**
 * A table of figures in a box that scrolls sideways by keyboard when zoomed, with its CSV
 * export. `action` adds a last column (a drill-down button) that the export leaves out.
 */
export function FigureTable({ table, action, testId }: { table: FigureTableData; action?: { heading: string; cell: (index: number) => ReactNode }; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Box tabIndex={0} role="group" aria-label={t('team.scrollTable', { title: table.title })} sx={{ overflowX: 'auto', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}>
        <Table size="small" data-testid={testId} sx={{ '& td, & th': { verticalAlign: 'top' } }}>
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
            <Box component="span" sx={visuallyHidden}>
              {table.title}
            </Box>
          </caption>
          <TableHead>
            <TableRow>
              {table.columns.map((column) => (
                <TableCell key={column} component="th" scope="col">
                  {column}
                </TableCell>
              ))}
              {action && (
                <TableCell component="th" scope="col">
                  {action.heading}
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((row, index) => (
              <TableRow key={`${String(row[0])}-${index}`}>
                {row.map((value, column) =>
                  column === 0 ? (
                    <TableCell key={column} component="th" scope="row">
                      {value ?? t('team.none')}
                    </TableCell>
                  ) : (
                    <TableCell key={column}>{value ?? t('team.none')}</TableCell>
                  ),
                )}
                {action && <TableCell>{action.cell(index)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Button size="small" sx={{ mt: 1 }} onClick={() => downloadCsv(table)}>
        {t('team.exportCsv', { title: table.title })}
      </Button>
    </>
  );
}

/**
 * A chart and the same figures as a table, one at a time: the table is there for screen
 * readers, keyboard users and anyone who wants the numbers, and it exports as CSV.
 */
export function FigurePanel({ table, chart, summary, action, testId }: { table: FigureTableData; chart: ReactNode; summary: string; action?: { heading: string; cell: (index: number) => ReactNode }; testId: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }} data-testid={testId}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography id={headingId} component="h3" variant="h6">
          {table.title}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={view} onChange={(_event, next: 'chart' | 'table' | null) => next && setView(next)} aria-label={t('team.showAs', { title: table.title })}>
          <ToggleButton value="chart">{t('team.chart')}</ToggleButton>
          <ToggleButton value="table">{t('team.table')}</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {view === 'chart' ? (
        // The picture is described in words; its numbers are in the table view.
        <Box role="img" aria-label={summary} sx={{ width: '100%', overflow: 'hidden' }}>
          <Box aria-hidden>{chart}</Box>
        </Box>
      ) : (
        <FigureTable table={table} action={action} testId={`${testId}-table`} />
      )}
    </Paper>
  );
}
