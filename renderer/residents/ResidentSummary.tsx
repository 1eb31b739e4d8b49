import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { ResidentView } from '../../shared/contract/residents';
import { pounds } from '../../shared/domain/account';
import { bySeriousness } from '../../shared/domain/flag';
import { casesInView, openCases } from '../../shared/domain/resident-cases';
import { isoDateInLondon } from '../../shared/service-standards';
import { useCasesRaisedHere } from '../cases/local-cases';
import { LanguageLabel, useLanguageTable } from '../languages/use-language-table';
import { useNavigation } from '../navigation/navigation-context';
import { ageOn } from './age';
import { Facts } from './Section';

/**
 * The 360 view in brief, kept beside a script or the case form: who, where, how to reach
 * them, language, flags, money owed and open cases (the one just raised included), with one
 * step back to the whole record.
 */
export function ResidentSummary({ view }: { view: ResidentView }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { nameOf } = useLanguageTable();
  const raisedHere = useCasesRaisedHere(view.residentId);
  const record = view.record;
  if (!record) return null;
  const { resident, household, councilTaxAccount: tax, rentAccount: rent } = record;
  const today = isoDateInLondon(new Date());
  const open = openCases(casesInView(record.cases, raisedHere, view.residentId));
  const yesNo = (value: boolean) => (value ? t('runner.yes') : t('runner.no'));
  const flags = bySeriousness(view.flags);
  return (
    <Box component="aside" aria-labelledby="summary-title" data-testid="resident-summary" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}>
      <Typography id="summary-title" component="h2" variant="h6" gutterBottom>
        {t('summary.title', { name: view.name })}
      </Typography>
      <Facts
        items={[
          [t('resident.born'), t('resident.bornAge', { date: longDate(resident.dateOfBirth), age: ageOn(resident.dateOfBirth, today) })],
          [t('resident.address'), household ? `${household.address.line1}, ${household.address.postcode}` : t('resident.none')],
          [t('resident.phones'), resident.contact.phones.map((phone) => phone.number).join(', ') || t('resident.none')],
          [t('resident.preferredChannel'), `${t(`channels.${resident.preferences.preferredChannel}`)} · ${t('summary.consent', { texts: yesNo(resident.preferences.smsConsent), email: yesNo(resident.preferences.emailConsent) })}`],
          [t('resident.language'), <LanguageLabel key="language" name={nameOf(resident.language.preferred)} />],
          [t('resident.flags'), flags.length === 0 ? t('resident.none') : flags.map((flag) => (flag.kind === 'staff-safety' ? t(`flags.markers.${flag.marker}`) : t(`flags.types.${flag.type}`))).join(', ')],
          [t('resident.councilTax'), tax ? t(tax.balancePence > 0 ? 'summary.owed' : 'summary.inCredit', { amount: pounds(tax.balancePence) }) : t('resident.none')],
          [t('resident.rent'), rent ? t(rent.balancePence > 0 ? 'summary.arrears' : 'summary.inCredit', { amount: pounds(rent.balancePence) }) : t('resident.none')],
        ]}
      />
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700, mt: 2 }}>
        {t('resident.openCases', { count: open.length })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="summary-open-cases">
        {open.map((each) => (
          <li key={each.id}>
            <strong>{each.reference}</strong> {each.summary}
            {each.sending && each.sending !== 'sent' && ` · ${t(`summary.sending.${each.sending}`)}`}
          </li>
        ))}
      </Box>
      {navigation && (
        <Button variant="outlined" size="small" sx={{ mt: 2 }} onClick={() => navigation.goTo('resident')}>
          {t('summary.whole')}
        </Button>
      )}
    </Box>
  );
}
