import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ResidentView } from '../../../shared/contract/residents';
import type { PhraseBook, PhraseSource } from '../../../shared/languages/phrases';
import englishPhrases from '../../../resources/phrases/en.json';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { ContactProvider, useContact } from '../../../renderer/contact/contact-context';
import { WrapUpDialog } from '../../../renderer/contact/WrapUpDialog';
import { createI18n } from '../../../renderer/i18n/i18n';
import { CustomerApp } from '../../../renderer/languages/customer/CustomerApp';
import { readFromCustomer, readToCustomer, type FromCustomer, type PhraseOnScreen, type ToCustomer } from '../../../renderer/languages/customer/protocol';
import { createCustomerLink, CustomerLinkContext } from '../../../renderer/languages/customer-link';
import { SessionProvider } from '../../../renderer/session/session-context';
import { caseDatabase } from '../../../renderer/storage/case-database';
import { fakeBridge, residentView, session, type FakeAnswers } from '../support/fake-bridge';
import { channelHub } from '../support/fake-channel';

const arabic = (text: string, english: string, reviewed: boolean): PhraseOnScreen => ({ text, english, lang: 'ar', dir: 'rtl', script: 'Arab', reviewed });

const askRating: Extract<ToCustomer, { kind: 'ask-rating' }> = {
  kind: 'ask-rating',
  question: arabic('كيف كانت زيارتك اليوم؟', 'How was your visit today?', true),
  answers: { good: arabic('جيدة', 'Good', false), average: arabic('متوسطة', 'Average', true), poor: arabic('سيئة', 'Poor', true) },
  thanks: arabic('شكرًا لك. إجابتك تساعدنا على التحسّن.', 'Thank you. Your answer helps us improve.', false),
};

const fromStaff = (message: unknown) => ({ from: 'staff', message });
const fromCustomer = (message: unknown) => ({ from: 'customer', message });

describe('the rating messages', () => {
  it('accepts a well-formed ask-rating and rating-given', () => {
    expect(readToCustomer(fromStaff(askRating))).toEqual(askRating);
    for (const rating of ['good', 'average', 'poor'] as const) expect(readFromCustomer(fromCustomer({ kind: 'rating-given', rating }))).toEqual({ kind: 'rating-given', rating });
  });

  it('rejects an ask-rating with a missing or malformed phrase, or answers other than the three', () => {
    const { reviewed: _, ...noReviewed } = askRating.answers.good;
    const { text: _text, ...noText } = askRating.thanks;
    const malformed: unknown[] = [
      { ...askRating, question: { ...askRating.question, dir: 'up' } },
      { ...askRating, question: { ...askRating.question, lang: 'not a code' } },
      { ...askRating, thanks: noText },
      { ...askRating, thanks: undefined },
      { ...askRating, answers: { ...askRating.answers, good: noReviewed } },
      { ...askRating, answers: { good: askRating.answers.good, average: askRating.answers.average } },
      { ...askRating, answers: { ...askRating.answers, excellent: askRating.answers.good } },
      { ...askRating, answers: [askRating.answers.good, askRating.answers.average, askRating.answers.poor] },
    ];
    for (const message of malformed) expect(readToCustomer(fromStaff(message))).toBeNull();
    // From the wrong side of the channel.
    expect(readToCustomer(fromCustomer(askRating))).toBeNull();
  });

  it('rejects a rating that is not one of the three, and one from the wrong side', () => {
    for (const rating of ['excellent', 'Good', '', null, 3]) expect(readFromCustomer(fromCustomer({ kind: 'rating-given', rating }))).toBeNull();
    expect(readFromCustomer(fromCustomer({ kind: 'rating-given' }))).toBeNull();
    expect(readFromCustomer(fromStaff({ kind: 'rating-given', rating: 'good' }))).toBeNull();
  });
});

/** The customer view on its own, with the officer's end of the channel in the test's hands. */
async function showCustomerView() {
  const hub = channelHub();
  const staff = hub.open();
  const heard: (FromCustomer | null)[] = [];
  staff.addEventListener('message', (event) => heard.push(readFromCustomer(event.data)));
  render(<CustomerApp i18n={await createI18n('en-GB')} openChannel={hub.open} />);
  const send = (message: ToCustomer) => act(() => staff.postMessage(fromStaff(message)));
  return { heard, send, user: userEvent.setup() };
}

