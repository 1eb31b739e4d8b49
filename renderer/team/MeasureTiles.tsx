import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DrillDown } from '../../shared/domain/team-measures';
import type { Measure } from './team-figures';

/** The council's measures, each with the period before beside it and the contacts behind it one click away. */
export function MeasureTiles({ measures, beforeName, onDrillDown }: { measures: Measure[]; beforeName: string; onDrillDown: (drillDown: DrillDown, service: string | null, label: string) => void }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))' }} data-testid="team-measures">
      {measures.map((measure) => (
        <Paper component="li" variant="outlined" key={measure.id} sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid={`measure-${measure.id}`}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
            {measure.label}
          </Typography>
          <Typography sx={{ fontSize: '1.75rem', fontWeight: 700, lineHeight: 1.2 }} data-testid="now">
            {measure.now}
          </Typography>
          <Typography variant="body2">{measure.basis}</Typography>
          <Typography variant="body2" data-testid="before">
            {t('team.beforeWas', { period: beforeName, value: measure.before })}
          </Typography>
          {measure.drillDown && (
            <Button size="small" sx={{ alignSelf: 'flex-start', mt: 'auto' }} onClick={() => measure.drillDown && onDrillDown(measure.drillDown, null, t(`team.drill.${measure.drillDown}`))}>
              {t('team.showContacts')}
              <Box component="span" sx={visuallyHidden}>
                {`: ${t(`team.drill.${measure.drillDown}`)}`}
              </Box>
            </Button>
          )}
        </Paper>
      ))}
    </Box>
  );
}
