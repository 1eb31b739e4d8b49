import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

const LONDON = 'Europe/London';

/** "14:02" and "Thursday 26 November", as the council's clocks show them. */
export function savedAtWords(savedAt: string): { time: string; date: string } {
  const when = new Date(savedAt);
  return {
    time: when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: LONDON }),
    date: when.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: LONDON }),
  };
}

/** Says, at the top of the record, that it is this computer's copy and may be out of date. */
export function SnapshotBanner({ savedAt }: { savedAt: string }) {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" sx={{ mb: 2 }} role="status" data-testid="snapshot-banner">
      {t('resident.snapshot.banner', savedAtWords(savedAt))}
    </Alert>
  );
}

/** Contact history is not in the copy, and paging it needs the back office. */
export function SnapshotTimeline() {
  const { t } = useTranslation();
  return (
    <Section id="timeline" title={t('resident.timeline')}>
      <span data-testid="snapshot-timeline">{t('resident.snapshot.timeline')}</span>
    </Section>
  );
}