describe('the rating screen on the customer view', () => {
  it('asks in the resident’s language with lang and dir, English beneath, and says which translations are not checked', async () => {
    const { send } = await showCustomerView();
    send(askRating);
    const question = screen.getByRole('heading', { level: 1 });
    expect(question.textContent).toBe('كيف كانت زيارتك اليوم؟');
    expect(question.getAttribute('lang')).toBe('ar');
    expect(question.getAttribute('dir')).toBe('rtl');
    expect(getComputedStyle(question).fontFamily).toContain('Noto Sans Arabic');
    expect(screen.getByText('How was your visit today?').getAttribute('lang')).toBe('en');

    const answers = within(screen.getByRole('list', { name: 'كيف كانت زيارتك اليوم؟' })).getAllByRole('button');
    expect(answers.map((button) => button.textContent)).toEqual(['جيدةGood', 'متوسطةAverage', 'سيئةPoor']);
    const good = answers[0] as HTMLElement;
    expect(within(good).getByText('جيدة').getAttribute('lang')).toBe('ar');
    expect(within(good).getByText('جيدة').getAttribute('dir')).toBe('rtl');
    expect(within(good).getByText('Good').getAttribute('lang')).toBe('en');
    // Very large, with a face the screen reader does not read.
    expect(getComputedStyle(good).minHeight).toBe('9rem');
    expect(good.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(answers.map((button) => button.querySelectorAll('svg').length)).toEqual([1, 1, 1]);

    // Only "Good" is unchecked here: one notice, tied to its button; none for the checked question.
    const notices = screen.getAllByTestId('unreviewed-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.textContent).toBe('This translation has not been checked by a qualified translator');
    expect(good.getAttribute('aria-describedby')).toBe(notices[0]?.id);
    expect(answers[1]?.hasAttribute('aria-describedby')).toBe(false);

    // An unchecked question has the notice too.
    send({ ...askRating, question: { ...askRating.question, reviewed: false }, answers: { ...askRating.answers, good: { ...askRating.answers.good, reviewed: true } } });
    const notice = screen.getByTestId('unreviewed-notice');
    expect(screen.getByRole('list').contains(notice)).toBe(false);
    expect(screen.getAllByRole('button').some((button) => button.hasAttribute('aria-describedby'))).toBe(false);
  });

  it('shows English phrases once, not again beneath', async () => {
    const { send } = await showCustomerView();
    const english = (text: string): PhraseOnScreen => ({ text, english: text, lang: 'en', dir: 'ltr', script: 'Latn', reviewed: true });
    send({ kind: 'ask-rating', question: english('How was your visit today?'), answers: { good: english('Good'), average: english('Average'), poor: english('Poor') }, thanks: english('Thank you.') });
    expect(screen.getAllByText('How was your visit today?')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Good' })).toBeTruthy();
    expect(screen.queryByTestId('unreviewed-notice')).toBeNull();
  });

  it('takes the answer by keyboard, good to poor in order, tells the officer’s page and says thank you', async () => {
    const { send, heard, user } = await showCustomerView();
    send(askRating);
    // The close button, then the answers in order.
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Close this screen');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('جيدةGood');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('متوسطةAverage');
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expect(heard.at(-1)).toEqual({ kind: 'rating-given', rating: 'good' });
    expect(heard.filter((message) => message?.kind === 'rating-given')).toHaveLength(1);

    const thanks = screen.getByRole('heading', { level: 1 });
    expect(thanks.textContent).toBe('شكرًا لك. إجابتك تساعدنا على التحسّن.');
    expect(thanks.getAttribute('lang')).toBe('ar');
    expect(thanks.getAttribute('dir')).toBe('rtl');
    expect(document.activeElement).toBe(thanks);
    expect(screen.getByText('Thank you. Your answer helps us improve.')).toBeTruthy();
    expect(screen.getByTestId('unreviewed-notice')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Good/ })).toBeNull();
  });
});

describe('the customer link', () => {
  it('records the resident’s rating until it is cleared, and ignores a malformed one', async () => {
    const fake = fakeBridge(session, { 'customerView.open': () => ({ opened: true }) });
    const hub = channelHub();
    const link = createCustomerLink({ openChannel: hub.open, openWindow: vi.fn() });
    const resident = hub.open();
    const heard: unknown[] = [];
    resident.addEventListener('message', (event) => heard.push(readToCustomer(event.data)));
    const changes = vi.fn();
    link.subscribe(changes);
    expect(link.state().rating).toBeNull();

    await link.show(askRating, fake.bridge);
    expect(heard).toEqual([askRating]);
    resident.postMessage(fromCustomer({ kind: 'rating-given', rating: 'excellent' }));
    expect(link.state().rating).toBeNull();
    resident.postMessage(fromCustomer({ kind: 'rating-given', rating: 'poor' }));
    expect(link.state()).toMatchObject({ open: true, rating: 'poor' });
    expect(changes).toHaveBeenCalled();

    link.clearRating();
    expect(link.state().rating).toBeNull();
  });
});

const residentId = residentView.residentId;

/** A book with the rating in Tigrinya, all but the thanks (which the resident then sees in English). */
const tigrinyaBook: PhraseBook = {
  language: 'ti',
  script: 'Ethi',
  direction: 'ltr',
  showUnreviewed: true,
  phrases: [
    { id: 'visit-rating-question', english: 'How was your visit today?', text: 'ናይ ሎሚ ምብጻሕኩም ከመይ ነይሩ?', reviewed: false, status: 'machine' },
    { id: 'visit-rating-good', english: 'Good', text: 'ጽቡቕ', reviewed: true, status: 'reviewed' },
    { id: 'visit-rating-average', english: 'Average', text: 'ማእከላይ', reviewed: false, status: 'machine' },
    { id: 'visit-rating-poor', english: 'Poor', text: 'ሕማቕ', reviewed: false, status: 'machine' },
  ],
};

/** A visit (or a call) with the resident opened, ended and waiting for wrap-up. */
function ContactToWrapUp({ channel }: { channel: 'face-to-face' | 'phone' }) {
  const contact = useContact();
  const begin = async () => {
    if (channel === 'face-to-face') await contact.startVisit(residentId);
    else await contact.startCall({ kind: 'call', callerNumber: '020 7946 0999', queue: 'Housing repairs', waitedSeconds: 12 });
    await contact.openResident(residentId, 'call');
  };
  return (
    <>
      <button type="button" onClick={() => void begin()}>
        begin
      </button>
      {contact.about && contact.current?.status === 'in-progress' && (
        <button type="button" onClick={() => void contact.endCall()}>
          end
        </button>
      )}
      {contact.current?.status === 'wrap-up' && <WrapUpDialog interaction={contact.current} />}
    </>
  );
}

async function wrapUp(channel: 'face-to-face' | 'phone', preferred: string, answers: FakeAnswers = {}) {
  const view: ResidentView = { ...residentView, communication: { ...residentView.communication, language: { preferred, interpreterNeeded: false } } };
  const fake = fakeBridge(session, { 'residents.open': () => view, 'customerView.open': () => ({ opened: true }), ...answers });
  const hub = channelHub();
  const openWindow = vi.fn((_url: string, _name: string): unknown => ({}));
  const link = createCustomerLink({ openChannel: hub.open, openWindow });
  // The resident's screen, as the channel sees it.
  const resident = hub.open();
  const shown: (ToCustomer | null)[] = [];
  resident.addEventListener('message', (event) => shown.push(readToCustomer(event.data)));
  const answer = (rating: string) => act(() => resident.postMessage(fromCustomer({ kind: 'rating-given', rating })));
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <SessionProvider value={session}>
          <ContactProvider staffId={session.user?.id ?? null}>
            <CustomerLinkContext.Provider value={link}>
              <ContactToWrapUp channel={channel} />
            </CustomerLinkContext.Provider>
          </ContactProvider>
        </SessionProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'begin' }));
  await user.click(await screen.findByRole('button', { name: 'end' }));
  // A visit is wrapped up in its own words.
  const dialog = await screen.findByRole('dialog', { name: channel === 'phone' ? 'Wrap up this call' : 'Wrap up this visit' });
  return { fake, user, dialog, shown, answer, link };
}

