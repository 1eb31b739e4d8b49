import { afterAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';
import { NotPossible } from '../../../main/core/ipc/router';
import { createAzureTranslator } from '../../../main/core/translation/azure-translator';
import { TRANSLATOR_KEY_SECRET } from '../../../main/core/secrets/secret-names';
import { createTranslationService } from '../../../main/core/translation/translation-service';
import { createTranslatorConnector } from '../../../main/core/translation/translator-connector';
import { startTranslatorStandIn, translatorReply } from '../../../main/core/training/translator/stand-in';
import { MACHINE_TRANSLATION_LABEL } from '../../../shared/languages/interpreting';
import type { StaffUser } from '../../../shared/domain/staff';

const agent: StaffUser = { id: 's-agent', displayName: 'Ama Agent', email: 'ama@example.org', role: 'agent', team: 'Blue' };
const secret = 'Mrs Okafor’s rent account 12345678';

function logged() {
  const lines: { message: string; details?: Record<string, unknown> }[] = [];
  return { lines, log: { info: (message: string, details?: Record<string, unknown>) => lines.push({ message, details }) } };
}

const live = (extra: Record<string, unknown>) =>
  loadDeploymentConfig(
    JSON.stringify({
      tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      clientId: '9a0c0305-e82c-4f89-81d3-3f2504e03301',
      dataverseUrl: 'https://southwark-test.crm11.dynamics.com',
      anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
      ...extra,
    }),
    'c.json',
  );

describe('machine translation in training, through the connector and the stand-in over https', () => {
  const connector = createTranslatorConnector({ config: loadDeploymentConfig(undefined, '') });
  afterAll(() => connector.close());

  it('comes back marked by the stand-in and always labelled as machine translation', async () => {
    const { lines, log } = logged();
    const service = createTranslationService({ translator: () => connector.translator(), user: () => agent, log });
    const result = await service.translate({ text: 'Your bin will be collected on Tuesday.', from: 'en', to: 'so', purpose: 'enquiry' });
    expect(result).toEqual({ text: '[so] Your bin will be collected on Tuesday.', from: 'en', to: 'so', label: MACHINE_TRANSLATION_LABEL });
    const request = (await connector.standIn())?.requests().at(-1);
    expect(request).toEqual({ method: 'POST', target: '/translate?api-version=3.0&from=en&to=so' });
    expect(lines).toEqual([{ message: 'machine translation', details: { purpose: 'enquiry', from: 'en', to: 'so', characters: 38, staffId: 's-agent' } }]);
  });

  it('logs every use without the text', async () => {
    const { lines, log } = logged();
    const service = createTranslationService({ translator: () => connector.translator(), user: () => agent, log });
    await service.translate({ text: secret, from: null, to: 'ti', purpose: 'case-notes' });
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('Okafor');
    expect(lines[0]?.details).toMatchObject({ characters: secret.length, staffId: 's-agent', to: 'ti', from: 'detect', purpose: 'case-notes' });
  });

  it('refuses safeguarding, legal and payment matters, sending nothing', async () => {
    const { lines, log } = logged();
    const service = createTranslationService({ translator: () => connector.translator(), user: () => agent, log });
    const before = (await connector.standIn())?.requests().length ?? 0;
    for (const purpose of ['safeguarding', 'legal', 'payment'] as const) {
      await expect(service.translate({ text: secret, from: 'en', to: 'so', purpose })).rejects.toThrow(/never used for safeguarding, legal or payment/);
    }
    expect((await connector.standIn())?.requests().length ?? 0).toBe(before);
    expect(JSON.stringify(lines)).not.toContain('Okafor');
  });

  it('is switched on in the training session, and answers through the core’s router', async () => {
    const { lines, log } = logged();
    const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: { ...log, warn: () => undefined, error: () => undefined }, resourcesDir: 'resources', training: { residents: 50 } });
    try {
      expect(await core.router.dispatch('session.get', {}, { transport: 'loopback' })).toMatchObject({ ok: true, value: { features: { machineTranslation: true } } });
      expect(await core.router.dispatch('translation.translate', { text: 'Hello', from: 'en', to: 'ti', purpose: 'signposting' }, { transport: 'loopback' })).toEqual({
        ok: true,
        value: { text: '[ti] Hello', from: 'en', to: 'ti', label: MACHINE_TRANSLATION_LABEL },
      });
      expect(await core.router.dispatch('translation.translate', { text: 'Hello', from: 'en', to: 'ti', purpose: 'payment' }, { transport: 'loopback' })).toMatchObject({ ok: false, error: { code: 'not-possible' } });
      expect(lines.filter((line) => line.message.startsWith('machine translation')).map((line) => line.details?.purpose)).toEqual(['signposting', 'payment']);
    } finally {
      await core.close();
    }
  });
});

