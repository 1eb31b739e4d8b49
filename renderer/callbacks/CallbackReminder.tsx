import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { useCallbacksIfAny } from './callbacks-context';
import { windowWords } from './callback-words';

/**
 * The reminder when a call back falls due, whatever place is open: said by screen readers as it
 * appears, without taking the focus from what the officer is typing. "Call back now" starts the
 * call with the resident's 360 view; "Later" puts it aside until the Callbacks place.
 */
export function CallbackReminder() {
  const { t } = useTranslation();
  const api = useCallbacksIfAny();
  const contact = useContact();
  const navigation = useNavigation();
  const [first] = api?.due ?? [];
  if (!api || !first) return null;
  const inHand = contact.current !== null && contact.current.status !== 'done';
  return (
    <Alert
      severity="info"
      role="alert"
      data-testid="callback-reminder"
      sx={{ mx: { xs: 2, md: 3 }, mt: 1 }}
      action={
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {!inHand && (
            <Button
              variant="contained"
              size="small"
              onClick={() => {
                api.putAside(first.id);
                void contact.startCallback(first);
              }}
            >
              {t('callbacks.start')}
            </Button>
          )}
          <Button
            size="small"
            color="inherit"
            onClick={() => {
              api.putAside(first.id);
              navigation?.refocus();
            }}
          >
            {t('callbacks.later')}
          </Button>
        </Box>
      }
    >
      {t('callbacks.dueNow', { name: first.residentName, number: first.number, reason: first.reason, window: windowWords(first, t) })}
      {api.due.length > 1 && ` ${t('callbacks.moreDue', { count: api.due.length - 1 })}`}
    </Alert>
  );
}
