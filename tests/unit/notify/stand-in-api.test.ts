import https from 'node:https';
import axios, { isAxiosError } from 'axios';
import { SignJWT } from 'jose';
import { NotifyClient } from 'notifications-node-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotifyStandIn, TRAINING_NOTIFY_KEY, TRAINING_NOTIFY_SERVICE_ID, type NotifyStandIn } from '../../../main/core/training/notify/stand-in';
import { TRAINING_NOTIFY_TEMPLATES } from '../../../main/core/training/notify/templates';

const LINK = { service: 'report a missed bin', link: 'https://services.southwark.gov.uk/bins/report-missed' };
const sms = TRAINING_NOTIFY_TEMPLATES['online-link'].sms.en;
const email = TRAINING_NOTIFY_TEMPLATES['case-reference'].email.en;
const TEAM_KEY = `team_key-${TRAINING_NOTIFY_SERVICE_ID}-7f2a1b3c-4d5e-4f60-9a1b-2c3d4e5f6a7b`;
const TEST_KEY = `test_key-${TRAINING_NOTIFY_SERVICE_ID}-8a3b2c4d-5e6f-4a71-8b2c-3d4e5f6a7b8c`;

/** Notify's own client against the stand-in, trusting only its certificate: the code path CivicDesk runs. */
function clientOf(standIn: NotifyStandIn, key = TRAINING_NOTIFY_KEY): NotifyClient {
  const client = new NotifyClient(standIn.url, key);
  client.setClient(axios.create({ httpsAgent: new https.Agent({ ca: standIn.ca }) }));
  return client;
}

/** What Notify answered when it refused: its status and `{error, message}`. */
async function refusal(request: Promise<unknown>): Promise<{ status: number; error: string; message: string }> {
  try {
    await request;
  } catch (error) {
    if (!isAxiosError(error) || !error.response) throw error;
    const body = error.response.data as { status_code: number; errors: { error: string; message: string }[] };
    expect(body.status_code).toBe(error.response.status);
    return { status: error.response.status, error: body.errors[0]!.error, message: body.errors[0]!.message };
  }
  throw new Error('Notify took it');
}

let clock = Date.parse('2026-12-04T10:00:00Z');
let standIn: NotifyStandIn;
let trial: NotifyStandIn;
beforeAll(async () => {
  [standIn, trial] = await Promise.all([
    startNotifyStandIn({ now: () => clock, keys: [{ key: TRAINING_NOTIFY_KEY, type: 'live' }, { key: TEAM_KEY, type: 'team' }, { key: TEST_KEY, type: 'test' }], team: ['07700 900111', 'team@southwark.example'], rateLimitPerMinute: 40 }),
    startNotifyStandIn({ trialMode: true, team: ['+44 7700 900111'], dailyLimit: 2 }),
  ]);
});
afterAll(async () => {
  await Promise.all([standIn.close(), trial.close()]);
});

