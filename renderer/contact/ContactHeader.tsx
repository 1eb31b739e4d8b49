import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/contract/residents';
import { bySeriousness } from '../../shared/domain/flag';
import type { Interaction } from '../../shared/domain/interaction';
import { casesInView, openCases } from '../../shared/domain/resident-cases';
import { useCasesRaisedHere } from '../cases/local-cases';
import { useLanguageTable } from '../languages/use-language-table';
import { useNavigation } from '../navigation/navigation-context';
import { CallerCardButton } from './CallerCard';
import { useContact } from './contact-context';
import { WrapUpDialog } from './WrapUpDialog';

/** Interpreting on the contact now: booked and on the line, used and gone, or not yet. */
function interpreterState(contact: Interaction | null): 'on-the-line' | 'used' | 'none' {
  const sessions = contact?.interpreterSessions ?? [];
  if (sessions.some((each) => each.startedAt && !each.endedAt)) return 'on-the-line';
  return sessions.some((each) => each.startedAt) ? 'used' : 'none';
}

/** Who the contact is with, in a line: the resident, their check, flags, language and cases. */
function ResidentLine({ view, contact }: { view: ResidentView; contact: Interaction | null }) {
  const { t } = useTranslation();
  const { nameOf } = useLanguageTable();
  const raisedHere = useCasesRaisedHere(view.residentId);
  const flags = bySeriousness(view.flags);
  const worst = flags[0];
  const { language } = view.communication;
  const english = /^en(?:-|$)/i.test(language.preferred);
  const interpreting = interpreterState(contact);
  const open = view.record ? openCases(casesInView(view.record.cases, raisedHere, view.residentId)).length : null;
  const items = [
    <strong key="name" data-testid="header-name">
      {view.name}
    </strong>,
    <span key="identity" data-testid="header-identity">
      {t(`identity.status.${view.identity.status}`)}
    </span>,
    <span key="flags" data-testid="header-flags">
      {flags.length === 0 ? t('header.noFlags') : t('header.flags', { count: flags.length, worst: worst?.kind === 'staff-safety' ? t(`flags.markers.${worst.marker}`) : worst ? t(`flags.types.${worst.type}`) : '' })}
      {view.hiddenStaffSafety > 0 && ` ${t('header.hiddenFlags', { count: view.hiddenStaffSafety })}`}
    </span>,
    <span key="language" data-testid="header-language">
      {english && !language.interpreterNeeded ? t('header.english') : t('header.language', { language: nameOf(language.preferred).englishName })}
      {language.interpreterNeeded && ` · ${t(`header.interpreter.${interpreting}`)}`}
    </span>,
    <span key="cases" data-testid="header-cases">
      {open === null ? t('header.casesAfterCheck') : t('header.openCases', { count: open })}
    </span>,
  ];
  return (
    <Box component="ul" data-testid="contact-resident" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.25, m: 0, p: 0, listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.key}>{item}</li>
      ))}
    </Box>
  );
}

/**
 * The contact in hand, above every place: the call (number, queue, wait), visit or email (its
 * sender and subject), who it is with once identified, and the buttons that end it. One key
 * (Alt+3) goes back to the 360 view; Alt+Shift+E ends the call (for an email, goes to it). It is not sticky, so at 200% zoom it scrolls away rather
 * than covering what the officer is working on.
 */
export function ContactHeader() {
  const { t } = useTranslation();
  const contact = useContact();
  const navigation = useNavigation();
  const { current, about, callerCard } = contact;
  if (!current && !about) return null;
  const what =
    current?.channel === 'phone'
      ? current.callerNumber
        ? t('call.onCallWith', { number: current.callerNumber })
        : t('call.onCallWithheld')
      : current?.channel === 'email'
        ? t('header.email', { from: current.emailFrom ?? '', subject: current.emailSubject || t('email.noSubject') })
        : current
          ? t('header.visit')
          : t('header.caseWork');
  return (
    <Box component="section" aria-label={t('header.label')} data-testid="call-panel" sx={{ px: 2, py: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }}>
        <Typography sx={{ fontWeight: 700 }}>{what}</Typography>
        {current?.queue && <Typography>{t('search.queue', { queue: current.queue })}</Typography>}
        {current?.waitedSeconds != null && <Typography>{t('search.waited', { seconds: current.waitedSeconds })}</Typography>}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, ml: 'auto' }}>
          {callerCard && <CallerCardButton card={callerCard} />}
          {about && navigation && (
            <Button variant="outlined" size="small" aria-keyshortcuts="Alt+3" onClick={() => navigation.goTo('resident')}>
              {t('header.to360')}
            </Button>
          )}
          {/* An email is finished where it is answered: filing it out of the queue comes first. */}
          {current?.status === 'in-progress' && current.channel === 'email' && navigation && (
            <Button variant="contained" color="secondary" size="small" onClick={() => navigation.goTo('email')}>
              {t('header.toEmail')}
            </Button>
          )}
          {current?.status === 'in-progress' && current.channel !== 'email' && (
            <Button variant="contained" color="secondary" size="small" aria-keyshortcuts="Alt+Shift+E" onClick={() => void contact.endCall()}>
              {current.channel === 'phone' ? t('call.end') : t('header.endVisit')}
            </Button>
          )}
          {!current && about && (
            <Button variant="outlined" size="small" onClick={contact.clear}>
              {t('header.finish')}
            </Button>
          )}
        </Box>
      </Box>
      {about ? <ResidentLine view={about.view} contact={current} /> : <Typography data-testid="contact-resident">{current?.channel === 'email' ? t('header.emailNotIdentified') : t('header.notIdentified')}</Typography>}
      {current?.status === 'wrap-up' && <WrapUpDialog interaction={current} />}
    </Box>
  );
}