const feedbackGroup = (dialog: HTMLElement) => within(dialog).queryByRole('radiogroup', { name: /^How did the resident rate the (call|visit)\?$/ });

describe('asking the resident at wrap-up', () => {
  it('for a visit, asks on the resident’s screen in their language and fills in the feedback from their answer', async () => {
    const { fake, user, dialog, shown, answer, link } = await wrapUp('face-to-face', 'ti', { 'languages.phrases': (input) => ((input as { language: string }).language === 'ti' ? tigrinyaBook : { ...tigrinyaBook, phrases: [] }) });
    expect(within(dialog).getByLabelText('Outcome of the visit')).toBeTruthy();
    // The link in use already (from the Languages place, say): an answer nobody asked for is not taken,
    // then or when the officer asks.
    await act(() => link.show({ kind: 'clear' }, fake.bridge));
    await answer('poor');
    expect(link.state().rating).toBe('poor');
    expect(feedbackGroup(dialog)).toBeNull();

    const ask = within(dialog).getByRole('button', { name: 'Ask the resident on their screen' });
    await user.click(ask);
    const status = within(dialog).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Waiting for the resident to choose…'));
    await waitFor(() => expect(shown.at(-1)?.kind).toBe('ask-rating'));
    expect(fake.calls).toContain('customerView.open');
    expect(document.activeElement).toBe(ask);
    expect(link.state().rating).toBeNull();
    expect(status.textContent).toBe('Waiting for the resident to choose…');
    expect(feedbackGroup(dialog)).toBeNull();

    const tigrinya = (text: string, english: string, reviewed: boolean) => ({ text, english, lang: 'ti', dir: 'ltr', script: 'Ethi', reviewed });
    expect(shown.at(-1)).toEqual({
      kind: 'ask-rating',
      question: tigrinya('ናይ ሎሚ ምብጻሕኩም ከመይ ነይሩ?', 'How was your visit today?', false),
      answers: { good: tigrinya('ጽቡቕ', 'Good', true), average: tigrinya('ማእከላይ', 'Average', false), poor: tigrinya('ሕማቕ', 'Poor', false) },
      // Not translated: the English, as English.
      thanks: { text: 'Thank you. Your answer helps us improve.', english: 'Thank you. Your answer helps us improve.', lang: 'en', dir: 'ltr', script: 'Latn', reviewed: true },
    });

    await answer('average');
    await waitFor(() => expect(status.textContent).toBe('The resident chose: Average'));
    const feedback = feedbackGroup(dialog) as HTMLElement;
    expect((within(feedback).getByLabelText('Average') as HTMLInputElement).checked).toBe(true);
    expect((within(within(dialog).getByRole('radiogroup', { name: 'Was the resident offered the chance to give feedback?' })).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);
    expect(link.state().rating).toBeNull();
    expect(document.activeElement).toBe(ask);
    // Kept as typed, like the rest of the wrap-up.
    await waitFor(async () => {
      const [visit] = await caseDatabase().interactions.toArray();
      expect(visit?.wrapUpDraft).toMatchObject({ feedbackOffered: true, feedback: 'average' });
    });

    // The officer can still change it by hand.
    await user.click(within(feedback).getByLabelText('Good'));
    expect((within(feedback).getByLabelText('Good') as HTMLInputElement).checked).toBe(true);
  });

  it('asks in English when the resident’s language is English, without fetching phrases', async () => {
    const { fake, user, dialog, shown } = await wrapUp('face-to-face', 'en');
    await user.click(within(dialog).getByRole('button', { name: 'Ask the resident on their screen' }));
    await waitFor(() => expect(shown.at(-1)?.kind).toBe('ask-rating'));
    expect(fake.calls).not.toContain('languages.phrases');
    const asked = shown.at(-1) as Extract<ToCustomer, { kind: 'ask-rating' }>;
    expect(asked.question).toEqual({ text: 'How was your visit today?', english: 'How was your visit today?', lang: 'en', dir: 'ltr', script: 'Latn', reviewed: true });
    expect(Object.values(asked.answers).map((each) => `${each.lang}:${each.text}`)).toEqual(['en:Good', 'en:Average', 'en:Poor']);
  });

  it('for a phone call, offers no such button: the agent records what the resident said', async () => {
    const { dialog } = await wrapUp('phone', 'ti');
    expect(within(dialog).queryByRole('button', { name: 'Ask the resident on their screen' })).toBeNull();
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(within(dialog).getByRole('radiogroup', { name: 'Was the resident offered the chance to give feedback?' })).toBeTruthy();
  });
});

describe('the English the officer’s page falls back to', () => {
  it('is en.json’s English for each rating phrase', async () => {
    const source = englishPhrases as PhraseSource;
    const english = (id: string) => source.phrases.find((each) => each.id === id)?.english;
    const t = (await createI18n('en-GB')).getFixedT('en-GB');
    for (const part of ['question', 'good', 'average', 'poor', 'thanks']) {
      const id = `visit-rating-${part}`;
      expect({ id, english: t(`languages.customer.visitRatingEnglish.${part}`) }).toEqual({ id, english: english(id) });
      expect(source.phrases.find((each) => each.id === id)).toMatchObject({ use: 'face-to-face', placeholders: [] });
    }
  });
});
