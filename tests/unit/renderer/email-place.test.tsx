import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MailSendResult, OpenedEmail, QueuedEmail, SendMailInput } from '../../../shared/contract/mail';
import { App } from '../../../renderer/app/App';
import { createMailSender } from '../../../renderer/email/mail-outbox';
import { createI18n } from '../../../renderer/i18n/i18n';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';
import { me, signedIn } from './microsoft365-fixtures';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const queued = (overrides: Partial<QueuedEmail>): QueuedEmail => ({
  id: 'AAMkAD-bin',
  from: { name: 'Ada Lovelace', address: 'ada.lovelace@example.com' },
  subject: 'My bin was missed again',
  preview: 'Our green bin was not collected on Tuesday…',
  receivedAt: hoursAgo(30),
  hasAttachments: true,
  takenBy: null,
  takenByMe: false,
  ...overrides,
});
const bin = queued({});
const older = queued({ id: 'AAMkAD-tax', subject: 'Council tax instalments', from: { name: null, address: 'someone.unknown@example.net' }, receivedAt: hoursAgo(24 * 14), hasAttachments: false, takenBy: 'Priya Lead' });
const opened: OpenedEmail = {
  ...bin,
  takenBy: 'Test Agent',
  takenByMe: true,
  mailbox: 'contact@example.org',
  html: '<p>Our green bin was not collected.</p><img src="https://tracker.example.net/p.gif"><script>alert(1)</script>',
  to: [{ name: 'Council contact centre', address: 'contact@example.org' }],
  attachments: [{ id: 'att-1', name: 'bin-photo.png', contentType: 'image/png', size: 2048, inline: false, contentId: null, inlineBase64: null }],
};

