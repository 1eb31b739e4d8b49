import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { escalationChannel, graphList } from './support/microsoft-365';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** By the places list rather than Alt+number: a shortcut pressed the moment the page shows can beat its listener. */
const goTo = (page: Page, place: string | RegExp) => page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: place }).click();
const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });

interface GraphMessage {
  body: { content: string };
  from: { user: { displayName: string } | null } | null;
}

async function sendCase(page: Page, summary: string) {
  await goTo(page, /Cases/);
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Anonymous report').check();
  await page.getByLabel('Service', { exact: true }).selectOption('waste');
  await page.getByLabel('Type of case').selectOption('missed-bin');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Description').fill('Third missed collection in a month on this street.');
  await page.getByLabel('Where', { exact: true }).fill('Outside 12 Camberwell Grove');
  await page.getByLabel('Postcode').fill('SE5 8RS');
  await page.getByRole('button', { name: 'Send the case' }).click();
  await expect(status(page).getByTestId('status-sync')).toHaveText('All cases sent', { timeout: 20_000 });
}

test('smart working: sign in, presence, ask an expert and escalate from a case, check a resident in', async ({ page }) => {
  // Sign-in, a case through the back office, two Teams messages, appointments and five scans.
  test.setTimeout(180_000);
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Sign in (training): MSAL's auth code + PKCE against the identity stand-in, from the status bar.
  await status(page).getByRole('button', { name: 'Sign in to Microsoft 365' }).click();
  await expect(status(page)).toContainText(/Microsoft 365:\s?\S/, { timeout: 20_000 });
  const presence = status(page).getByRole('button', { name: /^Your presence: .+\. Change it$/ });
  await expect(presence).toBeVisible();
  await expectNoAxeViolations(page);

  // Set my presence: Do not disturb for an hour, as Graph now reports it.
  await presence.click();
  const presenceDialog = page.getByRole('dialog', { name: 'Set your presence' });
  await presenceDialog.getByRole('radio', { name: 'Do not disturb' }).check();
  await presenceDialog.getByRole('radio', { name: '1 hour' }).check();
  await expectNoAxeViolations(page);
  await presenceDialog.getByRole('button', { name: 'Set' }).click();
  await expect(presenceDialog).toBeHidden();
  await expect(status(page).getByRole('button', { name: /^Your presence: Do not disturb until \d\d:\d\d\. Change it$/ })).toBeVisible();

  // Colleagues: a service team's members, each with presence in words beside the dot.
  await goTo(page, 'Colleagues');
  await page.getByRole('combobox', { name: 'Service team' }).selectOption({ label: 'Waste and Recycling' });
  const members = page.getByRole('list', { name: 'Members of Waste and Recycling' });
  await expect(members.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
  expect(await members.getByRole('listitem').count()).toBeGreaterThan(1);
  for (const text of await members.getByRole('listitem').allInnerTexts()) {
    expect(text).toMatch(/Available|Busy|Do not disturb|Be right back|Away|Offline|Unknown/);
  }
  // CivicDesk asks only for colleagues' basic profile (User.ReadBasic.All): no job titles, said plainly.
  await expect(members.getByText('Job title not shared by your tenant').first()).toBeVisible();
  // Anyone found by name shows presence in words too.
  const someone = (await members.getByRole('listitem').first().innerText()).split(/\s+/)[0] ?? '';
  await page.getByLabel('Find a colleague').fill(someone);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const found = page.getByRole('list', { name: 'People found' });
  await expect(found.getByRole('listitem').first()).toContainText(someone);
  await expect(found.getByRole('listitem').first()).toContainText(/Available|Busy|Do not disturb|Be right back|Away|Offline|Unknown/);
  await expectNoAxeViolations(page);

  // Ask an expert from a case: the message reaches the colleague's Teams chat with the case link.
  const summary = `Missed bin ask ${randomUUID().slice(0, 8)}`;
  await sendCase(page, summary);
  await page.getByRole('tab', { name: /^Sent/ }).click();
  await page.getByRole('button', { name: `Ask or escalate: ${summary}` }).click();
  const panel = page.getByRole('region', { name: `Colleagues: ${summary}` });
  await panel.getByRole('button', { name: 'Ask an expert' }).click();
  const ask = page.getByRole('dialog', { name: 'Ask an expert' });
  const colleagues = ask.getByRole('group', { name: 'Colleagues to ask' }).getByRole('checkbox');
  await expect(colleagues.first()).toBeVisible({ timeout: 20_000 });
  const expert = (await ask.getByTestId('colleague-name').first().textContent()) ?? '';
  await colleagues.first().check();
  await ask.getByRole('textbox', { name: 'What do you need to know?' }).fill('Is this street on a new round?');
  await expectNoAxeViolations(page);
  await ask.getByRole('button', { name: 'Send' }).click();
  await expect(ask).toBeHidden();
  await expect(panel.getByText(/^Sent \d\d:\d\d$/).first()).toBeVisible({ timeout: 20_000 });

  // Read the colleague's chats through Graph as the colleague: the message is there with its link.
  const chats = await graphList<{ id: string }>('me/chats', expert);
  const messages = (await Promise.all(chats.map((chat) => graphList<GraphMessage>(`chats/${encodeURIComponent(chat.id)}/messages`, expert)))).flat();
  const asked = messages.filter((message) => message.body.content.includes(summary));
  expect(asked).toHaveLength(1);
  expect(asked[0]?.body.content).toContain('Is this street on a new round?');
  expect(asked[0]?.body.content).toMatch(/<a href="civicdesk:\/\/case\/[0-9a-f-]{36}">/);

  // Escalate to the waste service's channel (its ids come from the deployment settings).
  await panel.getByRole('button', { name: 'Escalate' }).click();
  const escalate = page.getByRole('dialog', { name: 'Escalate this case' });
  await expect(escalate.getByRole('combobox', { name: 'Service channel' })).toHaveValue('waste');
  await escalate.getByRole('textbox', { name: 'Why does this need escalating?' }).fill('Third missed collection this month.');
  await escalate.getByRole('button', { name: 'Send' }).click();
  await expect(escalate).toBeHidden();
  await expect(panel.getByText(/^Sent \d\d:\d\d$/)).toHaveCount(2, { timeout: 20_000 });
  const channel = escalationChannel('waste');
  const posted = await graphList<GraphMessage>(`teams/${channel.teamId}/channels/${encodeURIComponent(channel.channelId)}/messages`, expert);
  const escalated = posted.filter((message) => message.body.content.includes(summary));
  expect(escalated).toHaveLength(1);
  expect(escalated[0]?.body.content).toContain('Third missed collection this month.');
  expect(escalated[0]?.body.content).toMatch(/civicdesk:\/\/case\/[0-9a-f-]{36}/);
  await expectNoAxeViolations(page);

  // The service-point day: today's appointments; check one resident in, then open their record.
  await goTo(page, 'Appointments');
  const day = page.getByRole('table', { name: 'Today’s appointments' });
  const checkIn = day.getByRole('button', { name: /^Check in / }).first();
  await expect(checkIn).toBeVisible({ timeout: 20_000 });
  const resident = ((await checkIn.getAttribute('aria-label')) ?? '').replace(/^Check in /, '');
  const row = day.getByRole('row').filter({ has: page.getByRole('button', { name: `Open record of ${resident}` }) });
  await checkIn.click();
  await expect(row).toContainText(/Checked in \d\d:\d\d/, { timeout: 20_000 });
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: `Open record of ${resident}` }).click();
  await expect(page.getByTestId('resident-name')).toHaveText(resident, { timeout: 20_000 });

  // Sign out: the status bar offers sign-in again.
  await status(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(status(page).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeVisible();
});
