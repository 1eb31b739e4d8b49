import { tableNames, type TableNames } from '../back-office/dataverse/names';
import { ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, anonymousContactCheck } from './anonymous-contact-check';
import { SEARCH_CHECK, SEARCH_TITLE, searchCheck } from './search-check';
import { failed, notChecked, passed, type ReadinessCheck } from './check';
import { COLUMN_TYPE_WORDS, DATAVERSE_REQUIREMENTS, DATAVERSE_TYPED_COLUMNS, underPrefix, type ColumnType } from './dataverse-requirements';
import { ACTIVITY_TABLES, ROLE_PRIVILEGES, type TablePrivilege } from './privilege-requirements';
import { errorText, type SignedInOfficer, type TenantConnection } from './tenant';

type Get = (path: string) => Promise<{ status: number; body: unknown }>;

const TABLES_DOC = 'docs/dataverse-tables.md';

/** The text columns Dataverse reports for a table, with their lengths (single and multiple lines of text). */
async function textColumnLengths(get: Get, table: string): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  for (const kind of ['StringAttributeMetadata', 'MemoAttributeMetadata']) {
    const answer = await get(`EntityDefinitions(LogicalName='${table}')/Attributes/Microsoft.Dynamics.CRM.${kind}?$select=LogicalName,MaxLength`);
    if (answer.status !== 200) throw new Error(`Dataverse answered ${answer.status} reading ${table}'s columns: ${errorText(answer.body)}`);
    const value = (answer.body as { value?: { LogicalName?: unknown; MaxLength?: unknown }[] }).value ?? [];
    for (const column of value) if (typeof column.LogicalName === 'string' && typeof column.MaxLength === 'number') lengths.set(column.LogicalName, column.MaxLength);
  }
  return lengths;
}

/** Every column's AttributeType as Dataverse reports it, by logical name. */
async function columnTypes(get: Get, table: string): Promise<Map<string, string>> {
  const answer = await get(`EntityDefinitions(LogicalName='${table}')/Attributes?$select=LogicalName,AttributeType`);
  if (answer.status !== 200) throw new Error(`Dataverse answered ${answer.status} reading ${table}'s columns: ${errorText(answer.body)}`);
  const value = (answer.body as { value?: { LogicalName?: unknown; AttributeType?: unknown }[] }).value ?? [];
  return new Map(value.flatMap((column) => (typeof column.LogicalName === 'string' && typeof column.AttributeType === 'string' ? [[column.LogicalName, column.AttributeType] as const] : [])));
}

/** One check per table: it exists, each text column CivicDesk writes is there and long enough, and each other column it uses is there with its type. */
async function tableCheck(get: Get, names: TableNames, requirement: string, columns: Readonly<Record<string, number>>): Promise<ReadinessCheck> {
  const table = underPrefix(requirement, names);
  const id = `dataverse-table:${table}`;
  const title = `Dataverse table ${table}`;
  const definition = await get(`EntityDefinitions(LogicalName='${table}')?$select=LogicalName,EntitySetName`);
  if (definition.status === 404) {
    const fix = table.startsWith(`${names.prefix}_`)
      ? `Make the table ${table} as ${TABLES_DOC} describes (Power Apps → Tables → New table), with the publisher prefix ${names.prefix}.`
      : `${table} is one of Dataverse's own tables, there only in an environment made with Dynamics 365 apps enabled (Customer Service has incident): use such an environment, or put its address in dataverseUrl.`;
    return failed(id, title, `The table ${table} does not exist in this environment.`, fix);
  }
  if (definition.status !== 200) return failed(id, title, `Dataverse answered ${definition.status} when asked about ${table}: ${errorText(definition.body)}.`, 'Check the officer may read table definitions (every security role may) and run the check again.');
  const wanted = Object.entries(columns).map(([column, length]) => [underPrefix(column, names), length] as const);
  const typed = Object.entries(DATAVERSE_TYPED_COLUMNS[requirement] ?? {}).map(([column, type]) => [underPrefix(column, names), type] as const);
  if (wanted.length === 0 && typed.length === 0) return passed(id, title, `The table ${table} exists.`);
  const lengths = wanted.length > 0 ? await textColumnLengths(get, table) : new Map<string, number>();
  const types = typed.length > 0 ? await columnTypes(get, table) : new Map<string, string>();
  const missing = [
    ...wanted.filter(([column]) => !lengths.has(column)).map(([column, length]) => `${column} (text, at least ${length})`),
    ...typed.filter(([column]) => !types.has(column)).map(([column, type]) => `${column} (${COLUMN_TYPE_WORDS[type].toLowerCase()})`),
  ];
  const short = wanted.flatMap(([column, length]) => {
    const actual = lengths.get(column);
    return actual !== undefined && actual < length ? [`${column} holds ${actual} characters, CivicDesk writes up to ${length}`] : [];
  });
  const otherType = typed.flatMap(([column, type]) => {
    const actual = types.get(column);
    return actual !== undefined && actual !== type ? [`${column} is ${typeWords(actual)}, CivicDesk needs ${COLUMN_TYPE_WORDS[type].toLowerCase()}`] : [];
  });
  if (missing.length === 0 && short.length === 0 && otherType.length === 0) {
    const others = typed.length > 0 ? ` and its ${typed.length} other columns of the right types` : '';
    return passed(id, title, wanted.length > 0 ? `The table ${table} exists with its ${wanted.length} text columns long enough${others}.` : `The table ${table} exists with its ${typed.length} columns of the right types.`);
  }
  const detail = [missing.length ? `Missing: ${missing.join(', ')}.` : '', short.length ? `Too short: ${short.join('; ')}.` : '', otherType.length ? `Of another type: ${otherType.join('; ')}.` : ''].filter(Boolean).join(' ');
  const fix = [
    missing.length ? `Add the missing columns to ${table} as ${TABLES_DOC} lists them.` : '',
    short.length ? `Raise each column's maximum length (Power Apps → Tables → ${table} → Columns → the column → Advanced options → Maximum character count) to at least the figure given.` : '',
    // Dataverse cannot change a column's type once it is made.
    otherType.length ? `A column's type cannot be changed: delete each one named and make it again with the type ${TABLES_DOC} gives.` : '',
  ].filter(Boolean).join(' ');
  return failed(id, title, detail, fix);
}

