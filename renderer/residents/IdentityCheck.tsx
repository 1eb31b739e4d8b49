import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/contract/residents';
import type { IdentityAnswers, IdentityQuestion } from '../../shared/domain/identity-check';
import { useBridge } from '../bridge/bridge-context';

/**
 * The DPA check: the agent types what the caller says, and CivicDesk says which answers match
 * the record, without ever showing the record's values until the check is passed. Going on
 * without it needs a reason, which is audited.
 */
export function IdentityCheck({ view, onChange }: { view: ResidentView; onChange: (view: ResidentView) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [answers, setAnswers] = useState<IdentityAnswers>({});
  const [results, setResults] = useState<{ question: string; matched: boolean }[] | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const check = async () => {
    const outcome = await bridge.residents.checkIdentity({ accessId: view.accessId, answers });
    if (!outcome.ok) return setProblem(outcome.error.message);
    setProblem(null);
    setResults(outcome.value.results);
    onChange(outcome.value.view);
  };
  const override = async () => {
    const outcome = await bridge.residents.overrideIdentity({ accessId: view.accessId, reason });
    if (!outcome.ok) return setProblem(outcome.error.fields?.[0]?.message ?? outcome.error.message);
    setProblem(null);
    onChange(outcome.value);
  };
  const matched = (question: IdentityQuestion) => results?.find((each) => each.question === question)?.matched;
  const { required, oneOf } = view.identity;
  const listed = (questions: IdentityQuestion[], joiner: string) => questions.map((question) => t(`identity.names.${question}`)).join(joiner);
  const hint = (question: IdentityQuestion) => (required.includes(question) ? t('identity.mustMatch') : oneOf.includes(question) ? t('identity.oneOfHint') : ' ');

  return (
    <Box component="section" aria-labelledby="identity-title" sx={{ border: 2, borderColor: 'warning.main', borderRadius: 1, p: 2, mb: 3 }}>
      <Typography id="identity-title" component="h2" variant="h6">
        {t('identity.title')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('identity.intro')}</Typography>
      <Typography sx={{ mb: 2 }} data-testid="identity-rule">
        {t(oneOf.length === 0 ? 'identity.ruleAll' : required.length === 0 ? 'identity.ruleAny' : 'identity.ruleBoth', { required: listed(required, t('identity.and')), oneOf: listed(oneOf, t('identity.or')) })}
      </Typography>
      <Box component="form" id="identity-form" onSubmit={(event) => (event.preventDefault(), void check())} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {view.identity.questions.map((question) => (
          <TextField
            key={question}
            label={t(`identity.questions.${question}`)}
            value={answers[question] ?? ''}
            onChange={(event) => setAnswers((current) => ({ ...current, [question]: event.target.value }))}
            error={matched(question) === false}
            helperText={matched(question) === undefined ? hint(question) : matched(question) ? t('identity.matched') : t('identity.notMatched')}
            autoComplete="off"
          />
        ))}
        <Box>
          <Button type="submit" variant="contained">
            {t('identity.check')}
          </Button>
        </Box>
      </Box>
      {results && view.identity.status === 'not-done' && (
        <Alert severity="warning" sx={{ mt: 2 }} role="status">
          {t('identity.failed')}
        </Alert>
      )}
      <Box sx={{ mt: 2 }}>
        {overriding ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <TextField label={t('identity.overrideReason')} value={reason} onChange={(event) => setReason(event.target.value)} sx={{ flex: '1 1 20rem' }} helperText={t('identity.overrideHelp')} />
            <Button variant="outlined" onClick={() => void override()}>
              {t('identity.overrideConfirm')}
            </Button>
          </Box>
        ) : (
          <Button variant="text" onClick={() => setOverriding(true)}>
            {t('identity.override')}
          </Button>
        )}
      </Box>
      {problem && (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          {problem}
        </Alert>
      )}
    </Box>
  );
}
