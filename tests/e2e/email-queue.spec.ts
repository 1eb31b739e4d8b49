import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { casesTitled, readRows } from './support/back-office';
import { expectNoAxeViolations, openWorkstation, place } from './support/contact';
import { graphList, graphPatch } from './support/microsoft-365';
import { trainingBorough } from './support/training-borough';

const { header } = trainingBorough();
// A team no other test works in.
const TEAM = 'Contact Centre – Green';
const officer = header.staff.find((staff) => staff.team === TEAM && staff.role === 'agent') ?? header.staff.find((staff) => staff.role === 'agent');
const colleague = header.staff.find((staff) => staff.role === 'agent' && staff.id !== officer?.id);
const MAILBOX = 'contact@example.org';
const BIN = 'Bin not collected on Tuesday';

interface GraphMail {
  id: string;
  subject: string;
  categories: string[];
  from?: { emailAddress: { address: string } };
  toRecipients?: { emailAddress: { address: string } }[];
}

test.use({ viewport: { width: 1366, height: 900 } });

const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });

/** Signs the acting officer in to Microsoft 365 from the status bar (the training identity signs in whoever is acting). */
async function signIn(page: Page) {
  await status(page).getByRole('button', { name: 'Sign in to Microsoft 365' }).click();
  await expect(status(page)).toContainText(/Microsoft 365:\s?\S/, { timeout: 20_000 });
}

