import { createHash } from 'node:crypto';
import { tableNames } from '../../back-office/dataverse/names';
import { notSupportedHere } from './odata-error';
import { securityRoles, type Caller, type Privilege } from './security-roles';

/** Dataverse's names for the privileges, as in `prvAppendTocd_residentaccess`. */
const NAMES: Readonly<Record<Privilege, string>> = { create: 'Create', read: 'Read', write: 'Write', append: 'Append', appendto: 'AppendTo' };
const BUSINESS_UNIT = '0000000a-0000-4000-8000-000000000001';
const FUNCTION = /^systemusers\(([0-9a-f-]{36})\)\/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivileges\(\)$/i;

/** A privilege's id: fixed for its name, as a real environment's ids are fixed for it. */
function privilegeId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Dataverse's bound function `systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`
 * for the caller themselves, from the stand-in's security-role model: each privilege their
 * role holds, in Dataverse's RetrieveUserPrivilegesResponse shape. The integration user (no
 * training officer) holds every privilege, as a System Administrator does. Access levels are
 * not modelled, so every privilege says Global. `whoAmIUserId` is the id WhoAmI gives every
 * caller here, so asking with it means "me". Null when the request is not this function.
 */
export function retrieveUserPrivileges(path: string, method: string, caller: Caller | null, whoAmIUserId: string, baseUrl: string): Record<string, unknown> | null {
  const match = method === 'GET' ? FUNCTION.exec(path) : null;
  if (!match) return null;
  const userId = (match[1] ?? '').toLowerCase();
  if (userId !== whoAmIUserId && userId !== caller?.userId) throw notSupportedHere('RetrieveUserPrivileges for anyone but the caller');
  // Every table any CivicDesk role touches, probed through the caller's own rules.
  const tables = [...new Set(Object.values(securityRoles(tableNames())).flatMap((privileges) => Object.keys(privileges)))];
  const held = tables.flatMap((table) => (Object.keys(NAMES) as Privilege[]).filter((privilege) => !caller || caller.may(table, privilege)).map((privilege) => `prv${NAMES[privilege]}${table}`));
  return {
    '@odata.context': `${baseUrl}$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse`,
    RolePrivileges: held.map((name) => ({ Depth: 'Global', PrivilegeId: privilegeId(name), BusinessUnitId: BUSINESS_UNIT, PrivilegeName: name })),
  };
}
