import { describe, expect, it } from 'vitest';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { indexSome, type SearchableTable } from '../../../main/core/training/dataverse/relevance-search';
import { CONTACT_FIND_COLUMNS } from '../../../main/core/training/dataverse/stand-in';
import { createStore } from '../../../main/core/training/dataverse/store';
import { tableDefinitions } from '../../../main/core/training/dataverse/tables';

const definitions = tableDefinitions(tableNames());
const searchable = new Map<string, SearchableTable>([['contact', { entitySet: 'contacts', objectTypeCode: 2, findColumns: CONTACT_FIND_COLUMNS }]]);

/**
 * Dataverse search keeps its index as rows change, so a first query never waits for one to be
 * built; the stand-in builds its own while idle, a column at a time, before it says it has made
 * all its rows (which the benchmarks wait for).
 */
describe('the training Dataverse search index, built ahead of the first query', () => {
  it('is built a find column at a time until none is left, and again once a row changes', () => {
    const store = createStore(definitions, new Map());
    store.create('contacts', { firstname: 'Ada', lastname: 'Okafor', fullname: 'Ada Okafor' });
    let columns = 0;
    while (indexSome(store, searchable)) columns += 1;
    expect(columns).toBe(CONTACT_FIND_COLUMNS.length);
    expect(indexSome(store, searchable)).toBe(false);

    store.create('contacts', { firstname: 'Tunde', lastname: 'Adeyemi', fullname: 'Tunde Adeyemi' });
    expect(indexSome(store, searchable)).toBe(true);
  });

  it('builds nothing when Dataverse search is off', () => {
    const store = createStore(definitions, new Map());
    store.create('contacts', { firstname: 'Ada', lastname: 'Okafor', fullname: 'Ada Okafor' });
    expect(indexSome(store, null)).toBe(false);
  });
});