describe('the translator stand-in', () => {
  it('checks the key and the api-version as Azure does, with Azure’s error JSON', async () => {
    const standIn = await startTranslatorStandIn({ key: 'right-key' });
    const fetch = httpsFetch(standIn.ca);
    try {
      const post = (query: string, key: string, body = '[{"Text":"Hello"}]') =>
        fetch(`${standIn.url}/translate?${query}`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key, 'Ocp-Apim-Subscription-Region': 'uksouth', 'Content-Type': 'application/json; charset=UTF-8' }, body });
      const wrongKey = await post('api-version=3.0&to=so', 'wrong');
      expect(wrongKey.status).toBe(401);
      expect(JSON.parse(await wrongKey.text())).toEqual({ error: { code: 401000, message: expect.stringContaining('credentials') } });
      const noVersion = await post('to=so', 'right-key');
      expect(noVersion.status).toBe(400);
      expect(JSON.parse(await noVersion.text())).toMatchObject({ error: { code: 400021 } });
      expect(JSON.parse(await (await post('api-version=3.0&to=so', 'right-key', '{"Text":1}')).text())).toMatchObject({ error: { code: 400074 } });
      const ok = await post('api-version=3.0&to=so&to=ti', 'right-key');
      expect(JSON.parse(await ok.text())).toEqual([{ detectedLanguage: { language: 'en', score: 1 }, translations: [{ text: '[so] Hello', to: 'so' }, { text: '[ti] Hello', to: 'ti' }] }]);
      // The adapter turns a refused key into words staff can act on.
      const translator = createAzureTranslator({ endpoint: standIn.url, region: 'uksouth', key: () => Promise.resolve('wrong'), fetch });
      await expect(translator.translate('Hello', 'en', 'so')).rejects.toThrow(/did not accept this computer’s key/);
    } finally {
      fetch.close();
      await standIn.close();
    }
  });

  it('refuses a target language that is not a language code', () => {
    const reply = translatorReply({ method: 'POST', target: '/translate?api-version=3.0&to=Somali', headers: { 'ocp-apim-subscription-key': 'k', 'content-type': 'application/json' }, body: '[{"Text":"x"}]' }, 'k');
    expect(reply).toEqual({ status: 400, body: { error: { code: 400036, message: expect.any(String) } } });
  });
});

describe('machine translation when not set up', () => {
  it('is off in live mode unless configured', async () => {
    const config = live({});
    expect(config.features.machineTranslation).toBe(false);
    const service = createTranslationService({ translator: () => createTranslatorConnector({ config }).translator(), user: () => agent, log: logged().log });
    await expect(service.translate({ text: 'Hello', from: 'en', to: 'so', purpose: 'enquiry' })).rejects.toThrow(/not set up/);
  });

  it('needs its endpoint when switched on, and never takes a key in the file', () => {
    expect(live({ features: { machineTranslation: true } })).toMatchObject({ mode: 'config-error', problems: [{ field: 'machineTranslation' }] });
    expect(live({ features: { machineTranslation: true }, machineTranslation: { endpoint: 'https://api-eur.cognitive.microsofttranslator.com', region: 'uksouth', key: 'abc' } })).toMatchObject({
      mode: 'config-error',
      problems: [{ message: expect.stringContaining('key') }],
    });
  });

  it('says it is not set up in live mode when the keychain holds no key, without going out', async () => {
    const config = live({ features: { machineTranslation: true }, machineTranslation: { endpoint: 'https://api-eur.cognitive.microsofttranslator.com', region: 'uksouth' } });
    expect(config.features.machineTranslation).toBe(true);
    const asked: string[] = [];
    const fetch = () => Promise.reject(new Error('must not be called'));
    const connector = createTranslatorConnector({ config, fetch, secrets: { get: (name) => (asked.push(name), Promise.resolve(null)) } });
    const service = createTranslationService({ translator: () => connector.translator(), user: () => agent, log: logged().log });
    await expect(service.translate({ text: 'Hello', from: 'en', to: 'so', purpose: 'enquiry' })).rejects.toSatisfy((error: unknown) => error instanceof NotPossible && /not set up/.test(error.message));
    expect(asked).toEqual([TRANSLATOR_KEY_SECRET]);
  });
});
