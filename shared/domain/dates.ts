/**
 * A calendar day as 'YYYY-MM-DD'. Dates of birth, due dates and review dates are days, not
 * instants, so they carry no time zone and cannot drift by an hour across BST.
 */
export type IsoDate = string;

/** An instant as full ISO 8601 in UTC, for example '2024-03-05T09:41:00.000Z'. */
export type IsoDateTime = string;
