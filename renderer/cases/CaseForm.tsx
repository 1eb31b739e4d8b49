import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type FocusEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import { CASE_CATEGORIES, SERVICE_OF_CATEGORY, type CasePriority, type CaseService } from '../../shared/domain/case';
import type { CaseDraft, DraftFocus } from '../../shared/domain/case-draft';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import { categoryNeedsPlace, validateCaseDraft, type CaseProblem } from '../../shared/domain/case-validation';
import { useSession } from '../session/session-context';
import { useContactIfAny } from '../contact/contact-context';
import { GetInterpreterButton } from '../languages/InterpreterDialog';
import type { StandardsClock } from '../scripts/use-standards';
import { useStandards } from '../scripts/use-standards';
import { caseDatabase, type CaseDatabase } from '../storage/case-database';
import { submitDraft } from '../sync/case-store';
import { standardForCategory } from './case-standards';
import { ErrorSummary, type FieldError } from './ErrorSummary';
import { CaseDetailFields } from './CaseDetailFields';
import { useCaseTextLengths } from './case-text-lengths';
import { EvidenceList } from './EvidenceList';
import { addEvidence, removeEvidence } from './evidence-files';
import { SaveStatus } from './SaveStatus';
import { useDraftAutosave } from './use-draft-autosave';

const SERVICES = [...new Set(Object.values(SERVICE_OF_CATEGORY))];
const PRIORITIES: readonly CasePriority[] = ['routine', 'urgent', 'emergency'];

type ProblemField = CaseProblem['field'];

/** The control each problem sends staff to from the error summary. */
const targetOf = (field: ProblemField) => `case-${field}`;

/** Where the cursor is, if it is in one of the form's named fields. */
function focusOf(target: EventTarget | null): DraftFocus | null {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) || !target.name) return null;
  const hasText = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && ['text', 'search', 'tel', 'email', 'url'].includes(target.type));
  return { field: target.name, selectionStart: hasText ? target.selectionStart : null, selectionEnd: hasText ? target.selectionEnd : null };
}

/** Puts the cursor back where it was when the draft was last saved. */
function restoreFocus(form: HTMLFormElement, focus: DraftFocus) {
  // Field names are the draft's own keys; anything else did not come from this form.
  if (!/^[A-Za-z]+$/.test(focus.field)) return;
  const element = form.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${focus.field}"]:not([aria-hidden="true"])`);
  if (!element) return;
  element.focus();
  if (!(element instanceof HTMLSelectElement) && focus.selectionStart !== null && typeof element.setSelectionRange === 'function') {
    try {
      element.setSelectionRange(focus.selectionStart, focus.selectionEnd ?? focus.selectionStart);
    } catch {
      // Inputs without text selection (checkboxes, radios) just take the focus.
    }
  }
}

/**
 * The case form: one draft, saved as it is typed. Loads the draft, then hands it to the form
 * proper, so the form only ever starts from what is on disk.
 */
export function CaseForm({ draftId, onSubmitted, onClose }: { draftId: string; onSubmitted: (submitted: SubmittedCase) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const db = caseDatabase();
  const clock = useStandards();
  const [draft, setDraft] = useState<CaseDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void db.caseDrafts.get(draftId).then((found) => {
      if (live) setDraft(found ?? null);
    });
    return () => {
      live = false;
    };
  }, [db, draftId]);
  if (draft === undefined || !clock) return <Typography>{t('caseForm.loading')}</Typography>;
  if (draft === null)
    return (
      <Box>
        <Typography sx={{ mb: 2 }}>{t('caseForm.gone')}</Typography>
        <Button variant="outlined" onClick={onClose}>
          {t('caseForm.backToCases')}
        </Button>
      </Box>
    );
  return <DraftForm key={draft.id} db={db} initial={draft} clock={clock} onSubmitted={onSubmitted} onClose={onClose} />;
}

