import { describe, expect, it } from 'vitest';
import { createDataKeys } from '../../../main/core/secrets/data-keys';
import { createMemoryOnlySecretStore, type SecretStore } from '../../../main/core/secrets/secret-store';

/** A keychain that remembers what it was given, as the desktop's safeStorage files do. */
function keychain(): SecretStore & { kept: 'keychain'; values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    kept: 'keychain',
    keptReason: null,
    values,
    get: (name) => Promise.resolve(values.get(name) ?? null),
    set: (name, value) => Promise.resolve(void values.set(name, value)),
    delete: (name) => Promise.resolve(void values.delete(name)),
  };
}

describe('each officer’s data key', () => {
  it('is made once, kept only in the keychain, the same for every window, and different for each officer', async () => {
    const store = keychain();
    const keys = createDataKeys(store);
    const [first, again] = await Promise.all([keys.forOfficer('staff-1'), keys.forOfficer('staff-1')]);
    expect(first.key).toBe(again.key);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(first.kept).toBe('keychain');
    expect((await keys.forOfficer('staff-2')).key).not.toBe(first.key);
    // A restart reads it back from the keychain rather than making another.
    expect((await createDataKeys(store).forOfficer('staff-1')).key).toBe(first.key);
    expect([...store.values.keys()]).toEqual(['civicdesk/data-key/staff-1', 'civicdesk/data-key/staff-2']);
  });

  it('once forgotten is gone: the next one is a new key, so what was sealed under the old cannot be opened', async () => {
    const keys = createDataKeys(keychain());
    const before = await keys.forOfficer('staff-1');
    await keys.forget('staff-1');
    expect((await keys.forOfficer('staff-1')).key).not.toBe(before.key);
  });

  it('says when there is no real keychain, so the key, and what it seals, lasts only this run', async () => {
    const keys = createDataKeys(createMemoryOnlySecretStore('No keychain here.'));
    expect(await keys.forOfficer('staff-1')).toMatchObject({ kept: 'this-session-only', keptReason: 'No keychain here.' });
  });
});
