import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuthService, type AuthService } from '../../../main/core/auth/auth-service';
import { createEncryptingSecretStore, type SecretStore } from '../../../main/core/secrets/secret-store';
import { startIdentityStandIn, type IdentityStandIn, type IdentityStandInOptions } from '../../../main/core/training/identity/identity-stand-in';
import { trainingBrowser } from '../../../main/core/training/identity/training-browser';

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_ID = '00000000-0000-4000-8000-00000000c1d0';
export const SCOPES = ['User.Read', 'Presence.ReadWrite'];
export const USERS = [
  { oid: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Priya Shah', username: 'priya.shah@training.civicdesk.example' },
  { oid: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Tom O’Neill', username: 'tom.oneill@training.civicdesk.example' },
];

export function startStandIn(options: Partial<IdentityStandInOptions> = {}): Promise<IdentityStandIn> {
  return startIdentityStandIn({ tenantId: TENANT_ID, users: USERS, clientIds: [CLIENT_ID], ...options });
}

export interface Logged {
  log: { info(message: string, details?: Record<string, unknown>): void; warn(message: string, details?: Record<string, unknown>): void };
  lines: string[];
}

export function logged(): Logged {
  const lines: string[] = [];
  const record = (message: string, details?: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(details ?? {})}`);
  return { lines, log: { info: record, warn: record } };
}

/** The auth service as training mode builds it: MSAL against the stand-in, signing in through the training browser. */
export function trainingAuth(standIn: IdentityStandIn, secrets: SecretStore, extra: { loginHint?: string | null; now?: () => Date; openBrowser?: (url: string) => Promise<void>; log?: Logged } = {}): AuthService {
  const hint = extra.loginHint === undefined ? USERS[0]?.username ?? null : extra.loginHint;
  return createAuthService({
    settings: { authority: standIn.authority, clientId: CLIENT_ID, knownAuthorities: [new URL(standIn.authority).host], protocolMode: 'OIDC', scopes: SCOPES, ca: standIn.ca },
    secrets,
    openBrowser: extra.openBrowser ?? trainingBrowser({ ca: standIn.ca, loginHint: () => hint }),
    log: (extra.log ?? logged()).log,
    now: extra.now,
  });
}

/**
 * An encrypting store as the shell builds it, with a real AES-256-GCM key standing in for the
 * one the operating system would hold, over a temporary folder.
 */
export async function encryptingStore(): Promise<{ store: SecretStore; dir: string; files(): Promise<Buffer[]>; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'civicdesk-secrets-'));
  const key = randomBytes(32);
  const store = createEncryptingSecretStore({
    dir,
    encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
    readFile: (filePath) => readFile(filePath).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error))),
    writeFile: (filePath, data) => writeFile(filePath, data),
    deleteFile: (filePath) => rm(filePath, { force: true }),
  });
  return {
    store,
    dir,
    files: async () => Promise.all((await readdir(dir)).map((name) => readFile(path.join(dir, name)))),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
