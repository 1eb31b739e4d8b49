import { describe, expect, it } from 'vitest';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { activityRows, followedBy, incidentRows, later } from '../../../main/core/training/dataverse/rows-casework';
import type { StandInRow } from '../../../main/core/training/dataverse/rows-people';
import { createStore, type SeedRows, type TrainingStore } from '../../../main/core/training/dataverse/store';
import { tableDefinitions } from '../../../main/core/training/dataverse/tables';
import { generateTrainingData } from '../../../main/core/training/generator';

/**
 * At borough scale the stand-in makes a table's seed rows (cases, the contact history) only
 * when first needed or while idle. Whenever they are made, a client must see exactly what it
 * would have seen had they been made at the start: the same rows, the same versions (ETags and
 * change tracking), and its own writes after them.
 */
const dataset = generateTrainingData({ residents: 300 });
const names = tableNames();
const definitions = tableDefinitions(names);

function seeds(): Map<string, StandInRow[] | SeedRows> {
  const rows = new Map<string, StandInRow[] | SeedRows>([['incidents', later(dataset.cases.length, () => incidentRows(dataset, names))], ...activityRows(dataset, names)]);
  rows.set('phonecalls', followedBy(rows.get('phonecalls'), [{ activityid: '00000000-0000-4000-8000-00000000f001', subject: 'A call from the Team history' }]));
  return rows;
}

/** The same seed rows, every one made at once. */
const atOnce = () => new Map([...seeds()].map(([entitySet, seed]) => [entitySet, 'count' in seed ? [...seed.rows()] : seed]));

const everything = (store: TrainingStore) => store.tables().map((table) => [table.definition.entitySet, table.inKeyOrder().map(([id, row]) => [id, row.version, row.values])]);

describe('seed rows made later', () => {
  it('are the rows, in the versions, that the tables would have had made at once', () => {
    const eager = createStore(definitions, atOnce());
    const lazy = createStore(definitions, seeds());
    expect(lazy.currentVersion()).toBe(eager.currentVersion());
    expect(eager.table('phonecalls')?.rows.size).toBeGreaterThan(10);
    expect(everything(lazy)).toEqual(everything(eager));
  });

  it('are made a slice at a time while idle, until none wait', () => {
    const eager = createStore(definitions, atOnce());
    const lazy = createStore(definitions, seeds());
    let slices = 0;
    while (lazy.fillSome(100)) slices += 1;
    expect(slices).toBeGreaterThan(5);
    expect(lazy.fillSome(100)).toBe(false);
    expect(everything(lazy)).toEqual(everything(eager));
  });

  it('come before a write made while they still wait, which takes a later version than every one of them', () => {
    const lazy = createStore(definitions, seeds());
    const seeded = lazy.currentVersion();
    const id = lazy.create('phonecalls', { subject: 'Asked about a missed bin' });
    const calls = lazy.table('phonecalls');
    expect(calls?.rows.get(id)?.version).toBe(seeded + 1);
    expect(Math.max(...[...(calls?.rows.values() ?? [])].filter((row) => row.values.activityid !== id).map((row) => row.version))).toBeLessThanOrEqual(seeded);
    // The call is in activitypointers too, after all of the residents' own activities.
    expect(lazy.table('activitypointers')?.rows.size).toBe(dataset.contacts.length + 1);
    expect(lazy.table('activitypointers')?.rows.get(id)?.values.activitytypecode).toBe('phonecall');
  });

  it('give a lookup the name of a row after them (the Team history\'s) without being made, and the name it would have had made at once', () => {
    let made = 0;
    const own: SeedRows = {
      count: 2,
      *rows() {
        for (const n of [1, 2]) {
          made += 1;
          yield { activityid: `00000000-0000-4000-8000-00000000000${n}`, subject: `A resident's own call ${n}` };
        }
      },
    };
    const history = { activityid: '00000000-0000-4000-8000-00000000F001', subject: 'A call from the Team history' };
    const store = createStore(definitions, new Map([['phonecalls', followedBy(own, [history])]]));
    expect(store.nameOf('phonecalls', history.activityid)).toBe('A call from the Team history');
    expect(made).toBe(0);
    // A residents' own call cannot be found without making the rows: they are made, and it is named.
    expect(store.nameOf('phonecalls', '00000000-0000-4000-8000-000000000002')).toBe("A resident's own call 2");
    expect(made).toBe(2);
  });

  it('are refused when there are not as many as promised, since the versions after them are taken', () => {
    const store = createStore(definitions, new Map([['incidents', later(3, () => incidentRows(dataset, names).slice(0, 2))]]));
    expect(() => store.table('incidents')?.rows).toThrow('The seed rows of incidents are not as many as promised.');
  });
});
