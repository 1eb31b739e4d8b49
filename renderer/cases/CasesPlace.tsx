import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import { caseReference } from '../../shared/domain/case-reference';
import type { CaseDraft } from '../../shared/domain/case-draft';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import { useSessionIfAny } from '../session/session-context';
import { identifiedResident, useContact } from '../contact/contact-context';
import { useStandards } from '../scripts/use-standards';
import { caseDatabase } from '../storage/case-database';
import { resolveConflict, returnToDraft } from '../sync/case-store';
import { BesideResident } from '../contact/BesideResident';
import { useNavigation } from '../navigation/navigation-context';
import { CaseColleagues } from '../teams/CaseColleagues';
import { useCaseNavigation, type CaseSection } from './case-navigation';
import { CaseForm } from './CaseForm';
import { CaseTable, type CaseRow } from './CaseTable';
import { ConflictDialog } from './ConflictDialog';
import { EditSentCaseDialog } from './EditSentCaseDialog';
import { discardDraft } from './discard-draft';
import { useRaiseCase } from './raise-case';

const SECTIONS: readonly CaseSection[] = ['drafts', 'waiting', 'sent', 'attention'];

const rowOfDraft = (draft: CaseDraft): CaseRow => ({ id: draft.id, summary: draft.summary, residentId: draft.residentId, residentName: draft.residentName, anonymous: draft.anonymous, serviceStandard: draft.serviceStandard, dueOn: draft.dueOn });
const rowOfCase = ({ id, content }: SubmittedCase): CaseRow => ({ id, summary: content.summary, residentId: content.residentId, residentName: content.residentName, anonymous: content.anonymous, serviceStandard: content.serviceStandard, dueOn: content.dueOn });
/** The reference the resident was given: made on this computer when the case was raised, and kept by Dataverse. */
const referenceOf = (submitted: SubmittedCase) => submitted.reference ?? caseReference(submitted.id, submitted.content.receivedOn);
const clockTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * Cases raised on this computer, in four sections: drafts still being written, cases waiting
 * to send, cases the council's system has, and cases that need a person (refused, or changed
 * on both sides). A draft opens in the case form; nothing here is ever lost by leaving it.
 */
