import type { ICachePlugin } from '@azure/msal-node';
import { MSAL_TOKEN_CACHE_SECRET } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';

/**
 * MSAL's token cache, kept in the secret store under one entry. MSAL reads it before each use
 * and we write it back only when it changed. With a memory-only store the cache simply lives
 * for this run; nothing here falls back to a plain file.
 */
export function secretStoreCachePlugin(secrets: SecretStore): ICachePlugin {
  return {
    async beforeCacheAccess(context) {
      const stored = await secrets.get(MSAL_TOKEN_CACHE_SECRET);
      if (stored) context.tokenCache.deserialize(stored);
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) await secrets.set(MSAL_TOKEN_CACHE_SECRET, context.tokenCache.serialize());
    },
  };
}