describe('training’s GOV.UK Notify, through Notify’s own client', () => {
  it('sends a text with the template filled in, then says it is sending, then delivered', async () => {
    const client = clientOf(standIn);
    const sent = (await client.sendSms(sms.id, '07700 900123', { personalisation: LINK, reference: 'ref-1' })).data;
    expect(sent).toMatchObject({ reference: 'ref-1', content: { body: `Southwark Council: as promised on your call, here is the link to report a missed bin, any time of day: ${LINK.link}` }, template: { id: sms.id, version: 1 } });
    expect((await client.getNotificationById(sent.id)).data).toMatchObject({ id: sent.id, type: 'sms', status: 'sending', phone_number: '07700900123', reference: 'ref-1' });
    clock += 3_000;
    expect((await client.getNotificationById(sent.id)).data.status).toBe('delivered');
    // Found again by its reference: how CivicDesk makes a resend find the first send.
    const byReference = (await client.getNotifications('sms', undefined, 'ref-1')).data;
    expect(byReference.notifications.map((each) => each.id)).toEqual([sent.id]);
    expect(standIn.sent().filter((each) => each.reference === 'ref-1')).toHaveLength(1);
  });

  it('sends an email with its subject, and ends Notify’s test addresses and numbers in failed deliveries', async () => {
    const client = clientOf(standIn);
    const values = { reference: 'CD-261204-7K3M9Q', service: 'waste', due_date: 'Tuesday 8 December 2026' };
    const sent = (await client.sendEmail(email.id, 'Ada@Example.org', { personalisation: values, reference: null as unknown as string })).data;
    expect(sent.content).toMatchObject({ subject: 'Your waste request: CD-261204-7K3M9Q' });
    const temporary = (await client.sendSms(sms.id, '07700900003', { personalisation: LINK })).data;
    const permanent = (await client.sendEmail(email.id, 'perm-fail@simulator.notify', { personalisation: values })).data;
    clock += 3_000;
    expect((await client.getNotificationById(temporary.id)).data.status).toBe('temporary-failure');
    expect((await client.getNotificationById(permanent.id)).data.status).toBe('permanent-failure');
    expect((await client.getNotificationById(sent.id)).data).toMatchObject({ status: 'delivered', email_address: 'ada@example.org', subject: 'Your waste request: CD-261204-7K3M9Q' });
  });

  it('reads templates and previews them, as Notify does', async () => {
    const client = clientOf(standIn);
    expect((await client.getTemplateById(sms.id)).data).toMatchObject({ id: sms.id, type: 'sms', version: 1, body: sms.body });
    expect((await client.previewTemplateById(sms.id, LINK)).data).toMatchObject({ body: expect.stringContaining(LINK.link) });
    expect(await refusal(client.previewTemplateById(sms.id, { service: 'x' }))).toEqual({ status: 400, error: 'BadRequestError', message: 'Missing personalisation: link' });
    expect(await refusal(client.getTemplateById('0d6a1c2e-5b3f-4a8d-9c71-000000000000'))).toEqual({ status: 404, error: 'NoResultFound', message: 'No result found' });
  });

  it('refuses what Notify refuses, in Notify’s words', async () => {
    const client = clientOf(standIn);
    expect(await refusal(client.sendSms(sms.id, '07700 900123', { personalisation: { service: 'x' } }))).toEqual({ status: 400, error: 'BadRequestError', message: 'Missing personalisation: link' });
    expect(await refusal(client.sendSms(sms.id, '020 7946 0123', { personalisation: LINK }))).toEqual({ status: 400, error: 'ValidationError', message: 'phone_number Not a UK mobile number' });
    expect(await refusal(client.sendSms(sms.id, '07700 9001234', { personalisation: LINK }))).toEqual({ status: 400, error: 'ValidationError', message: 'phone_number Too many digits' });
    expect(await refusal(client.sendSms('not-a-template', '07700 900123', { personalisation: LINK }))).toEqual({ status: 400, error: 'ValidationError', message: 'template_id is not a valid UUID' });
    expect(await refusal(client.sendSms(email.id, '07700 900123', { personalisation: LINK }))).toEqual({ status: 400, error: 'BadRequestError', message: 'sms template is not suitable for email notification' });
    expect(await refusal(client.sendEmail(email.id, 'ada.example.org', { personalisation: {} }))).toEqual({ status: 400, error: 'ValidationError', message: 'email_address Not a valid email address' });
    expect(await refusal(client.sendSms(sms.id, '07700 900123', { personalisation: { service: 'x', link: 'y'.repeat(1000) } }))).toMatchObject({ status: 400, error: 'BadRequestError', message: expect.stringContaining('Text messages cannot be longer than 918 characters') });
    expect(await refusal(client.getNotificationById('12345'))).toEqual({ status: 400, error: 'ValidationError', message: 'notification_id is not a valid UUID' });
    expect(await refusal(client.getNotificationById('00000000-0000-4000-8000-000000000000'))).toEqual({ status: 404, error: 'NoResultFound', message: 'No result found' });
    expect(await refusal(client.getNotifications('fax'))).toMatchObject({ status: 400, error: 'ValidationError' });
  });

  it('checks the key as Notify does: signed with the secret, issued by the service, within 30 seconds', async () => {
    const unknownKey = `other-${TRAINING_NOTIFY_SERVICE_ID}-00000000-0000-4000-8000-000000000000`;
    expect(await refusal(clientOf(standIn, unknownKey).getNotificationById(crypto.randomUUID()))).toEqual({ status: 403, error: 'AuthError', message: 'Invalid token: API key not found' });
    const token = (iat: number) => new SignJWT({ iss: TRAINING_NOTIFY_SERVICE_ID, iat }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(TRAINING_NOTIFY_KEY.slice(-36)));
    const ask = async (authorization?: string) => refusal(axios.get(`${standIn.url}/v2/notifications`, { httpsAgent: new https.Agent({ ca: standIn.ca }), headers: authorization ? { Authorization: authorization } : {} }));
    expect(await ask(`Bearer ${await token(Math.round(Date.now() / 1000) - 31)}`)).toEqual({ status: 403, error: 'AuthError', message: 'Error: Your system clock must be accurate to within 30 seconds' });
    expect(await ask(`Bearer ${await token(Math.round(Date.now() / 1000) + 31)}`)).toMatchObject({ status: 403, message: 'Error: Your system clock must be accurate to within 30 seconds' });
    expect(await ask()).toEqual({ status: 401, error: 'AuthError', message: 'Unauthorized: authentication token must be provided' });
    expect(await ask(`Basic ${await token(Math.round(Date.now() / 1000))}`)).toEqual({ status: 401, error: 'AuthError', message: 'Unauthorized: authentication bearer scheme must be used' });
    // Within the 30 seconds, it is taken.
    const ok = await axios.get(`${standIn.url}/v2/notifications`, { httpsAgent: new https.Agent({ ca: standIn.ca }), headers: { Authorization: `Bearer ${await token(Math.round(Date.now() / 1000) - 25)}` } });
    expect(ok.status).toBe(200);
  });

  it('a team key sends only to the team; a test key to anyone, and nobody gets it', async () => {
    expect(await refusal(clientOf(standIn, TEAM_KEY).sendSms(sms.id, '07700 900123', { personalisation: LINK }))).toEqual({ status: 400, error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' });
    await clientOf(standIn, TEAM_KEY).sendSms(sms.id, '+447700900111', { personalisation: LINK });
    const test = (await clientOf(standIn, TEST_KEY).sendSms(sms.id, '07700 900999', { personalisation: LINK })).data;
    expect(standIn.sent().find((each) => each.id === test.id)).toMatchObject({ keyType: 'test' });
  });

  it('in trial mode, sends only to the team, 50 a day (here 2)', async () => {
    const client = clientOf(trial);
    expect(await refusal(client.sendSms(sms.id, '07700 900123', { personalisation: LINK }))).toEqual({ status: 400, error: 'BadRequestError', message: 'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode' });
    await client.sendSms(sms.id, '07700 900111', { personalisation: LINK });
    await client.sendSms(sms.id, '07700 900111', { personalisation: LINK });
    expect(await refusal(client.sendSms(sms.id, '07700 900111', { personalisation: LINK }))).toEqual({ status: 429, error: 'TooManyRequestsError', message: 'Exceeded send limits (2) for today' });
  });

  it('limits each key to its rate a minute', async () => {
    const client = clientOf(standIn);
    clock += 61_000;
    const answers = await Promise.allSettled(Array.from({ length: 45 }, () => client.getNotifications('sms')));
    const limited = answers.filter((each) => each.status === 'rejected');
    expect(limited.length).toBe(5);
    expect(await refusal(Promise.reject((limited[0] as PromiseRejectedResult).reason))).toEqual({ status: 429, error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 40 requests per 60 seconds' });
    clock += 61_000;
  });

  it('fails on demand: a server error, a throttle, a dropped connection, and a send stored before a 500', async () => {
    const client = clientOf(standIn);
    clock += 61_000;
    standIn.faults.fail({ status: 503, times: 1 });
    expect(await refusal(client.getNotifications('sms'))).toMatchObject({ status: 503 });
    standIn.faults.throttle({ times: 1 });
    expect(await refusal(client.getNotifications('sms'))).toMatchObject({ status: 429, error: 'RateLimitError' });
    standIn.faults.dropConnection({ times: 1 });
    await expect(client.getNotifications('sms')).rejects.toSatisfy((error: unknown) => isAxiosError(error) && error.response === undefined);
    standIn.faults.applyThenFail({ times: 1 });
    const before = standIn.sent().length;
    expect(await refusal(client.sendSms(sms.id, '07700 900123', { personalisation: LINK, reference: 'stored-then-500' }))).toMatchObject({ status: 500 });
    expect(standIn.sent()).toHaveLength(before + 1);
    expect((await client.getNotifications('sms', undefined, 'stored-then-500')).data.notifications).toHaveLength(1);
  });
});
