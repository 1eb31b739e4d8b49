import { WEEKDAY } from './choices';
import type { AdapterContext } from './context';
import { quoted, query, select } from './odata';
import { choice } from './row';
import { householdTable } from './tables/household';

/**
 * The bin collection day for a postcode: the day the council's rounds empty the households
 * there. Public information, so no resident's record is opened for it. Homes on one postcode
 * share a round, so the first active one answers; null when the council has none there.
 */
export async function readCollectionDay(context: AdapterContext, postcode: string): Promise<string | null> {
  const { client, names: n } = context;
  const path = query(householdTable(n).entitySet, {
    $select: select([n.custom('collectionday')]),
    $filter: `${n.custom('postcode')} eq ${quoted(postcode)} and statecode eq 0`,
    $top: '1',
  });
  const { rows } = await client.readAll(path);
  const row = rows[0];
  return row ? (choice(row, n.custom('collectionday'), WEEKDAY) ?? null) : null;
}
