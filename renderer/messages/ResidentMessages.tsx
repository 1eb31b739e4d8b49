import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ResidentMessage } from '../../shared/domain/resident-message';
import { Section } from '../residents/Section';
import { caseDatabase } from '../storage/case-database';
import { sendAgain } from './message-outbox';
import { useSendMessagesNow } from './message-sender-context';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Where a message is, in the officer's words: waiting, on its way, delivered, or not, and why. */
export function messageState(message: ResidentMessage, t: (key: string, values?: Record<string, unknown>) => string): string {
  if (message.state === 'waiting') return message.failure ? t('messages.state.waitingBecause', { reason: message.failure }) : t('messages.state.waiting');
  if (message.state === 'failed') return t('messages.state.failed', { reason: message.failure ?? '' });
  switch (message.delivery) {
    case 'delivered':
      return t('messages.state.delivered');
    case 'permanent-failure':
      return t(`messages.state.permanentFailure.${message.channel}`);
    case 'temporary-failure':
      return t(`messages.state.temporaryFailure.${message.channel}`);
    case 'technical-failure':
      return t('messages.state.technicalFailure');
    default:
      return t('messages.state.onItsWay');
  }
}

/**
 * Texts and emails sent to the resident from this computer, newest first, with how each is
 * getting on (asked of Notify while it is on its way). One Notify turned down can be sent again.
 */
export function ResidentMessages({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const db = caseDatabase();
  const sendNow = useSendMessagesNow();
  const messages = useLiveQuery(() => db.messages.where('residentId').equals(residentId).toArray(), [db, residentId]) ?? [];
  if (messages.length === 0) return null;
  const newestFirst = [...messages].sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
  return (
    <Section id="messages" title={t('messages.sectionTitle', { count: messages.length })}>
      <ul data-testid="resident-messages">
        {newestFirst.map((message) => (
          <li key={message.id} data-testid="resident-message">
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {t(`messages.sent.${message.channel}`, { purpose: t(`messages.purposeShort.${message.purpose}`), to: message.recipient.to })}
            </Typography>{' '}
            · {clock.format(new Date(message.sentAt ?? message.writtenAt))} ·{' '}
            <span data-testid="message-state" role="status">
              {messageState(message, t)}
            </span>
            {message.recipient.source === 'given' && ` · ${t('messages.givenOnContact')}`}
            {message.state === 'failed' && (
              <Button size="small" sx={{ ml: 1 }} onClick={() => void sendAgain(db, message.id).then(sendNow)}>
                {t('messages.sendAgain')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
