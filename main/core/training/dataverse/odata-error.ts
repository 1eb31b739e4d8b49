/**
 * An error the stand-in answers with, in Dataverse's shape: {"error":{"code","message"}}.
 * The codes are the ones Dataverse uses for the same mistakes.
 */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badQuery = (message: string) => new ODataError(400, '0x80060888', message);

export const unknownProperty = (column: string, logicalName: string) =>
  badQuery(`Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${logicalName}'.`);

export const doesNotExist = (logicalName: string, id: string) => new ODataError(404, '0x80040217', `${logicalName} With Id = ${id} Does Not Exist`);

/** Something Dataverse does that the stand-in leaves out: 501, or 400 where the client has another way to ask. */
export const notSupportedHere = (what: string, status = 501) => new ODataError(status, '0x8004d241', `The training stand-in does not support ${what}.`);

/** Something Dataverse itself refuses, in its own words ('The query node … is not supported.'). */
export const notSupported = (what: string) => badQuery(`${what} is not supported.`);

export const notWithChangeTracking = (option: string) => badQuery(`The "${option}" query parameter isn't supported when Change Tracking is enabled.`);

/** An aggregate over more rows than Dataverse will read for one (50,000). */
export const aggregateLimitExceeded = () => new ODataError(400, '0x8004E023', 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.');