async function showEmail(answers: FakeAnswers = {}) {
  const fake = fakeBridge(session, {
    'account.status': () => signedIn,
    'teams.me': () => me(),
    'mail.queue': () => ({ mailbox: 'contact@example.org', emails: [bin, older], readAt: new Date().toISOString() }),
    'mail.take': () => ({ status: 'taken', email: { ...bin, takenBy: 'Test Agent', takenByMe: true } }),
    'mail.open': () => opened,
    ...answers,
  });
  render(<App bridge={fake.bridge} i18n={await createI18n('en-GB')} />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  const user = userEvent.setup();
  await user.click(within(screen.getByRole('navigation', { name: 'Places' })).getByRole('button', { name: /Email/ }));
  await screen.findByRole('heading', { level: 1, name: 'Email' });
  return { ...fake, user };
}

describe('the Email place', () => {
  it('lists the mailbox oldest first, with its age against the standard and who has each in hand', async () => {
    await showEmail({ 'mail.queue': () => ({ mailbox: 'contact@example.org', emails: [older, bin], readAt: new Date().toISOString() }) });
    const items = await screen.findAllByTestId('queued-email');
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual(['Council tax instalments', 'My bin was missed again']);
    // Fourteen days is past five working days whatever today is. Nine was not on a Monday: received on a
    // Saturday, the clock starts on Monday (day 0), so five working days fall due today.
    expect(items[0]?.textContent).toMatch(/overdue: answer by \w+day \d+ \w+ has passed/);
    expect(within(items[0]!).getByTestId('in-hand-by').textContent).toBe('In hand: Priya Lead');
    expect(within(items[0]!).queryByRole('button', { name: /Take/ })).toBeNull();
    expect(within(items[1]!).getByRole('button', { name: 'Take the email from Ada Lovelace: My bin was missed again' })).toBeTruthy();
  });

  it('taking one starts an email contact and shows it made safe; a colleague who took it first is named', async () => {
    let first = true;
    const { user } = await showEmail({
      'mail.take': () => {
        if (first) {
          first = false;
          return { status: 'taken-by-other', by: 'Priya Lead' };
        }
        return { status: 'taken', email: { ...bin, takenBy: 'Test Agent', takenByMe: true } };
      },
    });
    const take = await screen.findByRole('button', { name: 'Take the email from Ada Lovelace: My bin was missed again' });
    await user.click(take);
    const notice = await screen.findByText('Priya Lead took that email first. Choose another.');
    // Said where the officer is: focus moves to it.
    await waitFor(() => expect(notice.closest('[role="alert"]')).toBe(document.activeElement));

    await user.click(screen.getByRole('button', { name: 'Take the email from Ada Lovelace: My bin was missed again' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Email from Ada Lovelace' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const [contact] = await caseDatabase().interactions.toArray();
    expect(contact).toMatchObject({ channel: 'email', emailId: bin.id, status: 'in-progress' });

    const body = await screen.findByTestId('email-body');
    expect(body.textContent).toContain('Our green bin was not collected.');
    expect(body.querySelector('img, script')).toBeNull();
    expect(screen.getByText('1 picture from the internet was not shown: opening it would tell the sender the email was read.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Files sent with it' })).getByRole('button', { name: 'Save bin-photo.png' })).toBeTruthy();
  });

  it('a reply keeps to the template, refuses gaps left in brackets, and is written here before it goes', async () => {
    const sent: SendMailInput[] = [];
    const { user } = await showEmail({
      'mail.send': (input) => {
        sent.push(input as SendMailInput);
        return { status: 'sent', sentAt: new Date().toISOString() } satisfies MailSendResult;
      },
    });
    await user.click(await screen.findByRole('button', { name: /^Take the email from Ada Lovelace/ }));
    await screen.findByRole('heading', { level: 2, name: 'Email from Ada Lovelace' });
    await user.click(await screen.findByRole('button', { name: 'Reply' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reply to Ada Lovelace' });
    const text = within(dialog).getByRole('textbox', { name: 'Your reply' });
    expect((text as HTMLTextAreaElement).value).toContain('Thank you for your email about “My bin was missed again”.');
    await user.click(within(dialog).getByRole('button', { name: 'Send the reply' }));
    expect(within(dialog).getByText(/Replace the words in \[square brackets\] before sending: \[Write the answer here\]/)).toBeTruthy();
    expect(document.activeElement).toBe(text);
    expect(sent).toHaveLength(0);

    await user.clear(text);
    await user.type(text, 'Dear Ada, we will collect it on Friday.');
    expect(within(dialog).getByTestId('reply-preview').textContent).toBe('Dear Ada, we will collect it on Friday.');
    await user.click(within(dialog).getByRole('button', { name: 'Send the reply' }));
    await waitFor(() => expect(screen.getByTestId('email-outgoing').textContent).toMatch(/^Reply sent at \d\d:\d\d\./));
    expect(sent).toEqual([{ kind: 'reply', outboxId: expect.any(String), emailId: bin.id, text: 'Dear Ada, we will collect it on Friday.' }]);
  });
});

describe('the mail outbox', () => {
  it('waits while Microsoft 365 cannot be reached, sends once when it can, and keeps a refusal for the officer', async () => {
    let reachable = false;
    const tries: string[] = [];
    const fake = fakeBridge(session, {
      'mail.send': (input) => {
        const { outboxId } = input as SendMailInput;
        tries.push(outboxId);
        if (outboxId === 'c0ffee00-0000-4000-8000-000000000002') return { status: 'failed', reason: 'That email is no longer in the contact mailbox.' };
        return reachable ? { status: 'sent', sentAt: '2026-12-05T10:00:00.000Z' } : { status: 'retry', reason: 'Microsoft 365 could not be reached.' };
      },
    });
    const db = caseDatabase();
    const staffId = session.user?.id ?? '';
    const base = { staffId, emailId: bin.id, interactionId: null, service: null, failure: null, sentAt: null } as const;
    await db.mailOutbox.bulkAdd([
      { ...base, id: 'c0ffee00-0000-4000-8000-000000000001', kind: 'reply', text: 'First', writtenAt: '2026-12-05T09:00:00.000Z', state: 'waiting' },
      { ...base, id: 'c0ffee00-0000-4000-8000-000000000003', kind: 'reply', text: 'Second', writtenAt: '2026-12-05T09:01:00.000Z', state: 'waiting' },
    ]);
    const send = createMailSender(db, fake.bridge, () => staffId);
    await send();
    // The first waits, and the second waits behind it: nothing goes out of order.
    expect(tries).toEqual(['c0ffee00-0000-4000-8000-000000000001']);
    expect(await db.mailOutbox.get('c0ffee00-0000-4000-8000-000000000001')).toMatchObject({ state: 'waiting', failure: 'Microsoft 365 could not be reached.' });
    reachable = true;
    await send();
    await send();
    expect(tries).toEqual(['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000003']);
    expect((await db.mailOutbox.toArray()).map((each) => each.state)).toEqual(['sent', 'sent']);

    await db.mailOutbox.add({ ...base, id: 'c0ffee00-0000-4000-8000-000000000002', kind: 'reply', text: 'Third', writtenAt: '2026-12-05T09:02:00.000Z', state: 'waiting' });
    await send();
    expect(await db.mailOutbox.get('c0ffee00-0000-4000-8000-000000000002')).toMatchObject({ state: 'failed', failure: 'That email is no longer in the contact mailbox.' });
  });
});
