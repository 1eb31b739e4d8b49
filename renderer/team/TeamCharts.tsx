import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { DrillDown, TeamView } from '../../shared/domain/team-measures';
import { FigurePanel } from './FigurePanel';
import type { FigureTableData } from './figure-table';
import { comparisonTable, interpretingTable, satisfactionTable, serviceName, serviceTable, weeksTable } from './team-figures';

const HEIGHT = 340;
// Every category named under its bar (slanted so long service names fit), rather than every
// other one the chart would otherwise leave out.
const categories = (data: string[]) => ({ scaleType: 'band' as const, data, tickLabelInterval: () => true, tickLabelStyle: { angle: -30, textAnchor: 'end' as const, fontSize: 12 }, height: 110 });
// Counts start at nought and leave room for five-figure numbers.
const valueAxis = (label: string) => ({ label, min: 0, width: 80 });
// Every chart here is a picture described in words, with its numbers in the table view beside
// it: keyboard and screen-reader users use the table, so the charts take no focus of their own.
// Two colours that differ in lightness as well as hue, so the bars stay apart in greyscale.
const NOW_COLOUR = '#1d4f91';
const BEFORE_COLOUR = '#9bb6d9';

/** Numbers of a table's column, for a chart's series (null stays a gap, never a zero). */
const column = (table: FigureTableData, index: number) => table.rows.map((row) => (typeof row[index] === 'number' ? row[index] : null));
const labels = (table: FigureTableData) => table.rows.map((row) => String(row[0]));

/** A description of a two-series chart in words, for the screen reader that meets the picture. */
function describe(table: FigureTableData): string {
  const [, first = '', second = ''] = table.columns;
  return `${table.title}. ${table.rows.map((row) => `${String(row[0])}: ${first} ${row[1] ?? '–'}, ${second} ${row[2] ?? '–'}`).join('; ')}.`;
}

export function TeamCharts({ view, names, onDrillDown }: { view: TeamView; names: { now: string; before: string }; onDrillDown: (drillDown: DrillDown, service: string | null, label: string) => void }) {
  const { t } = useTranslation();
  const comparison = comparisonTable(view, t, names);
  const satisfaction = satisfactionTable(view, t, names);
  const services = serviceTable(view, t, names.now);
  const weeks = weeksTable(view, t);
  const interpreting = interpretingTable(view, t, names.now);
  const twoSeries = (table: FigureTableData, unit: string) => (
    <BarChart
      disableKeyboardNavigation
      skipAnimation
      height={HEIGHT}
      xAxis={[categories(labels(table))]}
      yAxis={[valueAxis(unit)]}
      series={[
        { data: column(table, 1), label: table.columns[1], color: NOW_COLOUR },
        { data: column(table, 2), label: table.columns[2], color: BEFORE_COLOUR },
      ]}
    />
  );
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
      <FigurePanel testId="chart-comparison" table={comparison} summary={describe(comparison)} chart={twoSeries(comparison, t('team.axis.percent'))} />
      <FigurePanel testId="chart-satisfaction" table={satisfaction} summary={describe(satisfaction)} chart={twoSeries(satisfaction, t('team.axis.ratings'))} />
      <FigurePanel
        testId="chart-by-service"
        table={services}
        summary={describe({ ...services, columns: [services.columns[0] ?? '', services.columns[2] ?? '', services.columns[3] ?? ''], rows: services.rows.map((row) => [row[0] ?? '', row[2] ?? null, row[3] ?? null]) })}
        chart={
          <BarChart
            disableKeyboardNavigation
            skipAnimation
            height={HEIGHT}
            xAxis={[categories(labels(services))]}
            yAxis={[valueAxis(t('team.axis.percent'))]}
            series={[
              { data: column(services, 2), label: services.columns[2], color: NOW_COLOUR },
              { data: column(services, 3), label: services.columns[3], color: BEFORE_COLOUR },
            ]}
          />
        }
        action={{
          heading: t('team.column.contactsBehind'),
          cell: (index) => {
            const service = view.byService[index]?.service ?? null;
            const label = t('team.drill.serviceOnline', { service: serviceName(service, t) });
            return (
              <Button size="small" onClick={() => onDrillDown('could-be-online', service, label)}>
                {t('team.show')}
                <Box component="span" sx={visuallyHidden}>
                  {`: ${label}`}
                </Box>
              </Button>
            );
          },
        }}
      />
      <FigurePanel
        testId="chart-weeks"
        table={weeks}
        summary={describe({ ...weeks, columns: [weeks.columns[0] ?? '', weeks.columns[2] ?? '', weeks.columns[3] ?? ''], rows: weeks.rows.map((row) => [row[0] ?? '', row[2] ?? null, row[3] ?? null]) })}
        chart={
          <LineChart
            disableKeyboardNavigation
            skipAnimation
            height={HEIGHT}
            xAxis={[{ scaleType: 'point', data: labels(weeks) }]}
            yAxis={[valueAxis(t('team.axis.percent'))]}
            series={[
              // Straight lines between the weeks: a smoothed curve would show rises and dips that never happened.
              { data: column(weeks, 2), label: weeks.columns[2], color: NOW_COLOUR, curve: 'linear' },
              { data: column(weeks, 3), label: weeks.columns[3], color: '#8a4b08', curve: 'linear' },
            ]}
          />
        }
      />
      <FigurePanel
        testId="chart-interpreting"
        table={interpreting}
        summary={`${interpreting.title}. ${interpreting.rows.length === 0 ? t('team.noInterpreting') : interpreting.rows.map((row) => t('team.interpretingRow', { language: row[0], minutes: row[1] })).join('; ')}.`}
        chart={
          <BarChart
            disableKeyboardNavigation
            skipAnimation
            height={HEIGHT}
            xAxis={[categories(interpreting.rows.length === 0 ? [t('team.none')] : labels(interpreting))]}
            yAxis={[valueAxis(t('team.axis.minutes'))]}
            series={[{ data: interpreting.rows.length === 0 ? [0] : column(interpreting, 1), label: interpreting.columns[1], color: NOW_COLOUR }]}
          />
        }
      />
    </Box>
  );
}
