import type { StaffRole } from '../../../shared/domain/staff';

/** A table privilege, named as Dataverse names it in `prv<Privilege><table>`. */
export type TablePrivilege = 'Create' | 'Read' | 'Write' | 'Append' | 'AppendTo';

type RolePrivileges = Readonly<Record<string, readonly TablePrivilege[]>>;

const READ_ONLY: readonly TablePrivilege[] = ['Read'];

const EVERY_OFFICER: RolePrivileges = {
  contact: ['Read', 'Write', 'AppendTo'],
  incident: ['Create', 'Read', 'Write', 'Append', 'AppendTo'],
  annotation: ['Create', 'Read', 'Append'],
  cd_residentaccess: ['Create', 'Append'],
  cd_residentmessage: ['Create', 'Read', 'Append'],
  phonecall: ['Create', 'Read', 'Write', 'Append'],
  cd_facetoface: ['Create', 'Read', 'Write', 'Append'],
  email: ['Create', 'Read', 'Write', 'Append'],
  cd_repeatcontact: ['Create', 'Read'],
  cd_agentstate: ['Create'],
  cd_qualityreview: ['Read', 'Write'],
  ...Object.fromEntries(
    ['cd_household', 'cd_counciltaxaccount', 'cd_rentaccount', 'cd_parkingpermit', 'cd_residentflag', 'activitypointer', 'letter', 'appointment', 'cd_webform', 'cd_webchat', 'systemuser'].map((table) => [table, READ_ONLY]),
  ),
};

/**
 * The privileges each CivicDesk role's Dataverse security role must hold, table by table:
 * docs/dataverse-tables.md's "Security roles" as data (names under the default prefix `cd_`).
 * Access levels (User, Business Unit, Organization) are not checked: RetrieveUserPrivileges
 * reports them, but which one suits depends on how the council's business units are laid out.
 */
export const ROLE_PRIVILEGES: Readonly<Record<StaffRole, RolePrivileges>> = {
  agent: EVERY_OFFICER,
  'service-point-officer': { ...EVERY_OFFICER, cd_staffsafetymarker: READ_ONLY },
  'team-leader': {
    ...EVERY_OFFICER,
    cd_staffsafetymarker: READ_ONLY,
    cd_residentaccess: ['Create', 'Read', 'Append'],
    phonecall: ['Create', 'Read', 'Write', 'Append', 'AppendTo'],
    cd_facetoface: ['Create', 'Read', 'Write', 'Append', 'AppendTo'],
    email: ['Create', 'Read', 'Write', 'Append', 'AppendTo'],
    cd_qualityreview: ['Create', 'Read', 'Write', 'Append'],
    cd_agentstate: ['Create', 'Read'],
  },
};

/**
 * Activity tables share Dataverse's "Activity" privileges (prvReadActivity and so on): a
 * security role shows one Activity row for all of them. A privilege named for the table
 * itself counts too (the training stand-in names each table).
 */
export const ACTIVITY_TABLES: ReadonlySet<string> = new Set(['activitypointer', 'phonecall', 'email', 'letter', 'appointment', 'cd_facetoface', 'cd_webform', 'cd_webchat', 'cd_residentmessage']);
