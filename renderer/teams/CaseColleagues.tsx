import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import { useAccount } from '../account/account-context';
import { SignInButton } from '../account/SignInButton';
import { AskExpertDialog } from './AskExpertDialog';
import { caseForColleagues } from './case-for-colleagues';
import { Conversations } from './Conversations';
import { EscalateDialog } from './EscalateDialog';

/** A sent or waiting case's details for Teams: ask an expert, escalate, and what was said. */
export function CaseColleagues({ submitted, onClose }: { submitted: SubmittedCase; onClose: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const [open, setOpen] = useState<'ask' | 'escalate' | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Shown below the table: take focus so keyboard and screen reader users land on it.
  useEffect(() => panelRef.current?.focus(), []);
  const signedIn = account.status?.signedIn === true;
  const about = caseForColleagues(submitted, { service: t(`services.${submitted.content.service}`, { defaultValue: submitted.content.service }), category: t(`caseCategories.${submitted.content.category}`, { defaultValue: submitted.content.category }) });
  const title = submitted.content.summary || t('cases.noSummary');
  return (
    <Box component="section" ref={panelRef} aria-labelledby="case-colleagues-heading" tabIndex={-1} data-testid="case-colleagues" sx={{ mt: 3, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography id="case-colleagues-heading" component="h2" variant="h6" gutterBottom>
        {t('teams.case.heading', { summary: title })}
      </Typography>
      {submitted.reference && <Typography variant="body2">{t('teams.case.reference', { reference: submitted.reference })}</Typography>}
      {signedIn ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, my: 2 }}>
          <Button variant="contained" onClick={() => setOpen('ask')} aria-haspopup="dialog" disabled={about.service === ''}>
            {t('teams.ask.button')}
          </Button>
          <Button variant="outlined" onClick={() => setOpen('escalate')} aria-haspopup="dialog" disabled={about.service === ''}>
            {t('teams.escalate.button')}
          </Button>
          <Button onClick={onClose}>{t('teams.case.close')}</Button>
        </Box>
      ) : (
        <Box sx={{ my: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('teams.case.signInFirst')}
          </Typography>
          <SignInButton />
          <Button onClick={onClose} sx={{ mt: 1 }}>
            {t('teams.case.close')}
          </Button>
        </Box>
      )}
      <Conversations caseId={submitted.id} />
      {open === 'ask' && <AskExpertDialog about={about} onClose={() => setOpen(null)} />}
      {open === 'escalate' && <EscalateDialog about={about} onClose={() => setOpen(null)} />}
    </Box>
  );
}
