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

export const notSupportedHere = (what: string) => new ODataError(501, '0x8004d241', `The training stand-in does not support ${what}.`);
