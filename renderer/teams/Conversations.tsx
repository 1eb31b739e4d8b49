import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatReply } from '../../shared/contract/microsoft365';
import { useBridge } from '../bridge/bridge-context';
import { useEvery } from '../colleagues/use-every';
import { caseDatabase } from '../storage/case-database';
import { tryAgain } from './teams-outbox';
import type { TeamsOutboxItem } from './teams-outbox-item';
import { useSendTeamsNow } from './teams-sender-context';

/** How often an answered question's replies are fetched again while shown. */
export const REPLIES_INTERVAL_MS = 30_000;

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** What colleagues answered, as plain text (never HTML), with a button to look again. */
function Replies({ chatId }: { chatId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [replies, setReplies] = useState<ChatReply[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(
    () =>
      bridge.teams.replies({ chatId }).then((outcome) => {
        if (outcome.ok) {
          setReplies(outcome.value.filter((reply) => !reply.fromCivicDesk));
          setProblem(null);
        } else setProblem(outcome.error.message);
      }),
    [bridge, chatId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEvery(load, REPLIES_INTERVAL_MS, true);
  return (
    <Box sx={{ mt: 1, pl: 2, borderLeft: 2, borderColor: 'divider' }}>
      {problem && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {problem}
        </Alert>
      )}
      {replies && replies.length === 0 && <Typography variant="body2">{t('teams.conversations.noReplies')}</Typography>}
      {replies && replies.length > 0 && (
        <Box component="ul" aria-label={t('teams.conversations.replies')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <Typography variant="body2" sx={{ fontWeight: 700 }}>
                {t('teams.conversations.replyFrom', { name: reply.from, time: clockTime(reply.sentAt) })}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mb: 1 }}>
                {reply.text}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Button size="small" onClick={() => void load()}>
        {t('teams.conversations.refresh')}
      </Button>
    </Box>
  );
}

function stateWords(item: TeamsOutboxItem, t: (key: string, values?: Record<string, unknown>) => string): string {
  if (item.state === 'waiting') return t('teams.conversations.waiting');
  if (item.state === 'failed') return t('teams.conversations.failed', { reason: item.failure ?? t('teams.conversations.noReason') });
  const time = item.sentAt ? clockTime(item.sentAt) : '';
  return item.late ? t('teams.conversations.sentLate', { time }) : t('teams.conversations.sent', { time });
}

/** Every question and escalation about this case, oldest first, with how each is going. */
export function Conversations({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const db = caseDatabase();
  const sendNow = useSendTeamsNow();
  const items = useLiveQuery(() => db.teamsOutbox.where('caseId').equals(caseId).toArray(), [db, caseId]);
  const sorted = [...(items ?? [])].sort((a, b) => a.input.writtenAt.localeCompare(b.input.writtenAt));
  return (
    <Box component="section" aria-labelledby={`conversations-${caseId}`} sx={{ mt: 2 }}>
      <Typography id={`conversations-${caseId}`} component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
        {t('teams.conversations.heading')}
      </Typography>
      {items && sorted.length === 0 && <Typography variant="body2">{t('teams.conversations.none')}</Typography>}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {sorted.map((item) => (
          <Box component="li" key={item.id} data-testid="conversation" sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="body2" sx={{ fontWeight: 700 }}>
              {item.kind === 'ask' ? t('teams.conversations.asked') : t('teams.conversations.escalated', { service: t(`services.${item.input.service}`, { defaultValue: item.input.service }) })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.input.note}
            </Typography>
            <Typography variant="body2" role="status" data-testid="conversation-state">
              {stateWords(item, t)}
            </Typography>
            {item.state === 'failed' && (
              <Button size="small" variant="outlined" sx={{ mt: 0.5 }} onClick={() => void tryAgain(db, item.id).then(sendNow)}>
                {t('teams.conversations.tryAgain')}
              </Button>
            )}
            {item.kind === 'ask' && item.state === 'sent' && item.chatId && <Replies chatId={item.chatId} />}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
