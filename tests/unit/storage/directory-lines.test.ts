import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { blockEntries, DirectoryDatabase, newBlock, readDirectory } from '../../../renderer/storage/directory-database';
import { entriesOfLines, linesOf } from '../../../renderer/storage/directory-lines';
import { importDataKey } from '../../../renderer/storage/sealing';
import { testEntry } from '../support/directory-entries';

const residents: DirectoryEntry[] = [
  testEntry({ residentId: '9d1c0c7e-3b1a-4f7e-9a51-3f0f1b2c4d5e', householdId: 'f0e1d2c3-b4a5-4968-8776-655443322110', givenName: 'Zoë', familyName: 'O’Brien-Ndiaye', phones: ['020 7946 0123', '07700 900123'], email: 'zoe@example.org', councilTaxReference: 'CT12345678', rentReference: 'RN-0042', vulnerable: true }),
  // No phone, no email, no references, no household: each kept as none, not as empty text.
  testEntry({ residentId: 'r-2', householdId: '', givenName: 'Ade', familyName: 'Okafor', phones: [] }),
  // One phone number that is empty is not the same as none.
  testEntry({ residentId: 'r-3', givenName: '李', familyName: '小龙 🙂', addressLine: 'Flat 2, 10 Rye Lane', phones: [''], email: '' }),
];

describe('a directory block kept as lines', () => {
  it('gives back every resident exactly as they arrived', () => {
    const lines = linesOf(residents);
    expect(lines).not.toBeNull();
    expect(entriesOfLines(lines!)).toEqual(residents);
  });

  it('is not used when a field holds a separator or is not text, so nothing is misread', () => {
    expect(linesOf([...residents, testEntry({ residentId: 'r-4', familyName: 'Smith\u0000Jones' })])).toBeNull();
    expect(linesOf([testEntry({ residentId: 'r-5', phones: ['020\u001e7946'] })])).toBeNull();
    expect(linesOf([{ ...testEntry({ residentId: 'r-6' }), householdId: null } as unknown as DirectoryEntry])).toBeNull();
    expect(linesOf([])).toBeNull();
    // Such a block keeps its JSON instead, and reads back the same.
    const awkward = [testEntry({ residentId: 'r-4', familyName: 'Smith\u0000Jones' })];
    expect(newBlock(awkward, [])).toEqual({ entries: awkward, removed: [] });
    expect(blockEntries(newBlock(awkward, []))).toEqual(awkward);
  });

  it('is sealed and read back from the officer’s database beside a block an older version kept as JSON', async () => {
    const db = new DirectoryDatabase(`directory-lines-${crypto.randomUUID()}`, await importDataKey(crypto.getRandomValues(new Uint8Array(32))));
    const older = testEntry({ residentId: 'r-old', familyName: 'Older' });
    await db.blocks.add({ entries: [older, { ...residents[1]!, familyName: 'Before the change' }], removed: [] });
    await db.blocks.add(newBlock(residents, ['r-old']));
    const [first, second] = await db.blocks.toArray();
    expect(first?.lines).toBeUndefined();
    expect(second?.lines).toBeInstanceOf(Uint8Array);
    // The later block wins: r-old removed, r-2 as it is now.
    const byId = (list: DirectoryEntry[]) => [...list].sort((a, b) => a.residentId.localeCompare(b.residentId));
    expect(byId(await readDirectory(db))).toEqual(byId(residents));
    db.close();
  });
});
