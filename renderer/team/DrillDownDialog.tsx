import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../shared/contract/outcome';
import { MOST_CONTACTS_IN_DRILL_DOWN } from '../../shared/contract/team';
import type { TeamContact } from '../../shared/domain/team-measures';
import { useSessionIfAny } from '../session/session-context';
import { FigureTable } from './FigurePanel';
import { contactsTable } from './team-contacts';

/** What a contact list shows: its title, and how to fetch its contacts. */
export interface ContactList {
  title: string;
  load: () => Promise<Outcome<TeamContact[]>>;
  /** What to say when the list is empty. */
  empty: string;
}

/**
 * The contacts behind a figure, most recent first, with a way to review each. Closing it
 * gives the focus back to the button that opened it (MUI's dialog does).
 */
export function DrillDownDialog({ list, canReview, onReview, onClose }: { list: ContactList; canReview: (contact: TeamContact) => boolean; onReview: (contact: TeamContact) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [contacts, setContacts] = useState<TeamContact[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void list.load().then((outcome) => {
      if (!live) return;
      if (outcome.ok) setContacts(outcome.value);
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [list]);

  const { title } = list;
  const dispositions = useSessionIfAny()?.dispositions ?? [];
  const dispositionLabel = (code: string) => dispositions.find((each) => each.code === code)?.label ?? code;
  const table = contacts ? contactsTable(contacts, t, title, dispositionLabel) : null;
  return (
    <Dialog open onClose={onClose} maxWidth="xl" fullWidth aria-labelledby="drill-down-title" data-testid="drill-down">
      <DialogTitle id="drill-down-title">{title}</DialogTitle>
      <DialogContent>
        {problem && <Alert severity="error">{problem}</Alert>}
        {!problem && !contacts && <CircularProgress size="1.5rem" aria-label={t('team.loadingContacts')} />}
        {contacts && contacts.length === 0 && <Typography>{list.empty}</Typography>}
        {contacts && contacts.length > 0 && table && (
          <>
            <Typography sx={{ mb: 1 }}>{contacts.length >= MOST_CONTACTS_IN_DRILL_DOWN ? t('team.mostRecent', { count: contacts.length }) : t('team.contactsFound', { count: contacts.length })}</Typography>
            <FigureTable
              table={table}
              testId="drill-down-table"
              action={{
                heading: t('team.column.review'),
                cell: (index) => {
                  const contact = contacts[index];
                  if (!contact || !canReview(contact)) return t('team.cannotReview');
                  return (
                    <Button size="small" onClick={() => onReview(contact)}>
                      {t('quality.review')}
                    </Button>
                  );
                },
              }}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('team.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
