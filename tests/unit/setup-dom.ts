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

// The fake bridge's officer (tests/unit/support/fake-bridge.ts) has their storage open, sealed
// under a key of their own, as the workstation's OfficerStorageGate opens it.
const { switchStorageTo } = await import('../../renderer/storage/officer-storage');
const { importDataKey } = await import('../../renderer/storage/sealing');
const { fakeDataKey } = await import('./support/fake-bridge');
switchStorageTo({ staffId: 'staff-1', key: await importDataKey(Uint8Array.from(atob(fakeDataKey('staff-1')), (char) => char.charCodeAt(0))), kept: 'keychain' });

// Each test starts with empty case storage, as a fresh workstation would.
afterEach(async () => {
  const { caseDatabase } = await import('../../renderer/storage/case-database');
  const db = caseDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});
