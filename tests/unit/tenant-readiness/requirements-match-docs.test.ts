import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { DATAVERSE_REQUIREMENTS } from '../../../main/core/tenant-readiness/dataverse-requirements';
import { ROLE_PRIVILEGES } from '../../../main/core/tenant-readiness/privilege-requirements';
import { securityRoles } from '../../../main/core/training/dataverse/security-roles';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/dataverse-tables.md'), 'utf8');

/**
 * docs/dataverse-tables.md's "Tables" section read as an administrator reads it: each `###`
 * heading names its tables in backticks (the Activities section lists them in its first
 * column), and a column row's type says `Text (N)` or `Multiple lines of text (N)` where
 * CivicDesk writes up to N characters. A row that begins "Calls only" is for `phonecall` alone,
 * one that begins "Emails only" for `email` alone.
 */
function documented(): Map<string, Map<string, number>> {
  const section = docs.slice(docs.indexOf('\n## Tables'), docs.indexOf('\n## ', docs.indexOf('\n## Tables') + 1));
  const tables = new Map<string, Map<string, number>>();
  for (const part of section.split('\n### ').slice(1)) {
    const [heading = '', ...rest] = part.split('\n');
    const named = [...(heading.split(/[:(]/)[0] ?? '').matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '');
    const listed = named.length > 0 ? named : rest.flatMap((line) => /^\| `([a-z_]+)` \(`[a-z_]+`\)/.exec(line)?.[1] ?? []);
    for (const table of listed) if (!tables.has(table)) tables.set(table, new Map());
    for (const line of rest) {
      const cells = line.split('|').map((cell) => cell.trim());
      const length = /^(?:Text|Multiple lines of text) \(([\d,]+)/.exec(cells[2] ?? '')?.[1];
      if (!length) continue;
      const columns = [...(cells[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '');
      const forTables = (cells[3] ?? '').startsWith('Calls only') ? named.slice(0, 1) : (cells[3] ?? '').startsWith('Emails only') ? named.filter((table) => table === 'email') : named;
      for (const table of forTables) for (const column of columns) tables.get(table)?.set(column, Number(length.replace(/,/g, '')));
    }
  }
  return tables;
}

describe('what the readiness check looks for is what docs/dataverse-tables.md tells the administrator to make', () => {
  const fromDocs = documented();

  test('the same tables', () => {
    expect([...fromDocs.keys()].sort()).toEqual(Object.keys(DATAVERSE_REQUIREMENTS).sort());
  });

  test('the same text columns with the same lengths, table by table', () => {
    const asObjects = Object.fromEntries([...fromDocs].map(([table, columns]) => [table, Object.fromEntries(columns)]));
    expect(asObjects).toEqual(DATAVERSE_REQUIREMENTS);
  });

  test('the privileges are the security roles the docs describe, as the training stand-in enforces them', () => {
    const names = { create: 'Create', read: 'Read', write: 'Write', append: 'Append', appendto: 'AppendTo' } as const;
    const enforced = securityRoles(tableNames());
    for (const role of ['agent', 'service-point-officer', 'team-leader'] as const) {
      const asChecked = Object.fromEntries(Object.entries(ROLE_PRIVILEGES[role]).map(([table, privileges]) => [table, [...privileges].sort()]));
      const asEnforced = Object.fromEntries(Object.entries(enforced[role]).map(([table, privileges]) => [table, privileges.map((each) => names[each]).sort()]));
      expect(asChecked, role).toEqual(asEnforced);
    }
  });
});
