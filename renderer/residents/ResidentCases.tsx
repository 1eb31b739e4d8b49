import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { Resident360 } from '../../shared/domain/resident-360';
import { casesInView, openCases, type CaseInView } from '../../shared/domain/resident-cases';
import { useCasesRaisedHere } from '../cases/local-cases';
import { useRaiseCase } from '../cases/raise-case';
import type { StandardsClock } from '../scripts/use-standards';
import { CaseHistoryDialog } from './CaseHistoryDialog';
import { Section } from './Section';
import { SendMessageDialog } from '../messages/SendMessageDialog';
import { useContactIfAny } from '../contact/contact-context';

/**
 * The resident's cases: open ones first, a case just raised on this computer among them at
 * once ("waiting to send" until Dataverse has it), closed ones folded away, and any case
 * opened in full with its history.
 */
export function ResidentCases({ record, accessId, clock }: { record: Resident360; accessId: string; clock: StandardsClock | null }) {
  const { t } = useTranslation();
  const residentId = record.resident.id;
  const raisedHere = useCasesRaisedHere(residentId);
  const raiseCase = useRaiseCase();
  const [showClosed, setShowClosed] = useState(false);
  const [opened, setOpened] = useState<CaseInView | null>(null);
  const [texting, setTexting] = useState<CaseInView | null>(null);
  const contact = useContactIfAny();
  const all = casesInView(record.cases, raisedHere, residentId);
  const open = openCases(all);
  const closed = all.filter((each) => each.status === 'closed');
  const ownerName = (each: CaseInView) => (each.ownerStaffId ? (record.staffNames[each.ownerStaffId] ?? each.ownerStaffId) : t('resident.noOwnerYet'));

  const line = (each: CaseInView) => {
    const status = each.status === 'open' && each.dueOn && clock ? clock.status(each.dueOn) : null;
    return (
      <li key={each.id} data-testid={each.sending ? 'case-raised-here' : undefined}>
        <Button size="small" variant="text" onClick={() => setOpened(each)} aria-label={t('resident.openCaseNamed', { reference: each.reference, summary: each.summary })} sx={{ p: 0, minWidth: 0, fontWeight: 700, textTransform: 'none', verticalAlign: 'baseline' }}>
          {each.reference}
        </Button>{' '}
        {each.summary} ·{' '}
        {each.status === 'closed'
          ? t('resident.closedOn', { date: each.closedOn ? longDate(each.closedOn) : '' })
          : status
            ? t(`cases.status.${status.status}`, { count: status.workingDaysLeft ?? status.daysOverdue })
            : t('resident.noStandard')}
        {each.status === 'open' && each.dueOn && ` (${t('resident.due', { date: longDate(each.dueOn) })})`} · {t('resident.owner', { name: ownerName(each) })}
        {each.sending && <strong data-testid="case-sending">{` · ${t(`resident.sending.${each.sending}`)}`}</strong>}
        {each.status === 'open' && each.dueOn && (
          <Button size="small" sx={{ ml: 1 }} onClick={() => setTexting(each)} aria-label={t('messages.textReferenceOf', { reference: each.reference })}>
            {t('messages.textReference')}
          </Button>
        )}
      </li>
    );
  };

  return (
    <Section id="cases" title={t('resident.openCases', { count: open.length })}>
      {open.length === 0 ? <Typography>{t('resident.noOpenCases')}</Typography> : <ul data-testid="open-cases">{open.map(line)}</ul>}
      {closed.length > 0 && (
        <>
          <Button variant="text" aria-expanded={showClosed} aria-controls="closed-cases" onClick={() => setShowClosed((shown) => !shown)}>
            {t(showClosed ? 'resident.hideClosed' : 'resident.showClosed', { count: closed.length })}
          </Button>
          <ul id="closed-cases" data-testid="closed-cases" hidden={!showClosed}>
            {closed.map(line)}
          </ul>
        </>
      )}
      <Button variant="contained" sx={{ mt: 1, display: 'block' }} onClick={() => void raiseCase()}>
        {t('resident.raiseCase')}
      </Button>
      {texting?.dueOn && (
        <SendMessageDialog
          record={record}
          about={{ purpose: 'case-reference', values: { reference: texting.reference, service: t(`services.${texting.service}`), due_date: longDate(texting.dueOn) }, interactionId: contact?.current?.id ?? null, caseId: texting.id }}
          onClose={() => setTexting(null)}
        />
      )}
      {opened && <CaseHistoryDialog accessId={accessId} item={opened} ownerName={ownerName(opened)} onClose={() => setOpened(null)} />}
    </Section>
  );
}
