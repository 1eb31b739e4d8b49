import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import { categoryNeedsPlace, validateCaseDraft } from '../../shared/domain/case-validation';
import type { CaseDatabase } from '../storage/case-database';
import { editSentCase, type EditableCaseFields } from '../sync/case-store';
import { CaseDetailFields } from './CaseDetailFields';
import { ErrorSummary, type FieldError } from './ErrorSummary';

const EDITABLE = ['summary', 'description', 'location', 'postcode', 'contactPreference'] as const satisfies readonly (keyof EditableCaseFields)[];
type Editable = (typeof EDITABLE)[number];

/** The control each problem sends staff to from the error summary. */
const targetOf = (field: Editable) => `edit-case-${field}`;
const FORM_ID = 'edit-sent-case-form';

/** The fields a person changed, and only those: the rest of the case stays as the council's system has it. */
export function changedFields(before: EditableCaseFields, after: EditableCaseFields): Partial<EditableCaseFields> {
  const changes: Partial<EditableCaseFields> = {};
  for (const field of EDITABLE) {
    if (after[field] !== before[field]) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

/**
 * Changing a case the council's system already has: its summary, description, place and how
 * the resident wants to hear back, checked as the case form checks them. Saving keeps the
 * change on this computer at once and queues it to send; what was typed is never cleared.
 */
export function EditSentCaseDialog({ db, submitted, onClose, onSaved }: { db: CaseDatabase; submitted: SubmittedCase; onClose: () => void; onSaved: (changed: SubmittedCase) => void }) {
  const { t } = useTranslation();
  const original: EditableCaseFields = {
    summary: submitted.content.summary,
    description: submitted.content.description,
    location: submitted.content.location,
    postcode: submitted.content.postcode,
    contactPreference: submitted.content.contactPreference,
  };
  const [fields, setFields] = useState<EditableCaseFields>(original);
  const [attempted, setAttempted] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The case form's own checks, on the case as it would be after the change; only the
  // problems with the fields this dialog can change are this dialog's to show.
  const check = (next: EditableCaseFields) =>
    validateCaseDraft({ ...submitted.content, ...next, status: 'draft', focus: null, createdAt: submitted.submittedAt, updatedAt: submitted.submittedAt }).filter((problem): problem is typeof problem & { field: Editable } =>
      (EDITABLE as readonly string[]).includes(problem.field),
    );
  const problems = check(fields);
  const problemFor = (field: Editable) => {
    const problem = attempted ? problems.find((each) => each.field === field) : undefined;
    return problem ? t(`caseForm.errors.${problem.code}`, problem.values) : null;
  };
  const summaryErrors: FieldError[] = attempted ? problems.map((problem) => ({ target: targetOf(problem.field), text: t(`caseForm.errors.${problem.code}`, problem.values) })) : [];

  const change = (patch: Partial<EditableCaseFields>) => {
    setUnchanged(false);
    setFields((before) => ({ ...before, ...patch }));
  };

  const save = async () => {
    setAttempted(true);
    if (check(fields).length > 0) {
      // After the summary has rendered: focus it, so it is read out first.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const changes = changedFields(original, fields);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await editSentCase(db, submitted.id, changes);
    } catch (error) {
      // Nothing was kept (one transaction): what was typed stays on screen to try again.
      setFailure(error instanceof Error ? error.message : String(error));
      setSaving(false);
      return;
    }
    setSaving(false);
    onSaved({ ...submitted, content: { ...submitted.content, ...changes }, syncState: 'waiting' });
  };

  const placeNeeded = categoryNeedsPlace(submitted.content.category);

  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby="edit-case-title" aria-describedby="edit-case-intro" maxWidth="md" fullWidth>
      <DialogTitle id="edit-case-title" component="h2">
        {t('cases.edit.title')}
      </DialogTitle>
      <DialogContent>
        <Box
          component="form"
          id={FORM_ID}
          noValidate
          aria-labelledby="edit-case-title"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Typography id="edit-case-intro" sx={{ mb: 2 }}>
            {t('cases.edit.intro', { summary: original.summary })}
          </Typography>
          {summaryErrors.length > 0 && <ErrorSummary ref={summaryRef} errors={summaryErrors} />}
          {failure && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="edit-case-failed">
              {t('cases.edit.failed', { problem: failure })}
            </Alert>
          )}
          {unchanged && (
            <Alert severity="info" role="status" sx={{ mb: 2 }} data-testid="edit-case-unchanged">
              {t('cases.edit.unchanged')}
            </Alert>
          )}
          <CaseDetailFields
            values={fields}
            anonymous={submitted.content.anonymous}
            placeNeeded={placeNeeded}
            problemFor={problemFor}
            idPrefix="edit-case"
            onChange={(patch) => change(patch)}
          />
        </Box>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onClose} disabled={saving}>
          {t('cases.edit.cancel')}
        </Button>
        <Button type="submit" form={FORM_ID} variant="contained" disabled={saving}>
          {saving ? t('cases.edit.saving') : t('cases.edit.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
