import { expect, test, type Page } from '@playwright/test';
import { rowIdFor } from '../../main/core/training/dataverse/row-ids';
import { TRAINING_NOTIFY_TEMPLATES } from '../../main/core/training/notify/templates';
import { readRows } from './support/back-office';
import { answerMissedBin, callerBundle, endCallAndWrapUp, expectNoAxeViolations, openWorkstation, passIdentityCheck, saveWrapUp, takeSimulatedCall } from './support/contact';
import { notificationsSent } from './support/notify';
import { trainingBorough } from './support/training-borough';

const { bundles } = trainingBorough();
const LINK = 'https://services.southwark.gov.uk/bins/report-missed';
const nationalMobile = (number: string) => number.replace(/\s+/g, '');

test.use({ viewport: { width: 1366, height: 768 } });

/** The missed-bin script, by keyboard, to its "create a case" outcome with the online route. */
async function runMissedBin(page: Page, address: { line1: string; postcode: string }) {
  await page.keyboard.press('Alt+4');
  const search = page.getByLabel('Search call scripts');
  await search.fill('missed bin');
  await search.press('Enter');
  await answerMissedBin(page, address);
  const route = page.getByTestId('outcome-case').getByTestId('online-route');
  await expect(route).toContainText(LINK);
  return route;
}

async function textTheLink(page: Page, route: ReturnType<Page['getByTestId']>) {
  await route.getByRole('button', { name: 'Text or email this link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Text or email the online link' });
  await dialog.getByRole('radiogroup', { name: 'Send it as' }).getByLabel('Text message').check();
  return dialog;
}

test('from a call: the missed-bin link texted once to a resident who agreed, recorded and delivered; refused without consent; offline it waits and goes once', async ({ page, context }) => {
  test.setTimeout(300_000);
  await openWorkstation(page);
  const templates: Partial<Record<string, { id: string }>> = TRAINING_NOTIFY_TEMPLATES['online-link'].sms;
  let texted = false;
  let refused = false;
  for (let call = 0; call < 12 && !(texted && refused); call += 1) {
    const caller = await takeSimulatedCall(page);
    await passIdentityCheck(page, caller);
    const { resident, household } = callerBundle(bundles, caller);
    const mobile = resident.contact.phones.find((phone) => phone.kind === 'mobile');
    const agreed = resident.preferences.smsConsent && mobile !== undefined;
    if ((agreed && texted) || (!agreed && refused)) {
      await endCallAndWrapUp(page);
      continue;
    }
    const route = await runMissedBin(page, household.address);

    if (!agreed) {
      // No consent (or no mobile): the record's number is not offered, and sending says why.
      const dialog = await textTheLink(page, route);
      const reason = resident.preferences.smsConsent ? 'There is no mobile number on the record.' : 'The resident has not agreed to texts.';
      await expect(dialog.getByTestId('message-refused')).toContainText(reason);
      await dialog.getByRole('button', { name: 'Send text message' }).click();
      await expect(dialog.getByRole('alert')).toContainText(reason);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Text or email this link');
      refused = true;
      await endCallAndWrapUp(page);
      continue;
    }

    const number = nationalMobile(mobile.number);
    const before = (await notificationsSent('sms')).filter((each) => each.phone_number === number).length;
    const dialog = await textTheLink(page, route);
    await expect(dialog.getByRole('radiogroup', { name: 'Send the text message to' }).getByLabel(`${mobile.number} (on their record, and they agreed)`)).toBeChecked();
    const preview = dialog.getByTestId('message-preview');
    await expect(preview).toContainText(LINK);
    await expect(preview).toContainText('Report a missed bin collection online');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Send text message' }).click();
    await expect(dialog).toBeHidden();
    // Focus is back where the officer was.
    await expect(route.getByRole('button', { name: 'Text or email this link' })).toBeFocused();
    await expect(route.getByTestId('link-messages')).toContainText(`Text (online link) to ${mobile.number}`);

    // On the 360 view at once, and delivered once Notify says so.
    await page.keyboard.press('Alt+3');
    const messages = page.getByTestId('section-messages');
    await expect(messages).toContainText(`Text (online link) to ${mobile.number}`);
    await expect(messages.getByTestId('message-state').first()).toHaveText('Delivered', { timeout: 30_000 });
    await expectNoAxeViolations(page);

    // Notify got exactly one text, with that template and the link filled in.
    const sent = (await notificationsSent('sms')).filter((each) => each.phone_number === number);
    expect(sent).toHaveLength(before + 1);
    const [first] = sent;
    // In the resident's language where the council has the template, else English.
    const template = templates[resident.language.preferred.split('-')[0] ?? 'en'] ?? TRAINING_NOTIFY_TEMPLATES['online-link'].sms.en;
    expect(first).toMatchObject({ template: { id: template.id }, status: 'delivered' });
    expect(first?.body).toContain(LINK);
    // And the council's system has it on the resident, once.
    const recorded = await readRows(`cd_residentmessages?$select=activityid,cd_notificationid,cd_channel,cd_purpose,_regardingobjectid_value&$filter=cd_notificationid eq '${first?.id}'`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ cd_channel: 'sms', cd_purpose: 'online-link', _regardingobjectid_value: rowIdFor(resident.id), activityid: first?.reference });

    // Offline: a second text waits on this computer, then goes once when the network is back.
    await page.keyboard.press('Alt+4');
    await context.setOffline(true);
    const again = await textTheLink(page, route);
    await again.getByRole('button', { name: 'Send text message' }).click();
    await expect(again).toBeHidden();
    await expect(route.getByTestId('link-messages').getByRole('status').last()).toHaveText(/^Waiting to send/);
    await page.waitForTimeout(1_000);
    expect((await notificationsSent('sms')).filter((each) => each.phone_number === number)).toHaveLength(before + 1);
    await context.setOffline(false);
    await expect(route.getByTestId('link-messages').getByRole('status').last()).toHaveText(/^(Sent, on its way|Delivered)$/, { timeout: 40_000 });
    const afterOffline = (await notificationsSent('sms')).filter((each) => each.phone_number === number);
    expect(afterOffline).toHaveLength(before + 2);
    expect(new Set(afterOffline.map((each) => each.reference)).size).toBe(afterOffline.length);

    // The wrap-up counts the online route as offered.
    await page.getByTestId('call-panel').getByRole('button', { name: 'End call and wrap up' }).click();
    const wrapUp = page.getByRole('dialog', { name: 'Wrap up this call' });
    await expect(wrapUp.getByRole('radiogroup', { name: 'Was the online route offered?' }).getByLabel('Yes')).toBeChecked();
    await saveWrapUp(page);
    texted = true;
  }
  expect({ texted, refused }).toEqual({ texted: true, refused: true });
});
