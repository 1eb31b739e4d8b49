import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { longDate, type AddressAnswer, type EvidenceItem } from '../../shared/call-scripts/answers';
import { spokenDate } from '../../shared/domain/spoken-date';
import type { AnswerInput } from '../../shared/call-scripts/schema';

/** What the agent has entered so far, before it is checked: kept as typed, never cleared. */
export type Draft = string | boolean | Partial<AddressAnswer> | EvidenceItem[] | undefined;

/** What number keys choose: the options in order, or yes (1) and no (2). */
export function numberKeyChoices(input: AnswerInput): (string | boolean)[] | null {
  if (input.kind === 'choice') return input.options.map((option) => option.value);
  if (input.kind === 'yes-no') return [true, false];
  return null;
}

/** One control per kind of answer, each described by the question on screen (#runner-say). */
export function AnswerField({ input, value, error, today, onChange }: { input: AnswerInput; value: Draft; error: string | null; today: string; onChange: (value: Draft) => void }) {
  const { t } = useTranslation();
  const described = error ? { 'aria-invalid': true, 'aria-describedby': 'answer-error' } : {};
  switch (input.kind) {
    case 'choice':
    case 'yes-no': {
      const options = input.kind === 'choice' ? input.options.map((option) => ({ value: option.value, label: option.label })) : [{ value: 'yes', label: t('runner.yes') }, { value: 'no', label: t('runner.no') }];
      const selected = typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'string' ? value : '';
      return (
        <FormControl error={Boolean(error)}>
          <FormLabel id="answer-label" sx={{ mb: 1 }}>
            {t('runner.chooseHint')}
          </FormLabel>
          <RadioGroup aria-labelledby="answer-label runner-say" value={selected} onChange={(event) => onChange(input.kind === 'yes-no' ? event.target.value === 'yes' : event.target.value)} {...described}>
            {options.map((option, index) => (
              <FormControlLabel
                key={option.value}
                value={option.value}
                control={<Radio />}
                label={
                  <span>
                    <kbd>{index + 1}</kbd> {option.label}
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
      );
    }
    case 'address': {
      const address = (value as Partial<AddressAnswer> | undefined) ?? {};
      return (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField label={t('runner.addressLine1')} value={address.line1 ?? ''} onChange={(event) => onChange({ ...address, line1: event.target.value })} sx={{ flex: '2 1 16rem' }} slotProps={{ htmlInput: { autoComplete: 'off', ...described } }} />
          <TextField label={t('runner.postcode')} value={address.postcode ?? ''} onChange={(event) => onChange({ ...address, postcode: event.target.value })} sx={{ flex: '1 1 8rem' }} slotProps={{ htmlInput: { autoComplete: 'off', ...described } }} />
        </Box>
      );
    }
    case 'evidence': {
      const items = Array.isArray(value) ? value : [];
      const accept = input.accept.map((kind) => (kind === 'photo' ? 'image/*' : 'application/pdf')).join(',');
      return (
        <Box>
          <label htmlFor="evidence-files">
            <Typography component="span" sx={{ display: 'block', mb: 1 }}>
              {t('runner.evidenceLabel')}
            </Typography>
          </label>
          <input id="evidence-files" type="file" multiple accept={accept} onChange={(event) => onChange([...(event.target.files ?? [])].map((file) => ({ name: file.name, type: file.type, size: file.size })))} {...described} />
          {items.length > 0 && <Typography sx={{ mt: 1 }}>{t('runner.evidenceChosen', { names: items.map((item) => item.name).join(', ') })}</Typography>}
        </Box>
      );
    }
    case 'date': {
      // A text box, never the browser's date field: dates are typed as the caller says them,
      // day first, whatever the computer's locale, and read back so the agent can check.
      const typed = typeof value === 'string' ? value : '';
      const understood = typed.trim() ? spokenDate(typed, { today }) : null;
      return (
        <TextField
          label={t('runner.dateAnswer')}
          value={typed}
          onChange={(event) => onChange(event.target.value)}
          helperText={typed.trim() ? (understood ? t('runner.dateReadAs', { date: longDate(understood) }) : t('runner.dateNotRead')) : t('runner.dateHint')}
          fullWidth
          autoComplete="off"
          slotProps={{ htmlInput: { ...described, inputMode: 'text', 'aria-describedby': error ? 'answer-error runner-say answer-date-help' : 'runner-say answer-date-help' }, formHelperText: { id: 'answer-date-help', 'aria-live': 'polite' } as object }}
        />
      );
    }
    default: {
      const kindProps = input.kind === 'number' ? { inputMode: 'decimal' as const } : { maxLength: input.kind === 'text' ? input.maxLength : undefined };
      return (
        <TextField
          label={t('runner.answer')}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          multiline={input.kind === 'text' && input.multiline}
          minRows={input.kind === 'text' && input.multiline ? 3 : undefined}
          fullWidth
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { ...kindProps, ...described, 'aria-describedby': error ? 'answer-error runner-say' : 'runner-say' } }}
        />
      );
    }
  }
}
