import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the control to go to. */
  target: string;
  text: string;
}

/**
 * "There is a problem", as GOV.UK does it: the list of what to fix, each a link to its field.
 * It takes focus after a failed submit so a screen reader reads it straight away.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: FieldError[] }>(function ErrorSummary({ errors }, ref) {
  const { t } = useTranslation();
  const goTo = (target: string) => {
    const element = document.getElementById(target);
    element?.focus();
    element?.scrollIntoView?.({ block: 'center' });
  };
  return (
    <Box ref={ref} tabIndex={-1} role="alert" aria-labelledby="case-error-summary-title" data-testid="error-summary" sx={{ border: 4, borderColor: 'error.main', p: 2, mb: 3, '&:focus-visible': { outline: '3px solid', outlineColor: 'warning.main', outlineOffset: 2 } }}>
      <Typography id="case-error-summary-title" component="h2" variant="h6" sx={{ fontWeight: 700 }}>
        {t('caseForm.problemTitle')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {errors.map((error) => (
          <li key={error.target}>
            <Link
              href={`#${error.target}`}
              color="error"
              sx={{ fontWeight: 600 }}
              onClick={(event) => {
                event.preventDefault();
                goTo(error.target);
              }}
            >
              {error.text}
            </Link>
          </li>
        ))}
      </Box>
    </Box>
  );
});
