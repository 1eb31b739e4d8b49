import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_PREFERENCES, type ContactPreference } from '../../shared/domain/case-draft';
import { CASE_TEXT_LIMITS } from '../../shared/domain/case-validation';
import { visuallyHidden } from '@mui/utils';
import { roomInRecord } from './case-text-lengths';
import type { EditableCaseFields } from '../sync/case-store';

type DetailField = keyof EditableCaseFields;

export interface CaseDetailFieldsProps {
  values: EditableCaseFields;
  /** Anonymous reports have nobody to hear back: no contact preference to choose. */
  anonymous: boolean;
  /** Whether the type of case needs a place (a missed bin does; a council tax query does not). */
  placeNeeded: boolean;
  /** The message for a field's problem, or null. */
  problemFor(field: DetailField): string | null;
  /** Prefix of each field's id, so the error summary's links can reach them: 'case', 'edit-case'. */
  idPrefix: string;
  onChange(patch: Partial<EditableCaseFields>, event: SyntheticEvent): void;
  /** How many characters the council's case record holds for the description, when known: beyond it the rest goes into a note. */
  descriptionHolds?: number | null;
}

/**
 * The case's own details, as the case form and the "change a sent case" dialog both ask for
 * them: one set of labels, hints and problem messages, so the two can never disagree.
 */
export function CaseDetailFields({ values, anonymous, placeNeeded, problemFor, idPrefix, onChange, descriptionHolds = null }: CaseDetailFieldsProps) {
  const { t } = useTranslation();
  const id = (field: DetailField) => `${idPrefix}-${field}`;
  const contactError = problemFor('contactPreference');
  const room = descriptionHolds === null ? null : roomInRecord(values.description, descriptionHolds);
  const number = (value: number) => value.toLocaleString('en-GB');
  const roomWords =
    room === null
      ? ''
      : room.intoNote > 0
        ? t('caseForm.descriptionIntoNote', { count: room.intoNote, over: number(room.intoNote), holds: number(descriptionHolds ?? 0) })
        : t('caseForm.descriptionRoom', { count: room.left, left: number(room.left) });
  return (
    <>
      <TextField
        id={id('summary')}
        name="summary"
        label={t('caseForm.summary')}
        value={values.summary}
        onChange={(event) => onChange({ summary: event.target.value }, event)}
        error={problemFor('summary') !== null}
        helperText={problemFor('summary') ?? t('caseForm.summaryHint', { count: CASE_TEXT_LIMITS.summary - values.summary.length })}
        fullWidth
        autoComplete="off"
        sx={{ mt: 1, mb: 2 }}
      />
      <TextField
        id={id('description')}
        name="description"
        label={t('caseForm.description')}
        value={values.description}
        onChange={(event) => onChange({ description: event.target.value }, event)}
        error={problemFor('description') !== null}
        helperText={problemFor('description') ?? (roomWords ? `${t('caseForm.descriptionHint')} ${roomWords}` : t('caseForm.descriptionHint'))}
        fullWidth
        multiline
        minRows={4}
        sx={{ mb: 2 }}
      />
      {/* Said once, when the text first goes past the record's length, not at every keystroke (the count is in the hint). */}
      <Box aria-live="polite" sx={visuallyHidden} data-testid="description-into-note">
        {room !== null && room.intoNote > 0 ? t('caseForm.descriptionIntoNoteNow') : ''}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '3fr 1fr' }, gap: 2, mb: 2 }}>
        <TextField
          id={id('location')}
          name="location"
          label={placeNeeded ? t('caseForm.location') : t('caseForm.locationOptional')}
          value={values.location}
          onChange={(event) => onChange({ location: event.target.value }, event)}
          error={problemFor('location') !== null}
          helperText={problemFor('location') ?? t('caseForm.locationHint')}
          autoComplete="off"
        />
        <TextField
          id={id('postcode')}
          name="postcode"
          label={t('caseForm.postcode')}
          value={values.postcode}
          onChange={(event) => onChange({ postcode: event.target.value }, event)}
          error={problemFor('postcode') !== null}
          helperText={problemFor('postcode')}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
        />
      </Box>
      {!anonymous && (
        <FormControl error={contactError !== null} sx={{ display: 'block', mb: 2 }}>
          <FormLabel id={`${idPrefix}-contact-label`}>{t('caseForm.contactPreference')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby={`${idPrefix}-contact-label`}
            aria-describedby={contactError ? `${idPrefix}-contact-error` : undefined}
            name="contactPreference"
            value={values.contactPreference}
            onChange={(event) => onChange({ contactPreference: event.target.value as ContactPreference }, event)}
          >
            {CONTACT_PREFERENCES.map((preference, index) => (
              <FormControlLabel
                key={preference}
                value={preference}
                control={<Radio id={index === 0 ? id('contactPreference') : undefined} slotProps={{ input: { 'aria-invalid': contactError !== null } }} />}
                label={t(`caseForm.contactPreferences.${preference}`)}
              />
            ))}
          </RadioGroup>
          {contactError && <FormHelperText id={`${idPrefix}-contact-error`}>{contactError}</FormHelperText>}
        </FormControl>
      )}
    </>
  );
}