export function CasesPlace() {
  const { t } = useTranslation();
  const db = caseDatabase();
  const clock = useStandards();
  const navigation = useCaseNavigation();
  const contact = useContact();
  const openResident = identifiedResident(contact);
  const raiseCase = useRaiseCase();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const refocus = useNavigation()?.refocus;
  // This officer's own: on a shared computer, another officer's work is not theirs to see.
  const mine = (owner: string | null) => owner === null || owner === staffId;
  const drafts = useLiveQuery(() => db.caseDrafts.orderBy('dueOn').filter((each) => mine(each.staffId ?? null)).toArray(), [db, staffId]);
  const cases = useLiveQuery(() => db.cases.orderBy('submittedAt').reverse().filter((each) => mine(each.submittedBy)).toArray(), [db, staffId]);
  const [section, setSection] = useState<CaseSection>('drafts');
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<SubmittedCase | null>(null);
  const [deleting, setDeleting] = useState<CaseDraft | null>(null);
  const [comparing, setComparing] = useState<SubmittedCase | null>(null);
  const [changing, setChanging] = useState<SubmittedCase | null>(null);
  /** The waiting or sent case whose Teams conversations are shown below the table. */
  const [discussing, setDiscussing] = useState<string | null>(null);
  /** A case a civicdesk:// link asked for: shown with its conversations, or said plainly to be elsewhere. */
  const [linkedCase, setLinkedCase] = useState<string | null>(null);
  const teamsOn = useSessionIfAny()?.features.teams ?? false;
  /** The summary of a sent case whose change was just saved, to say it is waiting to send. */
  const [changeSaved, setChangeSaved] = useState<string | null>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);

  // Sent here from elsewhere (the 360 view, a script, the status bar): show what was asked for,
  // once per request, then let the request go so coming back later starts afresh.
  const request = navigation?.request ?? null;
  const [handled, setHandled] = useState<number | null>(null);
  if (request && request.at !== handled) {
    setHandled(request.at);
    setEditing(request.kind === 'open-draft' ? request.draftId : null);
    if (request.kind === 'section') setSection(request.section);
    if (request.kind === 'open-case') {
      setDiscussing(request.caseId);
      setLinkedCase(request.caseId);
    }
  }
  useEffect(() => {
    if (!request) return;
    if (request.kind === 'section') requestAnimationFrame(() => tabsRef.current?.querySelector<HTMLElement>(`#cases-tab-${request.section}`)?.focus());
    navigation?.done();
  }, [request, navigation]);

  useEffect(() => {
    if (confirmation || changeSaved !== null) confirmationRef.current?.focus();
  }, [confirmation, changeSaved]);

  if (editing) {
    return (
      <BesideResident>
        <CaseForm
          draftId={editing}
          onClose={() => {
            setEditing(null);
            // The form goes: the place's heading takes the focus, not the page.
            refocus?.();
          }}
          onSubmitted={(submitted) => {
            setEditing(null);
            setSection('waiting');
            setChangeSaved(null);
            setConfirmation(submitted);
          }}
        />
      </BesideResident>
    );
  }
  if (!drafts || !cases || !clock) return <Typography>{t('cases.loading')}</Typography>;

  const bySection: Record<CaseSection, CaseRow[]> = {
    drafts: drafts.map(rowOfDraft),
    waiting: cases.filter((each) => each.syncState === 'waiting').map(rowOfCase),
    sent: cases.filter((each) => each.syncState === 'sent').map(rowOfCase),
    attention: cases.filter((each) => each.syncState === 'needs-attention' || each.syncState === 'conflict').map(rowOfCase),
  };
  const caseById = new Map(cases.map((each) => [each.id, each]));
  // The case as it is now, not as it was when sent: "waiting to send" turns to "sent" on screen.
  const confirmed = confirmation ? (caseById.get(confirmation.id) ?? confirmation) : null;
  // The link's case, once the cases have loaded: its section comes to the front.
  const linked = linkedCase ? caseById.get(linkedCase) : undefined;
  if (linkedCase && linked) {
    setLinkedCase(null);
    setSection(linked.syncState === 'waiting' ? 'waiting' : linked.syncState === 'sent' ? 'sent' : 'attention');
  }
  const linkNotHere = linkedCase !== null && !linked;

  const newCase = async () => {
    setConfirmation(null);
    setChangeSaved(null);
    await raiseCase();
  };

  const fixAndResend = async (caseId: string) => {
    const draft = await returnToDraft(db, caseId);
    if (draft) setEditing(draft.id);
  };

  /** Ask an expert or escalate: on waiting and sent cases, when the council uses Teams. */
  const colleaguesButton = (row: CaseRow) =>
    teamsOn && (
      <Button size="small" variant="outlined" onClick={() => setDiscussing(row.id)} aria-label={t('teams.case.openNamed', { summary: row.summary || t('cases.noSummary') })}>
        {t('teams.case.open')}
      </Button>
    );

  const standardName = (submitted: SubmittedCase) => (submitted.content.serviceStandard ? (clock.find(submitted.content.serviceStandard)?.name ?? submitted.content.serviceStandard) : null);

  const extraFor: Record<CaseSection, { heading: string; cell: (row: CaseRow) => ReactNode }> = {
    drafts: {
      heading: t('cases.actions'),
      cell: (row) => (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <Button size="small" variant="outlined" onClick={() => setEditing(row.id)} aria-label={t('cases.continueNamed', { summary: row.summary || t('cases.noSummary') })}>
            {t('cases.continue')}
          </Button>
          <Button size="small" color="error" onClick={() => setDeleting(drafts.find((each) => each.id === row.id) ?? null)} aria-label={t('cases.deleteNamed', { summary: row.summary || t('cases.noSummary') })}>
            {t('cases.delete')}
          </Button>
        </Box>
      ),
    },
    waiting: {
      heading: t('cases.submitted'),
      cell: (row) => {
        const submitted = caseById.get(row.id);
        if (!submitted) return null;
        // Sent before: what is waiting is a change to it, not the case itself.
        return (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1 }}>
            <strong>{referenceOf(submitted)}</strong>
            <span>{submitted.sentAt ? t('cases.edit.changeWaiting') : t('cases.submittedAt', { when: clockTime(submitted.submittedAt) })}</span>
            {colleaguesButton(row)}
          </Box>
        );
      },
    },
    sent: {
      heading: t('cases.reference'),
      cell: (row) => {
        const submitted = caseById.get(row.id);
        if (!submitted) return null;
        return (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1 }}>
            <strong data-testid="case-reference">{referenceOf(submitted)}</strong>
            <Button size="small" variant="outlined" onClick={() => setChanging(submitted)} aria-label={t('cases.edit.buttonNamed', { summary: row.summary || t('cases.noSummary') })}>
              {t('cases.edit.button')}
            </Button>
            {colleaguesButton(row)}
          </Box>
        );
      },
    },
    attention: {
      heading: t('cases.whatToDo'),
      cell: (row) => {
        const submitted = caseById.get(row.id);
        if (!submitted) return null;
        if (submitted.syncState === 'conflict') {
          return (
            <Box>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {t('cases.conflictProblem')}
              </Typography>
              <Button size="small" variant="contained" onClick={() => setComparing(submitted)}>
                {t('cases.compare')}
              </Button>
            </Box>
          );
        }
        return (
          <Box>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="case-problem">
              {t('cases.problem', { problem: submitted.problem ?? t('cases.noProblemGiven') })}
            </Typography>
            <Button size="small" variant="contained" onClick={() => void fixAndResend(submitted.id)}>
              {t('cases.fixAndResend')}
            </Button>
          </Box>
        );
      },
    },
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <Button variant="contained" onClick={() => void newCase()}>
          {t('cases.newCase')}
        </Button>
        {openResident && <Typography variant="body2">{t('cases.newCaseFor', { name: openResident.name })}</Typography>}
      </Box>
      {confirmed && (
        <Alert ref={confirmationRef} tabIndex={-1} severity="success" role="status" sx={{ mb: 2 }} data-testid="case-confirmation" onClose={() => setConfirmation(null)} slotProps={{ closeButton: { 'aria-label': t('cases.dismiss'), title: t('cases.dismiss') } }}>
          <strong data-testid="confirmation-reference">{t('cases.giveReference', { reference: referenceOf(confirmed) })}</strong>{' '}
          {standardName(confirmed)
            ? t('cases.confirmationDue', { standard: standardName(confirmed), date: longDate(confirmed.content.dueOn) })
            : ''}{' '}
          <span data-testid="confirmation-state">{t(`cases.confirmationState.${confirmed.syncState}`, { summary: confirmed.content.summary })}</span>
        </Alert>
      )}
      {changeSaved !== null && (
        <Alert ref={confirmationRef} tabIndex={-1} severity="success" role="status" sx={{ mb: 2 }} data-testid="case-change-saved" onClose={() => setChangeSaved(null)} slotProps={{ closeButton: { 'aria-label': t('cases.dismiss'), title: t('cases.dismiss') } }}>
          {t('cases.edit.saved', { summary: changeSaved || t('cases.noSummary') })}
        </Alert>
      )}
      {linkNotHere && (
        <Alert severity="info" role="status" sx={{ mb: 2 }} data-testid="case-link-elsewhere" onClose={() => setLinkedCase(null)} slotProps={{ closeButton: { 'aria-label': t('cases.dismiss'), title: t('cases.dismiss') } }}>
          {t('cases.linkElsewhere')}
        </Alert>
      )}
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs ref={tabsRef} value={section} onChange={(_, next: CaseSection) => setSection(next)} aria-label={t('cases.sectionsLabel')} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
          {SECTIONS.map((each) => (
            <Tab key={each} value={each} id={`cases-tab-${each}`} aria-controls={`cases-panel-${each}`} label={t(`cases.sections.${each}`, { count: bySection[each].length })} data-testid={`cases-tab-${each}`} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`cases-panel-${section}`} aria-labelledby={`cases-tab-${section}`} sx={{ pt: 2 }}>
        <CaseTable rows={bySection[section]} clock={clock} extraHeading={extraFor[section].heading} extra={extraFor[section].cell} empty={t(`cases.empty.${section}`)} testId={`cases-table-${section}`} />
      </Box>
      {teamsOn && discussing && (section === 'waiting' || section === 'sent') && caseById.get(discussing) && (
        <CaseColleagues key={discussing} submitted={caseById.get(discussing) as SubmittedCase} onClose={() => setDiscussing(null)} />
      )}

      {deleting && (
        <Dialog open onClose={() => setDeleting(null)} aria-labelledby="delete-draft-title" aria-describedby="delete-draft-text">
          <DialogTitle id="delete-draft-title" component="h2">
            {t('cases.deleteTitle')}
          </DialogTitle>
          <DialogContent>
            <DialogContentText id="delete-draft-text">{t('cases.deleteText', { summary: deleting.summary || t('cases.noSummary') })}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(null)}>{t('cases.keepDraft')}</Button>
            <Button
              color="error"
              variant="contained"
              onClick={() => {
                const id = deleting.id;
                setDeleting(null);
                void discardDraft(db, id);
              }}
            >
              {t('cases.deleteConfirm')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {changing && (
        <EditSentCaseDialog
          db={db}
          submitted={changing}
          onClose={() => setChanging(null)}
          onSaved={(changed) => {
            setChanging(null);
            setConfirmation(null);
            setChangeSaved(changed.content.summary);
            setSection('waiting');
          }}
        />
      )}
      {comparing && (
        <ConflictDialog
          submitted={comparing}
          onClose={() => setComparing(null)}
          onKeep={(keep) => {
            const id = comparing.id;
            setComparing(null);
            void resolveConflict(db, id, keep);
          }}
        />
      )}
    </Box>
  );
}
