import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { ResidentSummary } from '../residents/ResidentSummary';
import { identifiedResident, useContact } from './contact-context';

/**
 * Work for the contact (a script, the case form) beside the resident it is about, once their
 * identity check has passed: side by side on a 1366-pixel screen, the summary below when
 * zoomed or narrow. Nothing beside it before the check: the record is not here yet.
 */
export function BesideResident({ children }: { children: ReactNode }) {
  const resident = identifiedResident(useContact());
  if (!resident?.record) return <>{children}</>;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(16rem, 24rem)' }, alignItems: 'start' }} data-testid="beside-resident">
      <Box sx={{ minWidth: 0 }}>{children}</Box>
      <ResidentSummary view={resident} />
    </Box>
  );
}
