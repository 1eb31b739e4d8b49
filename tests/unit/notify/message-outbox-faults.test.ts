import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiBridge } from '../../../shared/contract/api-bridge';
import type { Outcome } from '../../../shared/contract/outcome';
import type { ResidentMessage } from '../../../shared/domain/resident-message';
import type { StaffUser } from '../../../shared/domain/staff';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { createRouter } from '../../../main/core/ipc/router';
import { createMessageService } from '../../../main/core/notify/message-service';
import { createNotifyApi } from '../../../main/core/notify/notify-api';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { generateTrainingData } from '../../../main/core/training/generator';
import { startNotifyStandIn, TRAINING_NOTIFY_KEY, type NotifyStandIn } from '../../../main/core/training/notify/stand-in';
import { trainingTemplateChoices } from '../../../main/core/training/notify/template-choices';
import { CaseDatabase } from '../../../renderer/storage/case-database';
import { createMessageSender, writeMessage, type MessageSender } from '../../../renderer/messages/message-outbox';
import { entraTokens } from '../support/entra-tokens';
import { everyOtherCallRefused } from '../sync/core-harness';

const staff: StaffUser = { id: 'stf-001', displayName: 'Sam Notify', email: 'sam.notify@example.org', role: 'agent', team: 'Contact centre' };
const testKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/**
 * The whole way out of a text, in this process: the renderer's outbox and sender over the real
 * bridge and router, main's message service with Notify's own client against the Notify
 * stand-in, and the Dataverse adapter against the Dataverse stand-in. Each fault is met on
 * the way; each message must reach Notify, and the council's system, exactly once.
 */
let notify: NotifyStandIn;
let dataverse: DataverseStandIn;
let fetch: ReturnType<typeof httpsFetch>;
let residentId: string;
const transport = { state: 'up' as 'up' | 'down' };

beforeAll(async () => {
  const dataset = generateTrainingData({ residents: 50 });
  const tokens = entraTokens();
  [notify, dataverse] = await Promise.all([startNotifyStandIn({}), startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken })]);
  fetch = httpsFetch(dataverse.ca);
  residentId = String(dataverse.rows('contacts')[1]?.contactid);
  // One try per request: the outbox, not the adapter, is what tries again here.
  const office = createDataverseBackOffice({ dataverseUrl: dataverse.url, getAccessToken: () => Promise.resolve(tokens.app(dataverse.url)), fetch, retry: { maxAttempts: 1 } });
  const api = createNotifyApi({ baseUrl: notify.url, apiKey: TRAINING_NOTIFY_KEY, ca: notify.ca, timeoutMs: 5_000 });
  // One open whose identity check passed; any other is refused, as the resident service does.
  service = createMessageService({ connection: () => Promise.resolve({ api, templates: trainingTemplateChoices() }), revealedResidentId: (accessId) => (accessId === 'open-1' ? residentId : null), backOffice: () => Promise.resolve(office), user: () => staff, now: () => new Date(), log: { warn: () => undefined } });
});

let service: ReturnType<typeof createMessageService>;
afterAll(async () => {
  fetch.close();
  await Promise.all([notify.close(), dataverse.close()]);
});

function senderFor(db: CaseDatabase): MessageSender {
  const router = createRouter({ ...everyOtherCallRefused(), 'messages.send': (input) => service.send(input), 'messages.status': ({ notificationIds }) => service.status(notificationIds) }, { error: () => undefined });
  const bridge = createApiBridge({
    invoke(name, input) {
      if (transport.state === 'down') return Promise.resolve<Outcome<unknown>>({ ok: false, error: { code: 'not-connected', message: 'CivicDesk has lost its connection.' } });
      return router.dispatch(name, JSON.parse(JSON.stringify(input)) as unknown, { transport: 'ipc' });
    },
    subscribe: () => () => {},
  });
  return createMessageSender(db, bridge, () => staff.id);
}

async function written(db: CaseDatabase, to = '07700 900123'): Promise<ResidentMessage> {
  const template = trainingTemplateChoices().find((each) => each.purpose === 'online-link' && each.channel === 'sms' && each.language === 'en');
  return writeMessage(db, {
    id: crypto.randomUUID(),
    staffId: staff.id,
    residentId,
    interactionId: crypto.randomUUID(),
    caseId: null,
    purpose: 'online-link',
    channel: 'sms',
    templateId: template!.templateId,
    language: 'en',
    recipient: { source: 'record', to },
    personalisation: { service: 'Report a missed bin collection', link: 'https://services.southwark.gov.uk/bins/report-missed' },
    subject: null,
    body: 'Report a missed bin collection: https://services.southwark.gov.uk/bins/report-missed',
    writtenAt: new Date().toISOString(),
  });
}

