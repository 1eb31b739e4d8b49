import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError } from '../../shared/contract/outcome';
import { compactDirectory, directoryDatabase } from '../storage/directory-database';
import { nowIso } from '../storage/ids';

export type SyncResult = { ok: true; changed: boolean; updatedAt: string } | { ok: false; error: CallError; updatedAt: string | null };

/**
 * Brings the local directory up to date: everything on first use, then only what changed
 * (the back office's change tracking). If the back office cannot be reached, the directory
 * already on this computer keeps search working.
 */
export async function syncDirectory(bridge: ApiBridge, onProgress: (done: number, total: number) => void): Promise<SyncResult> {
  const db = directoryDatabase();
  const meta = await db.meta.get('sync');
  let offset: number | null = 0;
  let changed = false;
  while (offset !== null) {
    const outcome = await bridge.directory.changes({ deltaToken: meta?.deltaToken ?? null, offset });
    if (!outcome.ok) return { ok: false, error: outcome.error, updatedAt: meta?.updatedAt ?? null };
    const slice = outcome.value;
    await db.transaction('rw', db.blocks, db.meta, async () => {
      if (slice.replacesAll && offset === 0) await db.blocks.clear();
      if (slice.entries.length > 0 || slice.removed.length > 0) await db.blocks.add({ entries: slice.entries, removed: slice.removed });
      // The token is saved only with the last slice, so a sync cut short starts again cleanly.
      if (slice.nextOffset === null) await db.meta.put({ key: 'sync', deltaToken: slice.deltaToken, updatedAt: nowIso() });
    });
    changed ||= slice.entries.length > 0 || slice.removed.length > 0;
    onProgress((offset ?? 0) + slice.entries.length, slice.total);
    offset = slice.nextOffset;
  }
  if (changed) await compactDirectory(db);
  return { ok: true, changed, updatedAt: (await db.meta.get('sync'))?.updatedAt ?? nowIso() };
}
