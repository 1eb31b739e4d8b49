import type { TableNames } from '../../back-office/dataverse/names';
import type { StaffRole } from '../../../../shared/domain/staff';
import type { AccessTokenClaims } from '../identity/access-token';
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
    // Texts and emails to residents, recorded by the officer who sent them, read on the 360 view.
    [c('residentmessage')]: ['create', 'read', 'append'],
    phonecall: ['create', 'read', 'write', 'append'],
    [c('facetoface')]: ['create', 'read', 'write', 'append'],
    // An email from the contact mailbox, answered, is recorded like a call.
    email: ['create', 'read', 'write', 'append'],
    [c('repeatcontact')]: ['create', 'read'],
    // Each officer records their own state changes; only team leaders read them (the team view).
    [c('agentstate')]: ['create'],
    [c('qualityreview')]: ['read', 'write'],
    ...Object.fromEntries(
      [c('household'), c('counciltaxaccount'), c('rentaccount'), c('parkingpermit'), c('residentflag'), 'activitypointer', 'letter', 'appointment', c('webform'), c('webchat'), 'systemuser'].map((table) => [table, readOnly]),
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
      email: ['create', 'read', 'write', 'append', 'appendto'],
      [c('qualityreview')]: ['create', 'read', 'write', 'append'],
      [c('agentstate')]: ['create', 'read'],
    },
  };
}

/**
 * The training integration app registration: the environment's one application user, with the
 * System Administrator role, as a council's own integration would be. Tests and tools that need
 * the back office with every privilege act as it, with an application token (idtyp app) the
 * training identity signed; nothing an officer does uses it.
 */
export const INTEGRATION_APP_ID = '00000000-0000-4000-8000-0000000a11c0';
/** The integration app's service principal: the `oid` of its tokens. */
export const INTEGRATION_APP_OBJECT_ID = '00000000-0000-4000-8000-0000000a11c1';

/** Who a request is from, and what their roles let them do. */
export interface Caller {
  userId: string;
  may(table: string, privilege: Privilege): boolean;
}

/** A Dataverse user the stand-in knows: an officer (their role's privileges) or the application user (everything). */
export interface KnownUser {
  systemUserId: string;
  role: StaffRole | 'system-administrator';
}

/** What a token must be to reach the stand-in's tables, and who it then is. */
export interface TokenRules {
  /** Checks the signature and times against the training identity; null when it is not one of its access tokens. */
  verify(token: string): AccessTokenClaims | null;
  /** The environment's address: the only audience accepted. */
  audience: string;
  /** Officers by Entra object id (systemuser.azureactivedirectoryobjectid). */
  users: ReadonlyMap<string, KnownUser>;
  /** Application users by their app registration's id (systemuser.applicationid). */
  applications: ReadonlyMap<string, KnownUser>;
  roles: Readonly<Record<StaffRole, RolePrivileges>>;
}

export type TokenOutcome = { caller: Caller } | { refused: { status: number; headers: Record<string, string>; body: string } };

/** Where Dataverse's 401 points a client to get a token: Entra's authorize endpoint. */
const AUTHORIZATION_URI = 'https://login.microsoftonline.com/common/oauth2/authorize';

/**
 * The caller behind an Authorization header, as Dataverse decides it: the token must be the
 * identity's, in its time, for this environment (aud), and either an officer's delegated token
 * with user_impersonation or an application's own; the caller is then the systemuser with that
 * Entra object id (or application id), with their role's privileges. Anything else is refused
 * as Dataverse refuses it: 401 with an empty body and where to sign in, or, for a good token of
 * someone the environment does not have as a user, 403 "not a member of the organization".
 */
export function callerForToken(authorization: string | undefined, rules: TokenRules): TokenOutcome {
  const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const claims = token ? rules.verify(token) : null;
  const audienceOk = claims !== null && claims.aud.replace(/\/+$/, '').toLowerCase() === rules.audience.toLowerCase();
  const application = claims?.idtyp === 'app' && claims.roles !== undefined;
  const delegatedOk = claims?.scp?.split(' ').includes('user_impersonation') ?? false;
  if (!claims || !audienceOk || (!application && !delegatedOk)) {
    return { refused: { status: 401, headers: { 'WWW-Authenticate': `Bearer authorization_uri=${AUTHORIZATION_URI}, resource_id=${rules.audience}/` }, body: '' } };
  }
  const known = application ? rules.applications.get(claims.azp ?? '') : rules.users.get(claims.oid);
  if (!known) {
    const body = JSON.stringify({ error: { code: '0x80072560', message: 'The user is not a member of the organization.' } });
    return { refused: { status: 403, headers: { 'OData-Version': '4.0', 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' }, body } };
  }
  if (known.role === 'system-administrator') return { caller: { userId: known.systemUserId, may: () => true } };
  const privileges = rules.roles[known.role];
  return { caller: { userId: known.systemUserId, may: (table, privilege) => privileges[table]?.includes(privilege) ?? false } };
}

/** Dataverse's refusal for a missing privilege: 403, 0x80040220, naming the privilege. */
export function missingPrivilege(caller: Caller, table: string, privilege: Privilege): ODataError {
  return new ODataError(403, '0x80040220', `Principal user (Id=${caller.userId}, type=8), is missing prv${PRIVILEGE_NAMES[privilege]}${table} privilege on entity '${table}'.`);
}

/** Throws Dataverse's refusal unless the caller holds the privilege (null: a caller the handler was given no rules for). */
export function demand(caller: Caller | null, table: string, privilege: Privilege): void {
  if (caller && !caller.may(table, privilege)) throw missingPrivilege(caller, table, privilege);
}
