import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { keepTheActingOfficer } from './support/contact';
import { trainingBorough } from './support/training-borough';

keepTheActingOfficer();

const { header, bundles } = trainingBorough();
const borough = {
  residents: bundles.map((bundle) => bundle.resident),
  households: bundles.flatMap((bundle) => (bundle.household ? [bundle.household] : [])),
  flags: bundles.flatMap((bundle) => bundle.flags),
  staff: header.staff,
};
const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openWorkstation(page: Page) {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

const household = (householdId: string) => borough.households.find((each) => each.id === householdId);
const dayFirst = (iso: string) => iso.split('-').reverse().join('/');
/** A typo an agent might make: one letter in the middle wrong ("Morrison" → "Moarison"). */
const misspell = (name: string) => `${name.slice(0, 2)}${name[2]?.toLowerCase() === 'a' ? 'e' : 'a'}${name.slice(3)}`;

test('a call: screen-pop, a misspelt surname, the identity check, the whole 360 view', async ({ page }) => {
  await openWorkstation(page);
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Simulate an incoming call' }).click();
  const callerNumber = ((await page.getByTestId('call-panel').getByText(/^On a call with /).textContent()) ?? '').replace('On a call with ', '');
  const withNumber = borough.residents.filter((resident) => resident.contact.phones.some((phone) => phone.number === callerNumber));
  const caller = withNumber[0];
  if (!caller) throw new Error(`nobody in the training borough has ${callerNumber}`);
  const home = household(caller.householdId);
  if (!home) throw new Error('the caller has no household');
  if (withNumber.length === 1) {
    // One resident with that number: the screen-pop opens them, masked until the identity check.
    await expect(page.getByTestId('resident-name')).toHaveText(`${caller.givenName} ${caller.familyName}`);
    await expect(page.getByText('Personal details are hidden until the identity check is passed.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Search' }).click();
  } else {
    // Several share it (a household phone): the search shows them all, matched on phone.
    await expect(page.getByTestId('resident-results').getByRole('button')).toHaveCount(withNumber.length);
  }
  const search = page.getByLabel('Find a resident');
  const results = page.getByTestId('resident-results');

  await search.fill(`${caller.givenName} ${misspell(caller.familyName)} ${home.address.postcode}`);
  await expect(results.getByRole('button').first()).toContainText(`${caller.givenName} ${caller.familyName}`);
  // Before the identity check a result shows what the council's policy allows: the year of birth and the postcode district.
  const [district] = home.address.postcode.split(' ');
  await expect(results.getByRole('button').first()).toContainText(`Born ${caller.dateOfBirth.slice(0, 4)} (age`);
  await expect(results.getByRole('button').first()).toContainText(`lives in ${district}`);
  await expect(results.getByRole('button').first()).not.toContainText(home.address.line1);
  await expectNoAxeViolations(page);
  await search.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Resident' })).toBeVisible();
  await expect(page.getByTestId('resident-name')).toHaveText(`${caller.givenName} ${caller.familyName}`);
  await expect(page.getByText('Personal details are hidden until the identity check is passed.')).toBeVisible();
  await expect(page.getByTestId('section-who')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('Full name').fill(`${caller.givenName} ${caller.familyName}`);
  await page.getByLabel('Date of birth (as they say it: 12/3/85, 12 March 1985)').fill(dayFirst(caller.dateOfBirth));
  await page.getByLabel('First line of the address').fill(home.address.line1);
  await page.getByLabel('Postcode').fill(home.address.postcode.replace(' ', '').toLowerCase());
  await page.getByRole('button', { name: 'Check answers' }).click();

  await expect(page.getByTestId('identity-status')).toHaveText('Identity checked: passed');
  for (const section of ['who', 'contact', 'household', 'accounts', 'cases', 'timeline']) await expect(page.getByTestId(`section-${section}`)).toBeVisible();
  await expect(page.getByTestId('section-household')).toContainText(home.address.postcode);
  await expect(page.getByTestId('timeline').locator('li').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('staff-safety markers: hidden for an agent, shown for a team leader, and the access audited', async ({ page }) => {
  // Two officers each sign in and open the record, and the second goes past the identity
  // check: on a loaded CI machine this once ran past the default 30 s at its last click.
  test.setTimeout(60_000);
  const marked = borough.flags.find((flag) => flag.kind === 'staff-safety');
  const resident = borough.residents.find((each) => each.id === marked?.residentId);
  const home = resident && household(resident.householdId);
  if (!marked || !resident || !home) throw new Error('the training borough has no staff-safety marker');
  const leader = borough.staff.find((staff) => staff.role === 'team-leader');
  const agent = borough.staff.find((staff) => staff.role === 'agent');
  if (!leader || !agent) throw new Error('no team leader or agent in the training staff');

  await openWorkstation(page);
  await page.getByLabel('Acting as').selectOption(agent.id);
  await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${agent.displayName}`);
  const openMarked = async () => {
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Search' }).click();
    const search = page.getByLabel('Find a resident');
    await search.fill(`${resident.givenName} ${resident.familyName} ${home.address.postcode}`);
    await expect(page.getByTestId('resident-results').getByRole('button').first()).toContainText(`${resident.givenName} ${resident.familyName}`);
    await search.press('Enter');
    await expect(page.getByTestId('resident-name')).toHaveText(`${resident.givenName} ${resident.familyName}`);
  };

  // An agent.
  await openMarked();
  await expect(page.getByTestId('hidden-for-role')).toContainText('hidden for your role');
  await expect(page.getByTestId('flag-staff-safety')).toHaveCount(0);

  await page.getByLabel('Acting as').selectOption(leader.id);
  await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${leader.displayName}`);
  await openMarked();
  await expect(page.getByTestId('flag-staff-safety').first()).toContainText(marked.note);
  await expect(page.getByTestId('hidden-for-role')).toHaveCount(0);

  await page.getByRole('button', { name: 'Go on without the identity check' }).click();
  await page.getByLabel('Why are you going on without it?').fill('Resident at the service point with photo ID');
  await page.getByRole('button', { name: 'Go on and record why' }).click();
  await expect(page.getByTestId('identity-status')).toHaveText('Identity check overridden, with a reason recorded');
  await page.getByRole('button', { name: 'Show who has opened this record' }).click();
  const log = page.getByTestId('access-log');
  await expect(log.locator('li')).toHaveCount(3);
  await expect(log).toContainText(`${leader.displayName}, for case work, identity not checked (overridden). Reason given: Resident at the service point with photo ID`);
  await expect(log).toContainText(`, for case work, identity not yet checked.`);
  await expectNoAxeViolations(page);
});

test('typing moves nothing under the results: from one letter to a whole name and back, the training call button stays put', async ({ page }) => {
  await openWorkstation(page);
  await page.keyboard.press('Alt+2');
  // Once the directory is all here: the line above the results says how much is searchable, and changes height until then.
  await expect(page.getByText(/^Searching [\d,]+ residents\.$/)).toBeVisible();
  const search = page.getByLabel('Find a resident');
  const results = page.getByTestId('resident-results');
  const under = page.getByRole('button', { name: 'Simulate an incoming call' });
  const top = async () => (await under.boundingBox())?.y;
  const resident = borough.residents[0]!;
  await search.fill(resident.familyName.slice(0, 1));
  await expect(page.getByText('Type at least 2 letters or numbers.')).toBeVisible();
  const whileTyping = await top();
  await search.fill(resident.familyName.slice(0, 2));
  await expect(results.getByRole('button')).toHaveCount(20);
  expect(await top()).toBe(whileTyping);
  await search.fill(`${resident.givenName} ${resident.familyName}`);
  await expect(results.getByRole('button').first()).toContainText(`${resident.givenName} ${resident.familyName}`);
  expect(await top()).toBe(whileTyping);
  await search.fill(resident.familyName.slice(0, 1));
  await expect(results.getByRole('button')).toHaveCount(0);
  expect(await top()).toBe(whileTyping);
  // An empty box keeps no room: the button comes back up under the box.
  await search.fill('');
  await expect.poll(top).toBeLessThan(whileTyping!);
});
