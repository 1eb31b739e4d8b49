import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

export interface WindowText {
  day: string;
  from: string;
  to: string;
}

/** The day and the times of a call back's window, on London's clock: the same three fields wherever a window is chosen. */
export function WindowFields({ value, onChange, problems }: { value: WindowText; onChange: (next: WindowText) => void; problems: { from?: string; to?: string } }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 1 }}>
      <TextField id="callback-day" type="date" label={t('callbacks.day')} value={value.day} onChange={(event) => onChange({ ...value, day: event.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
      {(['from', 'to'] as const).map((name) => (
        <TextField
          key={name}
          id={`callback-${name}`}
          type="time"
          label={t(`callbacks.${name}`)}
          value={value[name]}
          onChange={(event) => onChange({ ...value, [name]: event.target.value })}
          error={problems[name] !== undefined}
          helperText={problems[name]}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      ))}
    </Box>
  );
}
