import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteIfUnreadable } from '../../../renderer/storage/officer-storage';
import { sealTables } from '../../../renderer/storage/sealed-tables';
import { importDataKey, type DataKey } from '../../../renderer/storage/sealing';

interface Note {
  id: string;
  staffId: string;
  at: string;
  text: string;
  photo?: Blob;
  bytes?: Uint8Array;
}

class Notes extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  constructor(name: string, key: DataKey | null) {
    super(name);
    this.version(1).stores({ notes: 'id, staffId, at' });
    if (key) sealTables(this, key, { notes: ['id', 'staffId', 'at'] });
  }
}

const newKey = () => importDataKey(crypto.getRandomValues(new Uint8Array(32)));
const note = (n: number, staffId = 'staff-1'): Note => ({ id: `n-${n}`, staffId, at: `2026-12-0${(n % 9) + 1}`, text: `Mrs Ada Lovelace, 12 Peckham Road, 07700 900${String(n).padStart(3, '0')}` });
let count = 0;
const fresh = () => `sealed-${++count}-${crypto.randomUUID()}`;

describe('rows sealed under the officer’s data key', () => {
  it('reads back exactly what was written, by every way Dexie reads, while the disk holds only ids, dates and ciphertext', async () => {
    const name = fresh();
    const key = await newKey();
    const db = new Notes(name, key);
    await db.notes.bulkPut([1, 2, 3, 4].map((n) => note(n)));
    await db.notes.put({ ...note(5, 'staff-2'), photo: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) });

    expect(await db.notes.get('n-1')).toEqual(note(1));
    expect(await db.notes.bulkGet(['n-2', 'n-3'])).toEqual([note(2), note(3)]);
    expect(await db.notes.where('staffId').equals('staff-1').toArray()).toEqual([1, 2, 3, 4].map((n) => note(n)));
    // A filter walks a cursor: each row is opened before the filter sees it.
    expect(await db.notes.orderBy('at').filter((each) => each.text.endsWith('003')).toArray()).toEqual([note(3)]);
    expect(await db.notes.where('staffId').anyOf(['staff-2', 'nobody']).toArray()).toMatchObject([{ id: 'n-5', text: note(5).text }]);
    const photo = (await db.notes.get('n-5'))?.photo as Blob;
    expect([...new Uint8Array(await photo.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(photo.type).toBe('image/jpeg');
    // Bytes (a part of the saved search index) come back as bytes, sealed with the row.
    const secretBytes = new TextEncoder().encode('Ada Lovelace, SE15 4QT');
    await db.notes.put({ ...note(6), bytes: secretBytes });
    const back = (await db.notes.get('n-6'))?.bytes;
    expect(back).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(back)).toBe('Ada Lovelace, SE15 4QT');
    db.close();

    // The same database without the key: only what the indexes need is readable.
    const raw = new Notes(name, null);
    const stored = (await raw.notes.get('n-1')) as unknown as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['_sealed', 'at', 'id', 'staffId']);
    const everything = await raw.notes.toArray();
    expect(JSON.stringify(everything)).not.toMatch(/Lovelace|Peckham|07700/);
    expect(everything.some((row) => new TextDecoder().decode((row as unknown as Record<string, Uint8Array>)._sealed).includes('SE15 4QT'))).toBe(false);
    raw.close();
  });

  it('keeps the transaction open while rows are sealed, so a read-then-write in one transaction still works', async () => {
    const db = new Notes(fresh(), await newKey());
    await db.notes.bulkPut([1, 2].map((n) => note(n)));
    await db.transaction('rw', db.notes, async () => {
      const first = await db.notes.get('n-1');
      await db.notes.put({ ...(first as Note), text: 'changed' });
      const second = await db.notes.get('n-2');
      await db.notes.delete((second as Note).id);
      await db.notes.where('id').equals('n-1').modify((each) => {
        each.text += ' twice';
      });
    });
    expect(await db.notes.toArray()).toEqual([{ ...note(1), text: 'changed twice' }]);
  });

  it('cannot be opened with another key; a database sealed under a key that has gone is deleted, one under the right key is kept', async () => {
    const name = fresh();
    const key = await newKey();
    const db = new Notes(name, key);
    await db.notes.put(note(1));
    db.close();
    const other = new Notes(name, await newKey());
    await expect(other.notes.get('n-1')).rejects.toThrow();
    expect(await deleteIfUnreadable(new Notes(name, key))).toBe(false);
    expect(await deleteIfUnreadable(other)).toBe(true);
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('leaves a database this computer does not have yet uncreated (a new PC opens its storage without making databases to check)', async () => {
    const name = fresh();
    expect(await deleteIfUnreadable(new Notes(name, await newKey()))).toBe(false);
    expect(await Dexie.getDatabaseNames()).not.toContain(name);
  });

  it('is judged readable from one row of the first table that has one, never opening the rest (a saved search index is tens of megabytes)', async () => {
    class TwoTables extends Dexie {
      notes!: EntityTable<Note, 'id'>;
      large!: EntityTable<Note, 'id'>;
      constructor(name: string, key: DataKey) {
        super(name);
        this.version(1).stores({ notes: 'id', large: 'id' });
        sealTables(this, key, { notes: ['id'], large: ['id'] });
      }
    }
    const name = fresh();
    const key = await newKey();
    const mine = new TwoTables(name, key);
    await mine.notes.put(note(1));
    // A row in the second table that this key cannot open: were it read, the database would be deleted.
    const stranger = new TwoTables(name, await newKey());
    await stranger.large.put(note(2));
    stranger.close();
    expect(await deleteIfUnreadable(mine)).toBe(false);
    expect(await Dexie.exists(name)).toBe(true);
  });
});