async function signOut(page: Page) {
  await status(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(status(page).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeVisible();
}

/** Who works at the workstation now: the officer chosen and signed in to Microsoft 365 as themselves. */
async function handOver(page: Page, to: { id: string; displayName: string }) {
  await page.getByLabel('Acting as').selectOption(to.id);
  await expect(page.getByTestId('status-user')).toContainText(to.displayName);
  await signIn(page);
}

test('two officers work the contact mailbox: one takes an email, the other sees it taken; the first replies and raises a case from it, and wraps it up', async ({ page }) => {
  test.setTimeout(240_000);
  if (!officer || !colleague) throw new Error('The training borough needs two agents.');
  await openWorkstation(page);
  // The tests after this one find the host as it was: the same officer acting, and not signed in unless they were.
  const before = await page.getByLabel('Acting as').inputValue();
  await expect(status(page).getByRole('button', { name: /^Sign in to Microsoft 365$|^Your presence: / }).first()).toBeVisible();
  const signedInBefore = !(await status(page).getByRole('button', { name: 'Sign in to Microsoft 365' }).isVisible());
  // Signed in already by an earlier test on this host: that officer signs out first, as at a shared desk.
  if (signedInBefore) await signOut(page);
  await handOver(page, officer);

  await place(page, 'Email').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email' })).toBeVisible();
  const queue = page.getByTestId('queued-email');
  await expect(queue.first()).toBeVisible({ timeout: 20_000 });
  const inbox = await graphList<GraphMail>(`users/${MAILBOX}/mailFolders/inbox/messages?$select=subject,categories,from&$top=50`, colleague.displayName);
  const bin = inbox.find((each) => each.subject === BIN);
  const other = inbox.find((each) => each.subject !== BIN && each.categories.length === 0);
  if (!bin || !other) throw new Error('The training mailbox has no missed-bin email to answer.');

  // The colleague takes another email in Outlook: this officer's queue shows it as theirs, with nothing to take.
  expect((await graphPatch(`users/${MAILBOX}/messages/${other.id}`, { categories: [`In hand: ${colleague.displayName}`] }, colleague.displayName)).status).toBe(200);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const theirs = queue.filter({ hasText: other.subject });
  await expect(theirs.getByTestId('in-hand-by')).toHaveText(`In hand: ${colleague.displayName}`);
  await expect(theirs.getByRole('button', { name: /^Take/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // This officer takes the missed-bin email: Exchange shows it in hand by them.
  await queue.filter({ hasText: BIN }).getByRole('button', { name: new RegExp(`^Take the email from .*: ${BIN}$`) }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^Email from / });
  await expect(heading).toBeFocused();
  const categoriesOfBin = async () => (await graphList<GraphMail>(`users/${MAILBOX}/mailFolders/inbox/messages?$select=subject,categories&$top=50`, colleague.displayName)).find((each) => each.id === bin.id)?.categories;
  await expect.poll(categoriesOfBin).toEqual([`In hand: ${officer.displayName}`]);

  // The colleague opens the Email place in CivicDesk (at this desk, as the training host is one
  // workstation): the missed-bin email is in hand by the first officer, with nothing to take, and
  // the one they took in Outlook is theirs to carry on with.
  await signOut(page);
  await handOver(page, colleague);
  await place(page, 'Email').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email' })).toBeVisible();
  const taken = queue.filter({ hasText: BIN });
  await expect(taken.getByTestId('in-hand-by')).toHaveText(`In hand: ${officer.displayName}`, { timeout: 20_000 });
  await expect(taken.getByRole('button')).toHaveCount(0);
  const mine = queue.filter({ hasText: other.subject });
  await expect(mine.getByTestId('in-hand-by')).toHaveText('In hand: you');
  await expect(mine.getByRole('button', { name: 'Carry on with it' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The first officer comes back: their email is in hand where they left it.
  await signOut(page);
  await handOver(page, officer);
  await place(page, 'Email').click();
  await expect(heading).toBeVisible({ timeout: 20_000 });
  await expect(heading).toContainText(/Email from /);
  // Shown safely: no picture from the internet, no script; its file listed.
  const body = page.getByTestId('email-body');
  await expect(body).toContainText('bin');
  expect(await body.locator('script, img[src^="http"], a[href]').count()).toBe(0);
  await expect(page.getByRole('button', { name: 'Save bin-photo.png' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A reply with the council's template: a gap left in brackets is refused, with the focus on the text.
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Reply to / });
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Send the reply' }).click();
  const text = dialog.getByRole('textbox', { name: 'Your reply' });
  await expect(text).toBeFocused();
  await expect(dialog).toContainText('Replace the words in [square brackets] before sending');
  const answer = `We will collect your bin on Friday (${randomUUID().slice(0, 8)}).`;
  await text.fill((await text.inputValue()).replace('[Write the answer here]', answer));
  await dialog.getByRole('button', { name: 'Send the reply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('email-outgoing')).toHaveText(/^Reply sent at \d\d:\d\d\./, { timeout: 30_000 });
  // Exchange holds one reply, sent from the contact mailbox to the resident.
  const replies = (await graphList<GraphMail>(`users/${MAILBOX}/mailFolders/sentitems/messages?$select=subject,from,toRecipients&$top=50`, colleague.displayName)).filter((each) => each.subject === `RE: ${BIN}`);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.from?.emailAddress.address).toBe(MAILBOX);
  expect(replies[0]?.toRecipients?.map((each) => each.emailAddress.address)).toEqual([bin.from?.emailAddress.address]);

  // A case from it: the email's words and its photo carried into the draft.
  await page.getByRole('button', { name: 'Raise a case from it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  const summary = `Missed bin by email ${randomUUID().slice(0, 8)}`;
  await expect(page.getByLabel('Description')).toHaveValue(/bin/i);
  await expect(page.getByText('bin-photo.png')).toBeVisible();
  await page.getByLabel('Anonymous report').check();
  await page.getByLabel('Service', { exact: true }).selectOption('waste');
  await page.getByLabel('Type of case').selectOption('missed-bin');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Where', { exact: true }).fill('Outside 12 Camberwell Grove');
  await page.getByLabel('Postcode').fill('SE5 8RS');
  await page.getByRole('button', { name: 'Send the case' }).click();
  await expect.poll(async () => casesTitled(summary), { timeout: 30_000 }).toEqual([{ id: expect.any(String), attachments: ['bin-photo.png'] }]);

  // Finished where it was answered: filed out of the queue, then the same wrap-up as a call.
  await page.getByTestId('call-panel').getByRole('button', { name: 'Go to the email' }).click();
  await page.getByRole('button', { name: 'Finish: file the email and wrap up' }).click();
  const wrapUp = page.getByRole('dialog', { name: 'Wrap up this email' });
  await expect(wrapUp).toBeVisible();
  await wrapUp.getByLabel('Outcome of the email').selectOption({ index: 1 });
  for (const question of ['Was it resolved at first contact?', 'Could this have been done online?', 'Was the online route offered?', 'Was the resident offered the chance to give feedback?']) {
    await wrapUp.getByRole('radiogroup', { name: question }).getByLabel('No').check();
  }
  await expectNoAxeViolations(page);
  await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect.poll(async () => (await graphList<GraphMail>(`users/${MAILBOX}/mailFolders/inbox/messages?$select=subject&$top=50`, colleague.displayName)).some((each) => each.id === bin.id)).toBe(false);
  // The email is a contact in the council's system, as a call is.
  await expect
    .poll(async () => (await readRows(`emails?$select=activityid,statecode,statuscode,directioncode&$filter=${encodeURIComponent(`startswith(subject,'Email: ${BIN}') and statecode eq 1`)}`)).length, { timeout: 30_000 })
    .toBe(1);

  await signOut(page);
  await page.getByLabel('Acting as').selectOption(before);
  await expect(page.getByLabel('Acting as')).toHaveValue(before);
  if (signedInBefore) await signIn(page);
});
