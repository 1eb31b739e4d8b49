import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SubmittedCase } from '../../shared/domain/case-sync';

const COMPARED = ['summary', 'description', 'location', 'postcode', 'contactPreference'] as const;

/**
 * Someone changed the case in the council's system while this computer had a change of its
 * own. Both versions side by side, field by field, with the differences said in words; the
 * person chooses which to keep.
 */
export function ConflictDialog({ submitted, onKeep, onClose }: { submitted: SubmittedCase; onKeep: (keep: 'mine' | 'theirs') => void; onClose: () => void }) {
  const { t } = useTranslation();
  const theirs = submitted.theirs;
  const say = (field: (typeof COMPARED)[number], value: string) => (field === 'contactPreference' && value ? t(`caseForm.contactPreferences.${value}`) : value || t('cases.conflict.empty'));
  return (
    <Dialog open onClose={onClose} aria-labelledby="conflict-title" aria-describedby="conflict-intro" maxWidth="md" fullWidth>
      <DialogTitle id="conflict-title" component="h2">
        {t('cases.conflict.title')}
      </DialogTitle>
      <DialogContent>
        <Typography id="conflict-intro" sx={{ mb: 2 }}>
          {t('cases.conflict.intro', { summary: submitted.content.summary })}
        </Typography>
        <Table size="small" aria-label={t('cases.conflict.tableLabel')} sx={{ tableLayout: 'fixed', '& td, & th': { verticalAlign: 'top', overflowWrap: 'anywhere' } }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('cases.conflict.field')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('cases.conflict.mine')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('cases.conflict.theirs')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {COMPARED.map((field) => {
              const mine = String(submitted.content[field]);
              const other = theirs ? String(theirs[field]) : '';
              const differs = mine !== other;
              return (
                <TableRow key={field} data-testid={`conflict-${field}`}>
                  <TableCell component="th" scope="row" sx={{ fontWeight: differs ? 700 : 400 }}>
                    {t(`cases.conflict.fields.${field}`)}
                    {differs && (
                      <Typography component="span" variant="body2" sx={{ display: 'block', fontWeight: 700 }}>
                        {t('cases.conflict.differs')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{say(field, mine)}</TableCell>
                  <TableCell>{say(field, other)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onClose}>{t('cases.conflict.later')}</Button>
        <Button variant="outlined" onClick={() => onKeep('theirs')}>
          {t('cases.conflict.keepTheirs')}
        </Button>
        <Button variant="contained" onClick={() => onKeep('mine')}>
          {t('cases.conflict.keepMine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
