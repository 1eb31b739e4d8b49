import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createMessageService } from '../../../main/core/notify/message-service';
import { NotifyError } from '../../../main/core/notify/notify-api';
import { createNotifyConnector } from '../../../main/core/notify/notify-connector';
import { NOTIFY_KEY_SECRET } from '../../../main/core/secrets/secret-names';

const templateId = '2f7c8a3e-1b4d-4c5e-9f60-718293a4b5c6';
const live = loadDeploymentConfig(
  JSON.stringify({
    tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    clientId: '9a0c0305-e82c-4f89-81d3-3f2504e03301',
    dataverseUrl: 'https://southwark-test.crm11.dynamics.com',
    anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
    notify: { templates: [{ purpose: 'online-link', channel: 'sms', templateId }] },
  }),
  'c.json',
);

describe('GOV.UK Notify in live mode', () => {
  it('takes the key only from the keychain, and with none asks nothing of Notify', async () => {
    const asked: string[] = [];
    const without = createNotifyConnector({ config: live, secrets: { get: (name) => (asked.push(name), Promise.resolve(null)) } });
    await expect(without.connection()).rejects.toSatisfy((error: unknown) => error instanceof NotifyError && error.kind === 'key');
    expect(asked).toEqual([NOTIFY_KEY_SECRET]);
    const key = `southwark_live-5c0ffee0-4b1d-4e2a-9f3c-7a8b9c0d1e2f-6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b`;
    const withKey = createNotifyConnector({ config: live, secrets: { get: () => Promise.resolve(key) } });
    expect((await withKey.connection())?.templates).toEqual([{ purpose: 'online-link', channel: 'sms', language: 'en', templateId }]);
    expect(await withKey.standIn()).toBeNull();
  });

  it('without notify settings sends nothing, and says the computer is not set up', async () => {
    const { notify: _, ...rest } = live.mode === 'live' ? live.config : ({} as never);
    const none = createNotifyConnector({ config: { ...live, mode: 'live', config: rest } as typeof live });
    expect(await none.connection()).toBeNull();
  });

  it('a message written while the key is missing waits for it, rather than failing', async () => {
    const service = createMessageService({
      connection: () => Promise.reject(new NotifyError('key', 'The GOV.UK Notify key is not on this computer.', null)),
      revealedResidentId: () => null,
      backOffice: () => Promise.resolve(null),
      user: () => ({ id: 'stf-001', displayName: 'Sam', email: 'sam@example.org', role: 'agent', team: 'Contact centre' }),
      now: () => new Date(),
      log: { warn: () => undefined },
    });
    const answer = await service.send({
      messageId: crypto.randomUUID(),
      writtenAt: new Date().toISOString(),
      residentId: '00000001-0000-4000-8000-000000000401',
      interactionId: null,
      caseId: null,
      purpose: 'online-link',
      channel: 'sms',
      templateId,
      recipient: { source: 'record', to: '07700 900123' },
      personalisation: { service: 'x', link: 'y' },
      body: 'x y',
      attempts: 0,
    });
    expect(answer).toEqual({ status: 'retry', reason: expect.stringContaining('GOV.UK Notify key is not on this computer yet') });
  });
});