function DraftForm({ db, initial, clock, onSubmitted, onClose }: { db: CaseDatabase; initial: CaseDraft; clock: StandardsClock; onSubmitted: (submitted: SubmittedCase) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const contact = useContactIfAny();
  const textLengths = useCaseTextLengths();
  // Whoever the contact is about, checked or not: the officer may raise the case for them.
  const openResident = contact?.about?.view ?? null;
  const { draft, saveState, change, noteFocus, flush, runInTurn, current, retire } = useDraftAutosave(db, initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const residentRef = useRef<HTMLParagraphElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The council may set its own limit; until it does, CivicDesk's.
  const limit = session.maxAttachmentBytes;

  // Back where the cursor was: the same field, the same characters selected.
  useEffect(() => {
    if (formRef.current && initial.focus) restoreFocus(formRef.current, initial.focus);
  }, [initial.focus]);

  const problems = validateCaseDraft(draft);
  const shown = (field: ProblemField) => attempted || touched.has(field);
  const problemFor = (field: ProblemField) => {
    const problem = problems.find((each) => each.field === field);
    return problem && shown(field) ? t(`caseForm.errors.${problem.code}`, problem.values) : null;
  };
  const summaryErrors: FieldError[] = attempted ? problems.map((problem) => ({ target: targetOf(problem.field), text: t(`caseForm.errors.${problem.code}`, problem.values) })) : [];

  /** A field changed: the draft changes with it, and the due date follows the type of case and priority. */
  const update = (patch: Partial<CaseDraft>, event?: SyntheticEvent) => {
    const next = { ...current(), ...patch };
    const serviceStandard = standardForCategory(next.category, next.priority);
    const dueOn = serviceStandard ? (clock.dueOn(serviceStandard, next.receivedOn) ?? next.receivedOn) : next.receivedOn;
    change({ ...patch, serviceStandard, dueOn }, event ? focusOf(event.target) : undefined);
  };

  const onCaretMove = (event: SyntheticEvent) => {
    const focus = focusOf(event.target);
    if (focus) noteFocus(focus);
  };

  const onLeave = (event: FocusEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') {
      setTouched((before) => (before.has(name) ? before : new Set([...before, name])));
    }
    void flush();
  };

  const submit = async () => {
    setAttempted(true);
    await flush();
    if (validateCaseDraft(current()).length > 0) {
      // After the summary has rendered: focus it, so it is read out first.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSending(true);
    // An anonymous report carries nobody's name, and "no contact" is the only way back.
    const now = current();
    if (now.anonymous) change({ residentId: null, residentName: null, contactPreference: now.contactPreference || 'no-contact' });
    await flush();
    retire();
    const submitted = await submitDraft(db, now.id, session.user?.id ?? null);
    setSending(false);
    if (submitted) onSubmitted(submitted);
  };

  const standard = draft.serviceStandard ? clock.find(draft.serviceStandard) : undefined;
  const categories = CASE_CATEGORIES.filter((category) => SERVICE_OF_CATEGORY[category] === draft.service || category === draft.category);
  const placeNeeded = categoryNeedsPlace(draft.category);
  const residentError = problemFor('anonymous');

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      aria-labelledby="case-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onBlur={onLeave}
      onKeyDown={(event) => {
        // Ctrl+Enter sends from anywhere in the form (the help overlay lists it).
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
      onKeyUp={onCaretMove}
      onClick={onCaretMove}
      onSelect={onCaretMove}
      onFocus={onCaretMove}
      sx={{ maxWidth: '48rem' }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: 1, mb: 2 }}>
        <Typography id="case-form-title" component="h2" variant="h5" sx={{ fontWeight: 700 }}>
          {t('caseForm.title')}
        </Typography>
        <SaveStatus state={saveState} />
      </Box>
      {summaryErrors.length > 0 && <ErrorSummary ref={summaryRef} errors={summaryErrors} />}

      <Box sx={{ mb: 2 }} data-testid="case-resident">
        {draft.anonymous ? (
          <Typography>{t('caseForm.anonymousShown')}</Typography>
        ) : draft.residentId ? (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <Typography ref={residentRef} tabIndex={-1}>
              {t('caseForm.forResident', { name: draft.residentName ?? t('caseForm.unnamedResident') })}
            </Typography>
            {/* The resident open now is this case's resident: their language is known, so an interpreter is one click away. */}
            {openResident?.residentId === draft.residentId && !/^en(?:-|$)/i.test(openResident.communication.language.preferred) && (
              <GetInterpreterButton language={openResident.communication.language.preferred} residentId={draft.residentId} />
            )}
          </Box>
        ) : openResident ? (
          <Button
            variant="outlined"
            onClick={() => {
              update({ residentId: openResident.residentId, residentName: openResident.name });
              // The button goes: the focus goes to what replaced it.
              requestAnimationFrame(() => residentRef.current?.focus());
            }}
          >
            {t('caseForm.useOpenResident', { name: openResident.name })}
          </Button>
        ) : (
          <Typography>{t('caseForm.noResident')}</Typography>
        )}
        <FormControl error={residentError !== null} sx={{ display: 'block', mt: 1 }}>
          <FormControlLabel
            control={
              <Checkbox
                id={targetOf('anonymous')}
                name="anonymous"
                checked={draft.anonymous}
                onChange={(event) => update({ anonymous: event.target.checked }, event)}
                slotProps={{ input: { 'aria-invalid': residentError !== null, 'aria-describedby': residentError ? 'case-anonymous-error case-anonymous-hint' : 'case-anonymous-hint' } }}
              />
            }
            label={t('caseForm.anonymous')}
          />
          <FormHelperText id="case-anonymous-hint" sx={{ mx: 0 }}>
            {t('caseForm.anonymousHint')}
          </FormHelperText>
          {residentError && (
            <FormHelperText id="case-anonymous-error" sx={{ mx: 0 }}>
              {residentError}
            </FormHelperText>
          )}
        </FormControl>
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, mb: 2 }}>
        <TextField
          select
          id={targetOf('service')}
          name="service"
          label={t('caseForm.service')}
          value={draft.service}
          onChange={(event) => update({ service: event.target.value }, event)}
          error={problemFor('service') !== null}
          helperText={problemFor('service')}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{t('caseForm.chooseService')}</option>
          {SERVICES.map((service: CaseService) => (
            <option key={service} value={service}>
              {t(`services.${service}`)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          id={targetOf('category')}
          name="category"
          label={t('caseForm.category')}
          value={draft.category}
          onChange={(event) => update({ category: event.target.value }, event)}
          error={problemFor('category') !== null}
          helperText={problemFor('category') ?? (standard ? t('caseForm.standardHint', { standard: standard.name, date: longDate(draft.dueOn) }) : null)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{draft.service ? t('caseForm.chooseCategory') : t('caseForm.chooseServiceFirst')}</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {t(`caseCategories.${category}`)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          id={targetOf('priority')}
          name="priority"
          label={t('caseForm.priority')}
          value={draft.priority}
          onChange={(event) => update({ priority: event.target.value as CasePriority }, event)}
          helperText={draft.priority === 'emergency' ? t('caseForm.emergencyHint') : null}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`outcome.priorities.${priority}`)}
            </option>
          ))}
        </TextField>
      </Box>

      <CaseDetailFields
        values={draft}
        anonymous={draft.anonymous}
        placeNeeded={placeNeeded}
        problemFor={problemFor}
        idPrefix="case"
        onChange={(patch, event) => update(patch, event)}
        descriptionHolds={textLengths?.description ?? null}
      />

      <EvidenceList
        db={db}
        attachmentIds={draft.attachmentIds}
        limit={limit}
        error={problemFor('attachments')}
        onAdd={(files) => runInTurn((now) => addEvidence(db, now, files))}
        onRemove={(id) => runInTurn((now) => removeEvidence(db, now, id))}
      />

      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 3 }}>
        <Button type="submit" variant="contained" disabled={sending}>
          {sending ? t('caseForm.sending') : t('caseForm.submit')}
        </Button>
        <Button variant="text" onClick={() => void flush().then(onClose)}>
          {t('caseForm.saveAndClose')}
        </Button>
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('caseForm.keptHint')}
      </Typography>
    </Box>
  );
}
