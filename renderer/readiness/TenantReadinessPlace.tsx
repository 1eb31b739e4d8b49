import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessCheck, TenantReadiness } from '../../shared/contract/tenant-readiness';
import { useBridge } from '../bridge/bridge-context';

const MARK: Record<string, string> = { true: '✓', false: '✗', unknown: '?' };
const STATE: Record<string, string> = { true: 'passed', false: 'failed', unknown: 'notChecked' };

/**
 * Tenant readiness, for an administrator signed in as a team leader: the checks of
 * `npm run tenant:check` (sign-in, consent, Dataverse tables and privileges, Teams, Bookings),
 * made as the officer signed in now, each with what to do when it fails. It is run on request,
 * not on opening: it asks Microsoft for a token per permission.
 */
export function TenantReadinessPlace() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<TenantReadiness | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = () => {
    setRunning(true);
    setProblem(null);
    void bridge.tenant.readiness({}).then((outcome) => {
      setRunning(false);
      if (outcome.ok) setResult(outcome.value);
      else setProblem(outcome.error.message);
    });
  };

  const failedCount = result?.checks.filter((check) => check.ok !== true).length ?? 0;
  return (
    <Box sx={{ maxWidth: '60rem' }}>
      <Typography sx={{ mb: 2 }}>{t('readiness.intro')}</Typography>
      <Button variant="contained" onClick={run} disabled={running}>
        {result ? t('readiness.runAgain') : t('readiness.run')}
      </Button>
      <Box role="status" aria-live="polite" sx={{ my: 2 }}>
        {running && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <CircularProgress size="1.25rem" aria-hidden />
            <span>{t('readiness.running')}</span>
          </Box>
        )}
        {!running && result && (
          <Alert severity={result.ready ? 'success' : 'warning'}>
            {result.ready ? t('readiness.ready', { count: result.checks.length }) : t('readiness.notReady', { count: failedCount, total: result.checks.length })}
            {result.tenant === 'training' ? ` ${t('readiness.trainingTenant')}` : ''}
          </Alert>
        )}
      </Box>
      {problem && <Alert severity="error">{problem}</Alert>}
      {result && (
        <Box component="ul" aria-label={t('readiness.listLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {/* What failed first: an administrator works down the list of fixes. */}
          {[...result.checks].sort((a, b) => rank(a) - rank(b)).map((check) => (
            <CheckItem key={check.id} check={check} />
          ))}
        </Box>
      )}
    </Box>
  );
}

const rank = (check: ReadinessCheck) => (check.ok === false ? 0 : check.ok === 'unknown' ? 1 : 2);

function CheckItem({ check }: { check: ReadinessCheck }) {
  const { t } = useTranslation();
  const state = STATE[String(check.ok)] ?? 'notChecked';
  return (
    <Box component="li" sx={{ borderBottom: 1, borderColor: 'divider', py: 1.5 }}>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 700 }}>
        <span aria-hidden>{MARK[String(check.ok)]} </span>
        {check.title}: {t(`readiness.${state}`)}
      </Typography>
      <Typography>{check.detail}</Typography>
      {check.ok !== true && check.fix && (
        <Typography>
          <strong>{t('readiness.fix')}</strong> {check.fix}
        </Typography>
      )}
    </Box>
  );
}
