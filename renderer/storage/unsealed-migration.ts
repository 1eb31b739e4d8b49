import Dexie from 'dexie';
import { CaseDatabase } from './case-database';

/** The databases of versions before sealing: one for every officer, in the clear. */
const UNSEALED_CASES = 'civicdesk-cases';
const UNSEALED_CACHES = ['civicdesk-directory', 'civicdesk-snapshots'];

type Row = Record<string, unknown>;

/** The officer a row belongs to, where it says. */
const officerOf = (row: Row): string | null => {
  const content = row['content'] as Row | undefined;
  return (row['staffId'] ?? content?.['staffId'] ?? null) as string | null;
};

/**
 * Moves what a version before sealing left in the clear into the officer's sealed database,
 * with nothing lost: the officer's own rows, and rows that name no officer (those versions
 * sent them as whoever was signed in, so the first officer to sign in takes them). Rows
 * naming another officer wait, still unsealed, until that officer signs in; once none are
 * left the old database is deleted. The directory and snapshot caches are simply deleted:
 * the directory syncs again and snapshots are only a copy.
 *
 * Each table moves in one transaction on each side, rows written sealed before they are
 * deleted here, so a crash part-way leaves them in one place or both, never neither (a row
 * in both is the same row, by id, and is simply moved again).
 */
export async function moveUnsealedRows(staffId: string, sealed: CaseDatabase): Promise<number> {
  await Promise.all(UNSEALED_CACHES.map((name) => Dexie.delete(name)));
  if (!(await Dexie.exists(UNSEALED_CASES))) return 0;
  const unsealed = new CaseDatabase(UNSEALED_CASES, null);
  let moved = 0;
  let left = 0;
  try {
    for (const table of unsealed.tables) {
      const rows = (await table.toArray()) as Row[];
      const mine = rows.filter((row) => {
        const officer = officerOf(row);
        return officer === null || officer === staffId;
      });
      left += rows.length - mine.length;
      if (mine.length === 0) continue;
      await sealed.table(table.name).bulkPut(mine);
      const keys = mine.map((row) => row[table.schema.primKey.keyPath as string]);
      await table.bulkDelete(keys as never[]);
      moved += mine.length;
    }
  } finally {
    unsealed.close();
  }
  if (left === 0) await Dexie.delete(UNSEALED_CASES);
  return moved;
}
