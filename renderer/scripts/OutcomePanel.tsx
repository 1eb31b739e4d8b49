import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import { variableLookup, type RunState, type ScriptContext } from '../../shared/call-scripts/engine';
import { interpolate } from '../../shared/call-scripts/interpolate';
import type { CallScript, ScriptOutcome } from '../../shared/call-scripts/schema';
import type { CaseDraft } from '../../shared/domain/case-draft';
import { useCaseNavigation } from '../cases/case-navigation';
import { SendLinkButton } from '../messages/SendLinkButton';

function OnlineRoute({ title, url }: { title: string; url: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ mt: 2 }} data-testid="online-route">
      <Typography sx={{ fontWeight: 600 }}>{t('outcome.offerOnline')}</Typography>
      <Typography>
        {title}: <span style={{ wordBreak: 'break-all' }}>{url}</span>
      </Typography>
      <SendLinkButton service={title} link={url} />
    </Box>
  );
}

/** Where the script ended, said plainly, with what the agent does next. */
export function OutcomePanel({ outcome, script, state, context, caseDraft }: { outcome: ScriptOutcome; script: CallScript; state: RunState; context: ScriptContext; caseDraft: CaseDraft | null }) {
  const { t } = useTranslation();
  const navigation = useCaseNavigation();
  const fill = (text: string) => interpolate(text, variableLookup(script, state, context, outcome));
  switch (outcome.kind) {
    case 'emergency':
      return (
        <Alert severity="error" role="alert" data-testid="outcome-emergency" icon={false}>
          <AlertTitle component="h3" sx={{ fontSize: '1.25rem' }}>
            {t('outcome.emergency', { reason: fill(outcome.reason) })}
          </AlertTitle>
          <Typography sx={{ fontWeight: 600 }}>{t('outcome.emergencyStop')}</Typography>
          <ol>
            {outcome.steps.map((step) => (
              <li key={step}>{fill(step)}</li>
            ))}
          </ol>
          {outcome.phone && <Typography sx={{ fontWeight: 700 }}>{t('outcome.call', { phone: outcome.phone })}</Typography>}
        </Alert>
      );
    case 'create-case':
      return (
        <Alert severity="success" data-testid="outcome-case" icon={false}>
          <AlertTitle component="h3">{t('outcome.caseDrafted')}</AlertTitle>
          <Typography>{fill(outcome.summary)}</Typography>
          {caseDraft && (
            <dl style={{ margin: '0.5rem 0 0' }}>
              <dt>{t('outcome.priority')}</dt>
              <dd>{t(`outcome.priorities.${outcome.priority}`)}</dd>
              <dt>{t('outcome.due')}</dt>
              <dd data-testid="case-due">{longDate(caseDraft.dueOn)}</dd>
              {caseDraft.fields.map((field) => [<dt key={`${field.name}-q`}>{field.question}</dt>, <dd key={`${field.name}-a`}>{field.answer}</dd>])}
            </dl>
          )}
          {outcome.offerOnline && <OnlineRoute {...outcome.offerOnline} />}
          {caseDraft && navigation && (
            <Button variant="contained" sx={{ mt: 2 }} onClick={() => navigation.openDraft(caseDraft.id)}>
              {t('outcome.reviewCase')}
            </Button>
          )}
        </Alert>
      );
    case 'resolved':
      return (
        <Alert severity="success" data-testid="outcome-resolved" icon={false}>
          <AlertTitle component="h3">{t('outcome.resolved')}</AlertTitle>
          <Typography>{fill(outcome.whatWasDone)}</Typography>
          {outcome.offerOnline && <OnlineRoute {...outcome.offerOnline} />}
        </Alert>
      );
    case 'signpost':
      return (
        <Alert severity="info" data-testid="outcome-signpost" icon={false}>
          <AlertTitle component="h3">{t('outcome.signpost')}</AlertTitle>
          <Typography>{fill(outcome.say)}</Typography>
          <OnlineRoute {...outcome.route} />
        </Alert>
      );
    case 'transfer':
      return (
        <Alert severity="info" data-testid="outcome-transfer" icon={false}>
          <AlertTitle component="h3">{t('outcome.transfer', { team: outcome.team })}</AlertTitle>
          {outcome.phone && <Typography>{t('outcome.call', { phone: outcome.phone })}</Typography>}
          <Typography>{t('outcome.transferSummary', { summary: fill(outcome.summary) })}</Typography>
        </Alert>
      );
  }
}
