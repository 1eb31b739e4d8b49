import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactHistorySlice } from '../../shared/contract/residents';
import { CONTACT_CHANNELS, type ContactChannel, type ContactRecord } from '../../shared/domain/contact';
import { useBridge } from '../bridge/bridge-context';
import { useContactIfAny } from '../contact/contact-context';
import { Section } from './Section';

/**
 * Every contact across every channel, newest first, filtered by channel, a page at a time;
 * the contact in hand first of all, from this computer, before the council's system has it.
 */
export function ContactTimeline({ accessId, residentId }: { accessId: string; residentId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const inHand = useContactIfAny()?.current ?? null;
  const now = inHand && (inHand.residentIds ?? []).includes(residentId) ? inHand : null;
  // The contact in hand's own channel: an Interaction's channels are all contact-history channels.
  const nowChannel: ContactChannel | null = now ? now.channel : null;
  const [channels, setChannels] = useState<ContactChannel[]>([]);
  const [pages, setPages] = useState<{ channels: ContactChannel[]; contacts: ContactRecord[]; next: string | null; names: Record<string, string> } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (wanted: ContactChannel[], cursor: string | null, before: ContactRecord[], names: Record<string, string>) => {
    const outcome = await bridge.residents.contactHistory({ accessId, cursor, channels: wanted });
    if (!outcome.ok) return setProblem(outcome.error.message);
    const page: ContactHistorySlice = outcome.value;
    setProblem(null);
    setPages({ channels: wanted, contacts: [...before, ...page.contacts], next: page.nextCursor, names: { ...names, ...page.staffNames } });
  };

  useEffect(() => {
    let live = true;
    void bridge.residents.contactHistory({ accessId, cursor: null, channels }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setPages({ channels, contacts: outcome.value.contacts, next: outcome.value.nextCursor, names: outcome.value.staffNames });
      else setProblem(outcome.error.message);
    });
    return () => {
      live = false;
    };
  }, [accessId, bridge, channels]);

  const toggle = (channel: ContactChannel) => setChannels((current) => (current.includes(channel) ? current.filter((each) => each !== channel) : [...current, channel]));

  return (
    <Section id="timeline" title={t('resident.timeline')}>
      <FormGroup row aria-label={t('resident.channelFilter')}>
        {CONTACT_CHANNELS.map((channel) => (
          <FormControlLabel key={channel} control={<Checkbox checked={channels.includes(channel)} onChange={() => toggle(channel)} />} label={t(`contactChannels.${channel}`)} />
        ))}
      </FormGroup>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Box component="ol" sx={{ pl: 2 }} data-testid="timeline">
        {now && nowChannel && (channels.length === 0 || channels.includes(nowChannel)) && (
          <li data-testid="timeline-now">
            <strong>{t('resident.thisContact', { channel: t(`contactChannels.${nowChannel}`), state: t(`resident.contactStates.${now.status === 'wrap-up' ? 'wrap-up' : 'in-progress'}`) })}</strong>
            {now.outcomes.length > 0 && ` · ${t('resident.thisContactOutcomes', { outcomes: now.outcomes.map((outcome) => outcome.summary).join('; ') })}`}
          </li>
        )}
        {pages?.contacts.map((contact) => (
          <li key={contact.id}>
            <strong>{new Date(contact.occurredAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</strong> · {t(`contactChannels.${contact.channel}`)} · {contact.summary} ·{' '}
            {t(`contactOutcomes.${contact.outcome}`)} · {pages.names[contact.staffId] ?? contact.staffId}
          </li>
        ))}
      </Box>
      {pages?.contacts.length === 0 && t('resident.noContacts')}
      {pages?.next && (
        <Button variant="outlined" onClick={() => void load(pages.channels, pages.next, pages.contacts, pages.names)}>
          {t('resident.moreContacts')}
        </Button>
      )}
    </Section>
  );
}
