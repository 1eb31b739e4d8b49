import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import { pounds } from '../../shared/domain/account';
import type { Resident360 as Record360 } from '../../shared/domain/resident-360';
import { GetInterpreterButton } from '../languages/InterpreterDialog';
import { languageNeeds } from './LanguageBanner';
import { LanguageLabel, useLanguageTable } from '../languages/use-language-table';
import type { StandardsClock } from '../scripts/use-standards';
import { ageOn } from './age';
import { useContactIfAny } from '../contact/contact-context';
import { ResidentCases } from './ResidentCases';
import { ResidentMessages } from '../messages/ResidentMessages';
import { PromiseCallbackButton } from '../callbacks/PromiseCallbackButton';
import { Facts, Section } from './Section';


/** Everything about the resident on one screen, in the order a call needs it. */
export function Resident360({ record, accessId, today, clock, repeat }: { record: Record360; accessId: string; today: string; clock: StandardsClock | null; repeat: { service: string; times: number } | null }) {
  const { t } = useTranslation();
  const { resident, household, councilTaxAccount: tax, rentAccount: rent } = record;
  const yesNo = (value: boolean) => (value ? t('runner.yes') : t('runner.no'));
  const { nameOf } = useLanguageTable();
  const contact = useContactIfAny();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      {repeat && (
        <Alert severity="warning" sx={{ gridColumn: '1 / -1' }} data-testid="repeat-contact">
          {t('resident.repeat', { count: repeat.times, service: t(`services.${repeat.service}`) })}
        </Alert>
      )}
      {resident.mySouthwark.status !== 'active' && (
        <Alert severity="info" sx={{ gridColumn: '1 / -1' }} data-testid="my-southwark-prompt">
          {t(`resident.mySouthwark.${resident.mySouthwark.status}`)}
        </Alert>
      )}
      <Section id="who" title={t('resident.who')}>
        <Facts
          items={[
            [t('resident.name'), `${resident.title ? `${resident.title} ` : ''}${resident.givenName} ${resident.familyName}`],
            [t('resident.born'), t('resident.bornAge', { date: longDate(resident.dateOfBirth), age: ageOn(resident.dateOfBirth, today) })],
            ...(resident.pronouns ? ([[t('resident.pronouns'), resident.pronouns]] as [string, string][]) : []),
            [
              t('resident.language'),
              <>
                <LanguageLabel name={nameOf(resident.language.preferred)} />
                {resident.language.interpreterNeeded && ` · ${t('resident.interpreterNeeded')}`}{' '}
                {/* When the language banner is up it offers the interpreter itself: one button, not two. */}
                {languageNeeds(resident) === null && <GetInterpreterButton language={resident.language.preferred} residentId={resident.id} />}
              </>,
            ],
            [t('resident.accessibility'), resident.accessibilityNeeds.length > 0 ? resident.accessibilityNeeds.map((need) => t(`accessibility.${need}`)).join(', ') : t('resident.none')],
            [t('resident.mySouthwarkLabel'), t(`resident.mySouthwarkStatus.${resident.mySouthwark.status}`)],
          ]}
        />
      </Section>
      <Section id="contact" title={t('resident.contactDetails')}>
        <Facts
          items={[
            [t('resident.phones'), resident.contact.phones.map((phone) => phone.number).join(', ') || t('resident.none')],
            [t('resident.email'), resident.contact.email ?? t('resident.none')],
            [t('resident.preferredChannel'), t(`channels.${resident.preferences.preferredChannel}`)],
            [t('resident.smsConsent'), yesNo(resident.preferences.smsConsent)],
            [t('resident.emailConsent'), yesNo(resident.preferences.emailConsent)],
          ]}
        />
      </Section>
      <ResidentMessages residentId={resident.id} accessId={accessId} />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <PromiseCallbackButton record={record} />
      </Box>
      <Section id="household" title={t('resident.household')}>
        {household && <Facts items={[[t('resident.address'), `${household.address.line1}${household.address.line2 ? `, ${household.address.line2}` : ''}, ${household.address.town} ${household.address.postcode}`], [t('resident.tenure'), t(`tenures.${household.tenure}`)], [t('resident.bins'), t('resident.binDay', { day: household.wasteCollection.day })]]} />}
        <ul>
          {record.householdMembers.map((member) => (
            <li key={member.residentId}>
              {/* A call about someone in the household: open them; the contact asks whether the call is now about them. */}
              {contact ? (
                <Button variant="text" size="small" sx={{ p: 0, minWidth: 0, textTransform: 'none', verticalAlign: 'baseline' }} onClick={() => void contact.openResident(member.residentId, contact.current?.channel === 'phone' ? 'call' : 'case-work')} aria-label={t('resident.openMember', { name: member.name })}>
                  {t('resident.member', { name: member.name, age: member.age })}
                </Button>
              ) : (
                t('resident.member', { name: member.name, age: member.age })
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="accounts" title={t('resident.accounts')}>
        <Facts
          items={[
            [t('resident.councilTax'), tax ? t(tax.balancePence > 0 ? 'resident.owes' : 'resident.inCredit', { reference: tax.reference, band: tax.band, amount: pounds(tax.balancePence) }) : t('resident.none')],
            [t('resident.rent'), rent ? t(rent.balancePence > 0 ? 'resident.rentArrears' : 'resident.rentClear', { reference: rent.reference, amount: pounds(rent.balancePence) }) : t('resident.none')],
            [t('resident.permits'), record.parkingPermits.length > 0 ? record.parkingPermits.map((permit) => t('resident.permit', { zone: permit.zone, until: longDate(permit.validUntil) })).join('; ') : t('resident.none')],
          ]}
        />
      </Section>
      <ResidentCases record={record} accessId={accessId} clock={clock} />
    </Box>
  );
}