const atNotify = (id: string) => notify.sent().filter((each) => each.reference === id);
const inDataverse = (id: string) => dataverse.rows('cd_residentmessages').filter((row) => String(row.activityid).toLowerCase() === id);

describe('a text to a resident goes to Notify, and into the council’s system, exactly once', () => {
  let db: CaseDatabase;
  beforeEach(() => {
    db = new CaseDatabase(`messages-${crypto.randomUUID()}`, testKey);
    notify.faults.clear();
    transport.state = 'up';
  });

  it('sends, records it on the resident, and keeps Notify’s id', async () => {
    const message = await written(db);
    await senderFor(db).sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
    expect(inDataverse(message.id)).toHaveLength(1);
    expect(inDataverse(message.id)[0]).toMatchObject({ cd_channel: 'sms', cd_purpose: 'online-link', cd_recipientsource: 'record', _regardingobjectid_value: residentId });
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'sent', recorded: true, notificationId: atNotify(message.id)[0]?.id, attempts: 1 });
  });

  it('Notify took it but the answer was lost (500 after storing): the next try finds it by reference and does not send again', async () => {
    const message = await written(db);
    notify.faults.applyThenFail({ times: 1 });
    const sender = senderFor(db);
    await sender.sendWaiting();
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(atNotify(message.id)).toHaveLength(1);
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
    expect(inDataverse(message.id)).toHaveLength(1);
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'sent', recorded: true });
  });

  it('the connection dropped before Notify answered, then Notify was busy (429): it waits, then goes once', async () => {
    const message = await written(db);
    notify.faults.dropConnection({ times: 1 });
    const sender = senderFor(db);
    await sender.sendWaiting();
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'waiting', failure: expect.stringContaining('could not be reached') });
    notify.faults.throttle({ times: 2 });
    await sender.sendWaiting();
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'waiting', failure: expect.stringContaining('busy') });
    expect(atNotify(message.id)).toHaveLength(0);
    notify.faults.clear();
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
    expect(inDataverse(message.id)).toHaveLength(1);
  });

  it('main out of reach: it waits on this computer, and goes once when main answers', async () => {
    const message = await written(db);
    transport.state = 'down';
    const sender = senderFor(db);
    await sender.sendWaiting();
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(0);
    transport.state = 'up';
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
  });

  it('sent, but the council’s system failed to record it: recorded on a later try, never sent twice', async () => {
    const message = await written(db);
    dataverse.faults.failAlways({ status: 503 });
    const sender = senderFor(db);
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'sent', recorded: false });
    dataverse.faults.clear();
    await sender.sendWaiting();
    expect(atNotify(message.id)).toHaveLength(1);
    expect(inDataverse(message.id)).toHaveLength(1);
    expect(await db.messages.get(message.id)).toMatchObject({ state: 'sent', recorded: true });
  });

  it('a message Notify turns down is not sent, and says why in Notify’s words; one after it still goes', async () => {
    const refused = await written(db);
    await db.messages.update(refused.id, { personalisation: { service: 'Report a missed bin collection' } });
    const notAMobile = await written(db, '07700 90012');
    const fine = await written(db);
    await senderFor(db).sendWaiting();
    expect(await db.messages.get(refused.id)).toMatchObject({ state: 'failed', failure: expect.stringContaining('GOV.UK Notify turned this message down: Missing personalisation: link.') });
    // A number that is not a UK mobile never reaches Notify.
    expect(await db.messages.get(notAMobile.id)).toMatchObject({ state: 'failed', failure: 'That is not a UK mobile number. Check it with the resident.' });
    expect(atNotify(refused.id)).toHaveLength(0);
    expect(atNotify(notAMobile.id)).toHaveLength(0);
    expect(atNotify(fine.id)).toHaveLength(1);
  });

  it('the 360 view reads what the council’s system recorded, from any computer, after the identity check', async () => {
    const message = await written(db);
    await senderFor(db).sendWaiting();
    const listed = await service.forResident('open-1');
    expect(listed.find((each) => each.id === message.id)).toMatchObject({ channel: 'sms', purpose: 'online-link', to: '07700900123', delivery: expect.stringMatching(/^(sending|delivered)$/) });
    await expect(service.forResident('open-2')).rejects.toThrow('Complete the identity check first.');
  });

  it('delivery is asked of Notify and kept', async () => {
    const message = await written(db);
    const sender = senderFor(db);
    await sender.sendWaiting();
    await expect.poll(async () => (await sender.checkDelivery(), (await db.messages.get(message.id))?.delivery), { timeout: 10_000, interval: 500 }).toBe('delivered');
  });
});
