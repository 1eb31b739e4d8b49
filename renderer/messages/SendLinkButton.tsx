import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identifiedResident, useContactIfAny } from '../contact/contact-context';
import { caseDatabase } from '../storage/case-database';
import { messageState } from './ResidentMessages';
import { SendMessageDialog } from './SendMessageDialog';

/**
 * "Text or email this link" under an online route a script offers: channel shift made real,
 * to the resident the contact is about once their identity is checked.
 */
export function SendLinkButton({ service, link }: { service: string; link: string }) {
  const { t } = useTranslation();
  const contact = useContactIfAny();
  const resident = contact ? identifiedResident(contact) : null;
  const interactionId = contact?.current?.id ?? null;
  const [open, setOpen] = useState(false);
  const db = caseDatabase();
  // What this contact sent of this link, oldest first: shown here at once, and on the 360 view.
  const sent = useLiveQuery(
    async () =>
      interactionId === null
        ? []
        : (await db.messages.where('interactionId').equals(interactionId).toArray()).filter((each) => each.purpose === 'online-link' && each.personalisation.link === link).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt)),
    [db, interactionId, link],
  );
  if (!resident?.record) {
    return <Typography sx={{ mt: 1 }}>{t('messages.linkNeedsResident')}</Typography>;
  }
  return (
    <>
      <Button variant="outlined" sx={{ mt: 1 }} onClick={() => setOpen(true)}>
        {t('messages.sendLink')}
      </Button>
      {sent && sent.length > 0 && (
        <ul data-testid="link-messages">
          {sent.map((message) => (
            <li key={message.id}>
              {t(`messages.sent.${message.channel}`, { purpose: t('messages.purposeShort.online-link'), to: message.recipient.to })}: <span role="status">{messageState(message, t)}</span>
            </li>
          ))}
        </ul>
      )}
      {open && <SendMessageDialog record={resident.record} about={{ purpose: 'online-link', values: { service, link }, interactionId, caseId: null }} onClose={() => setOpen(false)} />}
    </>
  );
}
