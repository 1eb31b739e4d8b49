import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { CaseHistory } from '../../shared/domain/case-history';
import type { CaseInView } from '../../shared/domain/resident-cases';
import { useBridge } from '../bridge/bridge-context';
import { Facts } from './Section';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/**
 * One case in full: what was reported, where, and everything since (contacts about it and
 * notes on it), newest first, read from the council's system. A case still waiting to send
 * from this computer has no history there yet, and the dialog says so.
 */
export function CaseHistoryDialog({ accessId, item, ownerName, onClose }: { accessId: string; item: CaseInView; ownerName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const notThereYet = item.sending !== null && item.sending !== 'sent';
  const [history, setHistory] = useState<CaseHistory | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (notThereYet) return;
    let live = true;
    void bridge.residents.caseHistory({ accessId, caseId: item.id }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setHistory(outcome.value);
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [accessId, bridge, item.id, notThereYet]);

  const detail = history?.case;
  return (
    <Dialog open onClose={onClose} aria-labelledby="case-history-title" maxWidth="md" fullWidth>
      <DialogTitle id="case-history-title" component="h2">
        {t('caseHistory.title', { reference: item.reference })}
      </DialogTitle>
      {/* Focusable, so a keyboard can scroll a long history. */}
      <DialogContent tabIndex={0} role="region" aria-labelledby="case-history-title">
        <Facts
          items={[
            [t('caseHistory.summary'), item.summary],
            [t('caseHistory.service'), t(`services.${item.service}`)],
            [t('caseHistory.category'), t(`caseCategories.${item.category}`)],
            [t('caseHistory.status'), item.status === 'open' ? t('caseHistory.open') : t('caseHistory.closed', { date: item.closedOn ? longDate(item.closedOn) : '' })],
            [t('caseHistory.received'), longDate(item.openedOn)],
            ...(item.dueOn ? ([[t('caseHistory.due'), longDate(item.dueOn)]] as [string, string][]) : []),
            [t('caseHistory.owner'), ownerName],
            ...(detail ? ([[t('caseHistory.description'), detail.description || t('resident.none')], [t('caseHistory.where'), [detail.location, detail.postcode].filter(Boolean).join(', ') || t('resident.none')]] as [string, string][]) : []),
          ]}
        />
        <Typography component="h3" variant="h6" sx={{ mt: 3, mb: 1 }}>
          {t('caseHistory.history')}
        </Typography>
        {notThereYet && <Alert severity="info">{t('caseHistory.waiting')}</Alert>}
        {problem && (
          <Alert severity="error" role="alert">
            {problem}
          </Alert>
        )}
        {!notThereYet && !history && !problem && <CircularProgress size="1.5rem" aria-label={t('caseHistory.loading')} />}
        {history && history.events.length === 0 && <Typography>{t('caseHistory.nothingYet')}</Typography>}
        {history && history.events.length > 0 && (
          <ol data-testid="case-history">
            {history.events.map((event) => (
              <li key={event.id}>
                <strong>{when(event.at)}</strong> · {event.kind === 'note' ? t('caseHistory.note') : t(`contactChannels.${event.channel ?? 'phone'}`)}
                {event.staffId && ` · ${history.staffNames[event.staffId] ?? event.staffId}`}
                <Typography component="span" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                  {event.summary}
                </Typography>
              </li>
            ))}
          </ol>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('caseHistory.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
