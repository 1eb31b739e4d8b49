import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResidentAccess } from '../../../shared/domain/resident-360';
import { keptKey } from '../secrets/data-keys';
import { AUDIT_QUEUE_KEY_SECRET } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';

/** A record the back office would not take, kept with why, so the queue can move on. */
export interface SetAsideAccess {
  access: ResidentAccess;
  /** The back office's kind of refusal ('rejected', 'permission'), 'unknown', or 'not-a-resident-id'. */
  failure: string;
  /** Dataverse's error code where it gave one ('0x80040220'). */
  code?: string;
  attempts: number;
  setAsideAt: string;
}

export interface AuditQueue {
  waiting: { access: ResidentAccess; attempts: number }[];
  setAside: SetAsideAccess[];
}

/** Where the audit queue outlives a run of CivicDesk. */
export interface AuditQueueKeeper {
  /** What the last run left; an empty queue when there was nothing, or nothing readable. */
  load(): Promise<AuditQueue>;
  /** Replaces what is kept. Writes one at a time, each whole or not at all. */
  save(queue: AuditQueue): Promise<void>;
}

export const AUDIT_QUEUE_FILE_NAME = 'audit-queue.enc';
// Binds the ciphertext to what it is: a file of some other kind under the same key does not open as a queue.
const PURPOSE = Buffer.from('civicdesk audit queue v1');

const empty = (): AuditQueue => ({ waiting: [], setAside: [] });

/**
 * The audit queue in main's data folder, encrypted with AES-256-GCM under a key of its own kept
 * in the keychain store (safeStorage: DPAPI on Windows), so a copied file names nobody. Each
 * change is written to a temporary file then renamed over the old one, so a power cut leaves
 * the old queue or the new, never half of one. Where the store is not a real keychain the key
 * would die with the run, so nothing is written: the queue lives in memory for this run only.
 */
export function createAuditQueueFile(deps: { dir: string; secrets: SecretStore; log: { warn(message: string, details?: Record<string, unknown>): void } }): AuditQueueKeeper | null {
  if (deps.secrets.kept !== 'keychain') return null;
  const file = path.join(deps.dir, AUDIT_QUEUE_FILE_NAME);
  let key: Promise<Buffer> | null = null;
  const dataKey = () => (key ??= keptKey(deps.secrets, AUDIT_QUEUE_KEY_SECRET).then((kept) => Buffer.from(kept, 'base64')));
  let writing: Promise<void> = Promise.resolve();

  return {
    async load() {
      let sealed: Buffer;
      try {
        sealed = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
        throw error;
      }
      try {
        const { iv, tag, data } = JSON.parse(sealed.toString('utf8')) as { iv: string; tag: string; data: string };
        const decipher = createDecipheriv('aes-256-gcm', await dataKey(), Buffer.from(iv, 'base64'));
        decipher.setAAD(PURPOSE);
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        const queue = JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')) as AuditQueue;
        return { waiting: queue.waiting ?? [], setAside: queue.setAside ?? [] };
      } catch {
        // Another keychain's key, or a damaged file: kept aside for IT, never overwritten, and the queue starts again.
        const aside = `${file}.unreadable-${Date.now()}`;
        await rename(file, aside).catch(() => undefined);
        deps.log.warn('audit queue file could not be opened; kept aside', { file: path.basename(aside) });
        return empty();
      }
    },
    save(queue) {
      const write = async () => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', await dataKey(), iv);
        cipher.setAAD(PURPOSE);
        const data = Buffer.concat([cipher.update(JSON.stringify(queue), 'utf8'), cipher.final()]);
        const sealed = JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
        await mkdir(deps.dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, sealed, { mode: 0o600 });
        await rename(temporary, file);
      };
      writing = writing.then(write, write);
      return writing;
    },
  };
}
