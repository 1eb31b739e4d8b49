import type { Page } from '@playwright/test';
import { callContract } from './contact';

/**
 * The signed-in officer's case database, read and written with their key, as anyone holding
 * the key could (renderer/storage/sealing.ts: IV, then AES-GCM with the table's name as
 * additional data, over [JSON length][JSON]). Main hands the key only to the officer signed in,
 * over the bridge with the per-run secret, as it does to the workstation.
 */
export async function officerKey(page: Page): Promise<{ key: string; database: string }> {
  const session = await callContract(page, 'session.get', {});
  const staffId = (session.value as { user: { id: string } | null }).user?.id;
  if (!staffId) throw new Error('nobody is signed in');
  const key = await callContract(page, 'storage.dataKey', {});
  if (!key.ok) throw new Error(key.error?.message ?? 'no key');
  return { key: (key.value as { key: string }).key, database: `civicdesk-cases-${staffId}` };
}

/** Every row of a table, opened. */
export async function readSealedRows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  const { key, database } = await officerKey(page);
  return page.evaluate(
    async ({ key, database, table }) => {
      const cryptoKey = await crypto.subtle.importKey('raw', Uint8Array.from(atob(key), (char) => char.charCodeAt(0)), 'AES-GCM', false, ['decrypt']);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<{ _sealed?: Uint8Array<ArrayBuffer> }[]>((resolve, reject) => {
        const all = db.transaction(table).objectStore(table).getAll();
        all.onsuccess = () => resolve(all.result as { _sealed?: Uint8Array<ArrayBuffer> }[]);
        all.onerror = () => reject(all.error);
      });
      db.close();
      return Promise.all(
        rows.map(async (row) => {
          if (!row._sealed) return row as Record<string, unknown>;
          const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row._sealed.subarray(0, 12), additionalData: new TextEncoder().encode(table) }, cryptoKey, row._sealed.subarray(12)));
          const length = new DataView(plain.buffer).getUint32(0);
          return JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + length))) as Record<string, unknown>;
        }),
      );
    },
    { key, database, table },
  );
}

/** Puts rows straight into tables, sealed as the app seals them, keeping `clear` key paths readable. */
export async function writeSealedRows(page: Page, rows: { table: string; row: Record<string, unknown>; clear: string[] }[], officer?: { key: string; database: string }): Promise<void> {
  // Asked before the page goes offline, where a test needs that: main is out of reach then.
  const { key, database } = officer ?? (await officerKey(page));
  await page.evaluate(
    async ({ key, database, rows }) => {
      const cryptoKey = await crypto.subtle.importKey('raw', Uint8Array.from(atob(key), (char) => char.charCodeAt(0)), 'AES-GCM', false, ['encrypt']);
      const sealed = await Promise.all(
        rows.map(async ({ table, row, clear }) => {
          const json = new TextEncoder().encode(JSON.stringify(row));
          const packed = new Uint8Array(4 + json.length);
          new DataView(packed.buffer).setUint32(0, json.length);
          packed.set(json, 4);
          const iv = crypto.getRandomValues(new Uint8Array(12));
          const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(table) }, cryptoKey, packed));
          const stored: Record<string, unknown> = Object.fromEntries(clear.map((path) => [path, row[path]]));
          const _sealed = new Uint8Array(12 + ciphertext.length);
          _sealed.set(iv);
          _sealed.set(ciphertext, 12);
          return { table, stored: { ...stored, _sealed } };
        }),
      );
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction([...new Set(sealed.map((each) => each.table))], 'readwrite');
      for (const { table, stored } of sealed) tx.objectStore(table).put(stored);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { key, database, rows },
  );
}
