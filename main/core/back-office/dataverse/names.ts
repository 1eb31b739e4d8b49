/**
 * The council's own tables and columns carry its publisher prefix ('cd_household'); the
 * administrator may have made them under another. Dataverse's own tables (contact,
 * incident, the activities) keep their names, with the council's columns added.
 */
export interface TableNames {
  readonly prefix: string;
  /** A custom column or table: 'pronouns' → 'cd_pronouns'. */
  custom(name: string): string;
  /** A custom lookup as the Web API reads it: 'householdid' → '_cd_householdid_value'. */
  lookup(name: string): string;
  /** A custom lookup's navigation property for binding on create: 'ResidentId' → 'cd_ResidentId@odata.bind'. */
  bind(schemaName: string): string;
}

const PREFIX = /^[a-z][a-z0-9]{1,7}$/;

export const DEFAULT_PUBLISHER_PREFIX = 'cd';

export function tableNames(prefix: string = DEFAULT_PUBLISHER_PREFIX): TableNames {
  // Dataverse prefixes are 2 to 8 letters and digits; checking keeps them safe in URLs.
  if (!PREFIX.test(prefix) || prefix.startsWith('mscrm')) throw new TypeError(`"${prefix}" is not a Dataverse publisher prefix.`);
  return {
    prefix,
    custom: (name) => `${prefix}_${name}`,
    lookup: (name) => `_${prefix}_${name}_value`,
    bind: (schemaName) => `${prefix}_${schemaName}@odata.bind`,
  };
}
