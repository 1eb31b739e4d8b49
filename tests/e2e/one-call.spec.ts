import { expect, test, type Page } from '@playwright/test';
import { trainingBorough } from './support/training-borough';
import { callContract, callerBundle, endCallAndWrapUp, expectNoAxeViolations, openWorkstation, passIdentityCheck, place, takeSimulatedCall, watchAccessIds } from './support/contact';

const { bundles } = trainingBorough();
const PLACES = ['Dashboard', 'Search', 'Resident', 'Call scripts', 'Cases', 'Colleagues', 'Languages', 'Appointments'];
const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });

/** What the 360 view revealed of the caller, to look for everywhere once the contact has ended. */
async function revealed(page: Page, card: Awaited<ReturnType<typeof takeSimulatedCall>>): Promise<string[]> {
  const { name } = card;
  const bundle = callerBundle(bundles, card);
  await expect(page.getByTestId('section-household')).toContainText(bundle.household.address.postcode);
  const born = (await page.getByTestId('section-who').locator('dd').nth(1).textContent())?.split(' (')[0] ?? '';
  return [name, bundle.household.address.line1, bundle.household.address.postcode, born, ...bundle.resident.contact.phones.map((phone) => phone.number)];
}

/** Every place is visited: none shows anything of the resident. */
async function nothingOnAnyPlace(page: Page, facts: readonly string[]) {
  for (const name of PLACES) {
    await place(page, name).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const text = await page.locator('body').innerText();
    for (const fact of facts) expect(text, `${fact} on ${name}`).not.toContain(fact);
  }
}

/** Every call that names an open is refused for the opens of the ended contact. */
async function nothingThroughTheContract(page: Page, accessIds: readonly string[], said: string) {
  expect(accessIds.length).toBeGreaterThan(0);
  for (const accessId of accessIds) {
    const calls: [string, unknown][] = [
      ['residents.contactHistory', { accessId, cursor: null, channels: [] }],
      ['residents.checkIdentity', { accessId, answers: { name: said } }],
      ['residents.overrideIdentity', { accessId, reason: 'Trying the old open once more' }],
      ['scripts.lookup', { query: 'councilTaxBalance', accessId, postcode: null, service: null }],
      ['residents.caseHistory', { accessId, caseId: '00000000-0000-4000-8000-000000000001' }],
    ];
    for (const [call, input] of calls) expect(await callContract(page, call, input), `${call} with ${accessId}`).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer open/) } });
  }
}

test('two calls in a row: nothing of the first caller stays on any place or through the contract, and the second starts unverified', async ({ page }) => {
  test.setTimeout(90_000);
  const accessIds = watchAccessIds(page);
  await openWorkstation(page);
  const first = await takeSimulatedCall(page);
  const firstNumber = ((await page.getByTestId('call-panel').getByText(/^On a call with /).textContent()) ?? '').replace('On a call with ', '');
  await passIdentityCheck(page, first);
  // The header carries the contact to every place: who, the check, flags, language, cases.
  const header = page.getByTestId('call-panel');
  await expect(header.getByTestId('header-name')).toHaveText(first.name);
  await expect(header.getByTestId('header-identity')).toHaveText('Identity checked: passed');
  await expect(header.getByTestId('header-cases')).toHaveText(/^\d+ open cases?$/);
  const facts = [...(await revealed(page, first)), firstNumber];
  await place(page, 'Call scripts').click();
  await expect(header.getByTestId('header-name')).toHaveText(first.name);
  await expectNoAxeViolations(page);
  const firstOpens = [...accessIds];

  await endCallAndWrapUp(page);
  // Focus is on the place's heading, never on the page itself.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  await expect(page.getByTestId('call-panel')).toHaveCount(0);
  await nothingOnAnyPlace(page, facts);
  await nothingThroughTheContract(page, firstOpens, first.says.name);

  // The next call, from another number: its caller starts unverified, and nothing of the first is there.
  const second = await takeSimulatedCall(page);
  expect(second.name).not.toBe(first.name);
  await expect(page.getByTestId('identity-status')).toHaveText('Identity not checked yet');
  await expect(header.getByTestId('header-identity')).toHaveText('Identity not checked yet');
  await expect(header.getByTestId('header-cases')).toHaveText('Open cases shown after the identity check');
  const text = await page.locator('body').innerText();
  for (const fact of facts.filter((each) => !second.name.includes(each))) expect(text).not.toContain(fact);
});

test('another officer takes the computer, then one signs out: the resident goes from every place and from main', async ({ page }) => {
  test.setTimeout(120_000);
  const accessIds = watchAccessIds(page);
  await openWorkstation(page);
  const first = await takeSimulatedCall(page);
  await passIdentityCheck(page, first);
  const facts = await revealed(page, first);
  const agentOpens = [...accessIds];

  // Someone else sits down: a team leader (the host's session may already be one from an earlier test).
  const picker = page.getByLabel('Acting as');
  const seated = await picker.inputValue();
  const options = await picker.locator('option').evaluateAll((each) => each.map((option) => ({ value: (option as HTMLOptionElement).value, text: option.textContent ?? '' })));
  const others = options.filter((option) => option.value !== seated);
  const leader = others.find((option) => option.text.includes('(Team leader,')) ?? others[0];
  if (!leader) throw new Error('nobody else to act as');
  await picker.selectOption(leader.value);
  await expect(page.getByTestId('status-user')).toContainText(leader.text.split(' (')[0] ?? '');
  // The agent's call is theirs: it waits under them, and nothing of it is on the leader's screen.
  await expect(page.getByTestId('call-panel')).toHaveCount(0);
  await nothingOnAnyPlace(page, facts);
  await nothingThroughTheContract(page, agentOpens, first.says.name);

  // The team leader takes a call, signs in to Microsoft 365, then signs out.
  accessIds.clear();
  const next = await takeSimulatedCall(page);
  await passIdentityCheck(page, next);
  const nextFacts = await revealed(page, next);
  const leaderOpens = [...accessIds];
  await status(page).getByRole('button', { name: 'Sign in to Microsoft 365' }).click();
  await expect(status(page).getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 20_000 });
  await status(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(status(page).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeVisible();
  await expect(page.getByTestId('contact-resident')).not.toContainText(next.name);
  await place(page, 'Resident').click();
  await expect(page.getByTestId('resident-name')).toHaveCount(0);
  await nothingOnAnyPlace(
    page,
    nextFacts.filter((fact) => !/^0/.test(fact)),
  );
  await nothingThroughTheContract(page, leaderOpens, next.says.name);
});
