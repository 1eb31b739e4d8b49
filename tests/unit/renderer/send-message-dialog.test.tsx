import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { MessageTemplates } from '../../../shared/contract/messages';
import type { Resident360 } from '../../../shared/domain/resident-360';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { SendMessageDialog } from '../../../renderer/messages/SendMessageDialog';
import { SessionProvider } from '../../../renderer/session/session-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, residentView, session } from '../support/fake-bridge';

const LINK = 'https://services.southwark.gov.uk/bins/report-missed';
const templates: MessageTemplates = {
  problem: null,
  templates: [
    { purpose: 'online-link', channel: 'sms', language: 'en', templateId: '2f7c8a3e-1b4d-4c5e-9f60-718293a4b5c6', version: 3, subject: null, body: 'Southwark Council: ((service)) at ((link))' },
    { purpose: 'online-link', channel: 'email', language: 'en', templateId: '3f7c8a3e-1b4d-4c5e-9f60-718293a4b5c6', version: 1, subject: 'How to ((service))', body: 'Go to ((link))' },
  ],
};
const ada = residentView.record as Resident360;
const withConsent = (smsConsent: boolean): Resident360 => ({ ...ada, resident: { ...ada.resident, preferences: { ...ada.resident.preferences, smsConsent } } });

async function show(record: Resident360) {
  const fake = fakeBridge(session, { 'messages.templates': () => templates });
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <SendMessageDialog record={record} about={{ purpose: 'online-link', values: { service: 'Report a missed bin collection', link: LINK }, interactionId: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', caseId: null }} onClose={onClose} />
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Text or email the online link' });
  await within(dialog).findByTestId('message-preview');
  return { dialog, onClose, user: userEvent.setup() };
}

describe('texting or emailing a resident', () => {
  it('shows the exact text, to the mobile on the record they agreed to, and writes it to the outbox by keyboard', async () => {
    const { dialog, onClose, user } = await show(withConsent(true));
    expect(within(dialog).getByTestId('message-preview').textContent).toContain(`Southwark Council: Report a missed bin collection at ${LINK}`);
    const body = `Southwark Council: Report a missed bin collection at ${LINK}`;
    expect(within(dialog).getByTestId('message-preview').textContent).toContain(`${body.length} characters`);
    expect(within(dialog).getByLabelText('07700 900123 (on their record, and they agreed)')).toHaveProperty('checked', true);
    // By keyboard: to the send button and press it.
    within(dialog).getByRole('button', { name: 'Send text message' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [message] = await caseDatabase().messages.toArray();
    expect(message).toMatchObject({ state: 'waiting', channel: 'sms', purpose: 'online-link', recipient: { source: 'record', to: '07700 900123' }, body: `Southwark Council: Report a missed bin collection at ${LINK}`, templateId: templates.templates[0]?.templateId, residentId: ada.resident.id, staffId: session.user?.id });
  });

  it('without consent to texts, refuses the record’s number with the reason, and sends nothing', async () => {
    const { dialog, onClose, user } = await show(withConsent(false));
    expect(within(dialog).getByTestId('message-refused').textContent).toContain('The resident has not agreed to texts.');
    expect(within(dialog).queryByLabelText(/on their record/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Send text message' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('The resident has not agreed to texts.');
    expect(onClose).not.toHaveBeenCalled();
    expect(await caseDatabase().messages.count()).toBe(0);
  });

  it('a number the resident gives now: checked, and sent only once the officer says they agreed, recorded as given', async () => {
    const { dialog, user } = await show(withConsent(false));
    await user.click(within(dialog).getByLabelText('A mobile number the resident gives you now'));
    await user.type(within(dialog).getByLabelText('Mobile number'), '020 7946 0123');
    await user.click(within(dialog).getByRole('button', { name: 'Send text message' }));
    expect(within(dialog).getByText('That is not a UK mobile number. It should start 07 (or +44 7) and have 11 digits.')).toBeTruthy();
    expect(within(dialog).getByText('Ask the resident, and tick this only if they agree.')).toBeTruthy();
    // What they typed is kept; they put it right.
    const field = within(dialog).getByLabelText('Mobile number');
    expect(field).toHaveProperty('value', '020 7946 0123');
    await user.clear(field);
    await user.type(field, '+44 7700 900456');
    await user.click(within(dialog).getByLabelText('The resident agreed to this text message just now'));
    await user.click(within(dialog).getByRole('button', { name: 'Send text message' }));
    await waitFor(async () => expect(await caseDatabase().messages.count()).toBe(1));
    const [message] = await caseDatabase().messages.toArray();
    expect(message?.recipient).toEqual({ source: 'given', to: '07700900456' });
  });

  it('by email: the subject and body as the resident gets them, refused where they did not agree to emails', async () => {
    const { dialog, user } = await show({ ...ada, resident: { ...ada.resident, contact: { ...ada.resident.contact, email: 'ada@example.org' } } });
    await user.click(within(dialog).getByLabelText('Email'));
    expect(within(dialog).getByTestId('message-preview').textContent).toContain('How to Report a missed bin collection');
    expect(within(dialog).getByTestId('message-refused').textContent).toContain('The resident has not agreed to emails.');
  });
});
