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
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYS_IN_PLACE, SHORTCUTS } from '../navigation/shortcuts';

/** F1 or ?: every shortcut, from the same table the keys are handled by. */
export const HelpOverlay = memo(function HelpOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="help-title" maxWidth="sm" fullWidth>
      <DialogTitle id="help-title" component="h2">
        {t('help.title')}
      </DialogTitle>
      {/* Focusable, so a keyboard can scroll the list when it is longer than the screen. */}
      <DialogContent tabIndex={0} role="region" aria-labelledby="help-title">
        <ShortcutTable />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('help.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
});

/**
 * The table, drawn only while the dialog is: the overlay is in the workstation from its first
 * screen, and translating and drawing every row there was 12-14 ms of a start (profiled).
 */
function ShortcutTable() {
  const { t } = useTranslation();
  const describe = (label: (typeof SHORTCUTS)[number]['label']) =>
    t(label.key, Object.fromEntries(Object.entries(label.values ?? {}).map(([name, key]) => [name, t(key)])));
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">{t('help.keys')}</TableCell>
          <TableCell component="th" scope="col">{t('help.action')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {SHORTCUTS.map((shortcut) => (
          <TableRow key={shortcut.keys.join('+')}>
            <TableCell>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && '+'}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </TableCell>
            <TableCell>{describe(shortcut.label)}</TableCell>
          </TableRow>
        ))}
        {KEYS_IN_PLACE.map((entry) => (
          <TableRow key={entry.label}>
            <TableCell>
              {entry.keys.map((key, index) => (
                <span key={`${key}-${index}`}>
                  {index > 0 && key !== '…' && entry.keys[index - 1] !== '…' && '+'}
                  {key === '…' ? ' … ' : <kbd>{key}</kbd>}
                </span>
              ))}
            </TableCell>
            <TableCell>{t(entry.label)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
