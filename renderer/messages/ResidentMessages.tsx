import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentMessageRecord } from '../../shared/contract/messages';
import type { ResidentMessage } from '../../shared/domain/resident-message';
import { useBridge } from '../bridge/bridge-context';
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

/** Delivery in the officer's words for a message another computer sent (or this one, once recorded). */
function recordedState(delivery: ResidentMessageRecord['delivery'], channel: ResidentMessageRecord['channel'], t: (key: string) => string): string {
  switch (delivery) {
    case null:
      return t('messages.state.sent');
    case 'delivered':
      return t('messages.state.delivered');
    case 'permanent-failure':
      return t(`messages.state.permanentFailure.${channel}`);
    case 'temporary-failure':
      return t(`messages.state.temporaryFailure.${channel}`);
    case 'technical-failure':
      return t('messages.state.technicalFailure');
    default:
      return t('messages.state.onItsWay');
  }
}

/**
 * The resident's texts and emails, newest first: those written on this computer at once, with
 * how each is getting on (one Notify turned down can be sent again), and those the council's
 * system has from other computers, with their delivery while Notify keeps it.
 */
export function ResidentMessages({ residentId, accessId }: { residentId: string; accessId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const db = caseDatabase();
  const sendNow = useSendMessagesNow();
  const messages = useLiveQuery(() => db.messages.where('residentId').equals(residentId).toArray(), [db, residentId]) ?? [];
  const [recorded, setRecorded] = useState<ResidentMessageRecord[]>([]);
  useEffect(() => {
    let live = true;
    void bridge.messages.forResident({ accessId }).then((outcome) => {
      // Offline, or refused: this computer's own are still shown.
      if (live && outcome.ok) setRecorded(outcome.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, accessId]);
  const here = new Set(messages.map((each) => each.id));
  const elsewhere = recorded.filter((each) => !here.has(each.id));
  if (messages.length + elsewhere.length === 0) return null;
  const newestFirst = [...messages].sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
  return (
    <Section id="messages" title={t('messages.sectionTitle', { count: messages.length + elsewhere.length })}>
      <ul data-testid="resident-messages">
        {elsewhere.map((message) => (
          <li key={message.id} data-testid="resident-message-recorded">
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {t(`messages.sent.${message.channel}`, { purpose: t(`messages.purposeShort.${message.purpose}`, { defaultValue: message.purpose }), to: message.to })}
            </Typography>{' '}
            · {clock.format(new Date(message.sentAt))} · {recordedState(message.delivery, message.channel, t)}
            {message.staffName && ` · ${t('messages.sentBy', { name: message.staffName })}`}
          </li>
        ))}
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
