import type { TableNames } from '../../back-office/dataverse/names';
import type { StaffRole } from '../../../../shared/domain/staff';
import { rowIdFor } from './row-ids';
import { ODataError } from './odata-error';

/** The table privileges a Dataverse security role grants, as the stand-in checks them. */
export type Privilege = 'create' | 'read' | 'write' | 'append' | 'appendto';

/** Dataverse's names for them, as its refusals spell them (prvReadcontact, prvAppendTocd_residentaccess). */
const PRIVILEGE_NAMES: Readonly<Record<Privilege, string>> = { create: 'Create', read: 'Read', write: 'Write', append: 'Append', appendto: 'AppendTo' };

/** Table (logical name) → the privileges a role has on it; a table left out is one the role cannot touch. */
export type RolePrivileges = Readonly<Record<string, readonly Privilege[]>>;

/**
 * The security roles of docs/dataverse-tables.md ("Security roles"), one per CivicDesk role, as
 * data: what each officer's token may do to each table. Access levels (User, Business Unit,
 * Organization) are not modelled: a privilege here is held at the level the docs give.
 */
export function securityRoles(n: TableNames): Readonly<Record<StaffRole, RolePrivileges>> {
  const c = n.custom;
  const readOnly: readonly Privilege[] = ['read'];
  const everyOfficer: Record<string, readonly Privilege[]> = {
    contact: ['read', 'write', 'appendto'],
    incident: ['create', 'read', 'write', 'append', 'appendto'],
    annotation: ['create', 'read', 'append'],
    // Every open is recorded by the officer who made it; only team leaders read them back.
    [c('residentaccess')]: ['create', 'append'],
    phonecall: ['create', 'read', 'write', 'append'],
    [c('facetoface')]: ['create', 'read', 'write', 'append'],
    [c('repeatcontact')]: ['create', 'read'],
    [c('qualityreview')]: ['read', 'write'],
    ...Object.fromEntries(
      [c('household'), c('counciltaxaccount'), c('rentaccount'), c('parkingpermit'), c('residentflag'), 'activitypointer', 'email', 'letter', 'appointment', c('webform'), c('webchat'), 'systemuser'].map((table) => [table, readOnly]),
    ),
  };
  return {
    agent: everyOfficer,
    // They meet residents: the staff-safety markers are for them.
    'service-point-officer': { ...everyOfficer, [c('staffsafetymarker')]: readOnly },
    'team-leader': {
      ...everyOfficer,
      [c('staffsafetymarker')]: readOnly,
      [c('residentaccess')]: ['create', 'read', 'append'],
      phonecall: ['create', 'read', 'write', 'append', 'appendto'],
      [c('facetoface')]: ['create', 'read', 'write', 'append', 'appendto'],
      [c('qualityreview')]: ['create', 'read', 'write', 'append'],
    },
  };
}

const TOKEN_PREFIX = 'training-officer.';

/**
 * The bearer token training mode sends for an officer: it names them, as a real token's `oid`
 * names the Dataverse user whose roles apply. Any other token is the environment's integration
 * user (System Administrator), which the tests and the stand-in's own tools use.
 */
export const trainingOfficerToken = (staffId: string): string => `${TOKEN_PREFIX}${staffId}`;

/** Who a request is from, and what their roles let them do. */
export interface Caller {
  userId: string;
  may(table: string, privilege: Privilege): boolean;
}

/** The caller behind an Authorization header: an officer of the training borough, or null for the integration user. */
export function callerFor(authorization: string | undefined, staff: readonly { id: string; role: StaffRole }[], roles: Readonly<Record<StaffRole, RolePrivileges>>): Caller | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const officer = staff.find((each) => each.id === token.slice(TOKEN_PREFIX.length));
  // A token for nobody Dataverse knows has no roles at all.
  const privileges: RolePrivileges = officer ? roles[officer.role] : {};
  let userId = '00000000-0000-0000-0000-000000000000';
  try {
    if (officer) userId = rowIdFor(officer.id);
  } catch {
    // Staff ids that are not training ids keep the empty user id.
  }
  return { userId, may: (table, privilege) => privileges[table]?.includes(privilege) ?? false };
}

/** Dataverse's refusal for a missing privilege: 403, 0x80040220, naming the privilege. */
export function missingPrivilege(caller: Caller, table: string, privilege: Privilege): ODataError {
  return new ODataError(403, '0x80040220', `Principal user (Id=${caller.userId}, type=8), is missing prv${PRIVILEGE_NAMES[privilege]}${table} privilege on entity '${table}'.`);
}

/** Throws Dataverse's refusal unless the caller (null: the integration user) holds the privilege. */
export function demand(caller: Caller | null, table: string, privilege: Privilege): void {
  if (caller && !caller.may(table, privilege)) throw missingPrivilege(caller, table, privilege);
}
