import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The whole workstation renders in jsdom on a 2-core machine shared with other test files:
// allow findBy* and waitFor longer than the 1 s default before calling it a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// Each test starts with empty case storage, as a fresh workstation would.
afterEach(async () => {
  const { caseDatabase } = await import('../../renderer/storage/case-database');
  const db = caseDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});