function typeWords(type: string): string {
  if (type === 'String') return 'text';
  if (type === 'Memo') return 'multiple lines of text';
  return type in COLUMN_TYPE_WORDS ? COLUMN_TYPE_WORDS[type as ColumnType].toLowerCase() : type;
}

/** Whether the privileges reported include `prv<privilege><table>` (activity tables: also prv<privilege>Activity). */
function holds(held: ReadonlySet<string>, table: string, activity: boolean, privilege: TablePrivilege): boolean {
  return held.has(`prv${privilege}${table}`.toLowerCase()) || (activity && held.has(`prv${privilege}activity`.toLowerCase()));
}

/** The signed-in officer's security roles hold every privilege CivicDesk uses for their role. */
async function privilegeCheck(get: Get, names: TableNames, officer: SignedInOfficer): Promise<ReadinessCheck> {
  const id = 'dataverse-privileges';
  const title = `The signed-in officer's Dataverse security role (${officer.role})`;
  const whoAmI = await get('WhoAmI');
  const userId = (whoAmI.body as { UserId?: unknown } | null)?.UserId;
  if (whoAmI.status !== 200 || typeof userId !== 'string') {
    return failed(id, title, `Dataverse did not say who the officer is (WhoAmI answered ${whoAmI.status}: ${errorText(whoAmI.body)}).`, 'Add the officer to the Dataverse environment as a user (Power Platform admin centre → Environments → Users) with a security role.');
  }
  const answer = await get(`systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`);
  if (answer.status !== 200) return failed(id, title, `Dataverse did not list the officer's privileges (${answer.status}: ${errorText(answer.body)}).`, 'Give the officer a security role that can read their own user record (every role has Read on systemuser), then run the check again.');
  const listed = (answer.body as { RolePrivileges?: { PrivilegeName?: unknown }[] }).RolePrivileges ?? [];
  const held = new Set(listed.flatMap((each) => (typeof each.PrivilegeName === 'string' ? [each.PrivilegeName.toLowerCase()] : [])));
  const missing: string[] = [];
  for (const [requirement, privileges] of Object.entries(ROLE_PRIVILEGES[officer.role])) {
    const table = underPrefix(requirement, names);
    for (const privilege of privileges) if (!holds(held, table, ACTIVITY_TABLES.has(requirement), privilege)) missing.push(`prv${privilege}${table}`);
  }
  if (missing.length === 0) return passed(id, title, `The officer holds all ${Object.values(ROLE_PRIVILEGES[officer.role]).flat().length} privileges CivicDesk uses for their role.`);
  return failed(
    id,
    title,
    `The officer is missing ${missing.length === 1 ? 'the privilege' : `${missing.length} privileges`}: ${missing.join(', ')}.`,
    `Add ${missing.length === 1 ? 'it' : 'them'} to the security role of the officer's CivicDesk role (Power Platform admin centre → Environments → Settings → Security roles), as ${TABLES_DOC}'s "Security roles" lists, then run the check again.`,
  );
}

/** Every Dataverse check: the tables and their columns, the officer's privileges, then the anonymous contact. */
export async function dataverseChecks(connection: TenantConnection, token: string | null, officer: SignedInOfficer | null): Promise<ReadinessCheck[]> {
  const names = tableNames(connection.settings.publisherPrefix);
  const requirements = Object.entries(DATAVERSE_REQUIREMENTS);
  if (!token || !officer) {
    const why = 'Not checked: there is no Dataverse token (see signing in and the user_impersonation permission).';
    return [
      ...requirements.map(([table]) => notChecked(`dataverse-table:${underPrefix(table, names)}`, `Dataverse table ${underPrefix(table, names)}`, why, 'Fix signing in and Dataverse consent first.')),
      notChecked('dataverse-privileges', 'The signed-in officer’s Dataverse security role', why, 'Fix signing in and Dataverse consent first.'),
      notChecked(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, why, 'Fix signing in and Dataverse consent first.'),
      notChecked(SEARCH_CHECK, SEARCH_TITLE, why, 'Fix signing in and Dataverse consent first.'),
    ];
  }
  const get: Get = (path) => connection.dataverse(path, token);
  const checks: ReadinessCheck[] = [];
  for (const [table, columns] of requirements) checks.push(await orFailed(`dataverse-table:${underPrefix(table, names)}`, `Dataverse table ${underPrefix(table, names)}`, () => tableCheck(get, names, table, columns)));
  checks.push(await orFailed('dataverse-privileges', 'The signed-in officer’s Dataverse security role', () => privilegeCheck(get, names, officer)));
  checks.push(await orFailed(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, () => anonymousContactCheck(get, names, connection.settings.anonymousContactId)));
  checks.push(await orFailed(SEARCH_CHECK, SEARCH_TITLE, () => searchCheck(get, names)));
  return checks;
}

/** A check that could not be made because the service could not be reached says so, and the rest still run. */
export async function orFailed(id: string, title: string, run: () => Promise<ReadinessCheck>): Promise<ReadinessCheck> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(id, title, `The check could not be made: ${reason}.`, 'Check this computer reaches the service and run the check again.');
  }
}
