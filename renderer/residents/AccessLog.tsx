import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentAccess } from '../../shared/domain/resident-360';
import { useBridge } from '../bridge/bridge-context';
import { Section } from './Section';

/** Team leaders can answer "who has looked at my record, and why?". */
export function AccessLog({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [accesses, setAccesses] = useState<ResidentAccess[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async () => {
    const outcome = await bridge.audit.accesses({ residentId });
    if (outcome.ok) setAccesses(outcome.value);
    else setProblem(outcome.error.message);
  };
  return (
    <Section id="audit" title={t('audit.title')}>
      {accesses === null ? (
        <Button variant="outlined" onClick={() => void load()}>
          {t('audit.show')}
        </Button>
      ) : (
        <ul data-testid="access-log">
          {accesses.map((access) => (
            <li key={access.id}>
              {t('audit.entry', { when: new Date(access.at).toLocaleString('en-GB'), name: access.staffName, reason: t(`audit.reasons.${access.reason}`), identity: t(`audit.identity.${access.identityCheck}`) })}
              {access.overrideReason && ` ${t('audit.because', { reason: access.overrideReason })}`}
              {access.source === 'snapshot' && t('audit.fromCopy')}
            </li>
          ))}
        </ul>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
    </Section>
  );
}
