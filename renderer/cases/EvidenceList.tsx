import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAttachment } from '../../shared/domain/case-sync';
import type { CaseDatabase } from '../storage/case-database';
import { refusalFor, sizeInWords, type EvidenceRefusal } from './evidence-files';

/**
 * Photos and PDFs for the case: a labelled button opens the file picker; each file too big or
 * of a kind the back office cannot take is named with the reason and left out, the rest kept.
 */
export function EvidenceList({ db, attachmentIds, limit, error, onAdd, onRemove }: { db: CaseDatabase; attachmentIds: string[]; limit: number; error: string | null; onAdd: (files: File[]) => Promise<void>; onRemove: (id: string) => Promise<void> }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<EvidenceRefusal[]>([]);
  const [adding, setAdding] = useState(false);
  const key = attachmentIds.join(',');
  const rows = useLiveQuery(async () => (await db.attachments.bulkGet(attachmentIds)).filter((row): row is CaseAttachment => row !== undefined), [db, key]);

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Clear the picker so choosing the same file again (after removing it) still counts as a change.
    event.target.value = '';
    const refusals = files.map((file) => refusalFor(file, limit));
    setRefused(refusals.filter((each): each is EvidenceRefusal => each !== null));
    const accepted = files.filter((_, index) => refusals[index] === null);
    if (accepted.length === 0) return;
    setAdding(true);
    await onAdd(accepted);
    setAdding(false);
  };

  const refusalText = (refusal: EvidenceRefusal) =>
    refusal.reason === 'too-big' ? t('caseForm.evidence.tooBig', { name: refusal.fileName, size: sizeInWords(refusal.size), limit: sizeInWords(refusal.limit) }) : t('caseForm.evidence.wrongType', { name: refusal.fileName });

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }} aria-describedby={error ? 'case-attachments-hint case-attachments-error' : 'case-attachments-hint'}>
      <Typography component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
        {t('caseForm.evidence.legend')}
      </Typography>
      <FormHelperText id="case-attachments-hint" sx={{ mx: 0 }}>
        {t('caseForm.evidence.hint', { limit: sizeInWords(limit) })}
      </FormHelperText>
      {error && (
        <FormHelperText id="case-attachments-error" error sx={{ mx: 0 }}>
          {error}
        </FormHelperText>
      )}
      <input ref={input} type="file" accept="image/*,application/pdf" multiple onChange={(event) => void chosen(event)} aria-label={t('caseForm.evidence.add')} tabIndex={-1} style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }} data-testid="evidence-input" />
      <Button id="case-attachments" variant="outlined" onClick={() => input.current?.click()} disabled={adding} sx={{ mt: 1 }}>
        {adding ? t('caseForm.evidence.adding') : t('caseForm.evidence.add')}
      </Button>
      {refused.length > 0 && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }} data-testid="evidence-refused">
          <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {refused.map((refusal) => (
              <li key={refusal.fileName}>{refusalText(refusal)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'grid', gap: 1 }} aria-label={t('caseForm.evidence.listLabel')} data-testid="evidence-list">
          {rows.map((row) => (
            <Box component="li" key={row.id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
              {row.thumbnail ? (
                <img src={row.thumbnail} alt="" width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
              ) : (
                <Box aria-hidden="true" sx={{ width: 48, height: 48, border: 1, borderColor: 'divider', borderRadius: 1, display: 'grid', placeItems: 'center', fontSize: '0.75rem' }}>
                  {row.mimeType === 'application/pdf' ? t('caseForm.evidence.pdf') : t('caseForm.evidence.image')}
                </Box>
              )}
              <Typography sx={{ flex: '1 1 12rem', minWidth: 0, overflowWrap: 'anywhere' }}>{t('caseForm.evidence.file', { name: row.fileName, size: sizeInWords(row.size) })}</Typography>
              <Button size="small" onClick={() => void onRemove(row.id)} aria-label={t('caseForm.evidence.removeNamed', { name: row.fileName })}>
                {t('caseForm.evidence.remove')}
              </Button>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
